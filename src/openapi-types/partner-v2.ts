// Generated from openapi/partner-v2.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/partner/v2/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signup an Organization on behalf of a Customer
         * @description Create an organization for a customer. Pass either an entitlement object reference (the URL of a previously
         *     created entitlement) or entitlement details. A reference links that entitlement; details create the
         *     entitlement with the organization in a single transaction. With user details the first user is created as
         *     well; without them the signup is incomplete until `/partner/v2/signup/activate` is called.
         */
        post: operations["signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/signup/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate an Incomplete Signup
         * @description Creates the first user in an organization previously created by `/partner/v2/signup` without user details,
         *     completing the signup. Calling it when the signup is already complete answers `409 Conflict`.
         */
        post: operations["activateSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/signup/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signup a Customer by Linking to an Existing Organization
         * @description Link a new (or previously created) entitlement to an existing organization. The `token` is a link token
         *     issued for that organization (`signups link-token`); a forged, expired or foreign token is refused.
         */
        post: operations["signupPartnerV2Link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/entitlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List of Entitlements
         * @description Retrieve a sorted, filtered, paginated list of the partner's entitlements.
         */
        get: operations["listPartnerV2Entitlements"];
        put?: never;
        /**
         * Create an Entitlement
         * @description Create an entitlement for a marketplace purchase. Prefer `/partner/v2/signup` unless the entitlement must be
         *     created before the signup. `external_id` is unique per partner.
         */
        post: operations["createPartnerV2Entitlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/entitlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an Entitlement */
        get: operations["getPartnerV2Entitlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List of Organizations
         * @description Retrieve a paginated list of the organizations the partner signed up or linked.
         */
        get: operations["listPartnerV2Organizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/partner/v2/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an Organization */
        get: operations["getPartnerV2Organization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth2/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (OAuth2 client credentials)
         * @description RFC 6749 client-credentials grant. The client authenticates with HTTP Basic or with `client_id` and
         *     `client_secret` form fields. `scope` (space separated) narrows the token to a subset of the client's scopes.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/identity/connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (AVEVA CONNECT identity path)
         * @description The same grant as `/oauth2/token`, at the path AVEVA CONNECT clients use.
         */
        post: operations["issueIdentityToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (the database answers) */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            database?: string;
        };
        TokenRequest: {
            grant_type: string;
            client_id?: string;
            client_secret?: string;
            scope?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
            scope: string;
        };
        OAuthError: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "temporarily_unavailable" | "server_error";
            error_description?: string;
        };
        /** @description The partner signup request */
        PartnerSignupRequest: {
            organization: components["schemas"]["partner.v2.Organization"] & unknown;
            user?: components["schemas"]["v2.User"];
            entitlement: components["schemas"]["EntitlementDetailsOrReference"];
        };
        /** @description The partner link request */
        PartnerLinkRequest: {
            /** @description The link token issued for the existing organization. */
            token: string;
            organization: components["schemas"]["partner.v2.Organization"] & unknown;
            entitlement: components["schemas"]["EntitlementDetailsOrReference"];
        };
        /** @description The partner signup activation request */
        ActivatePartnerSignupRequest: {
            user: components["schemas"]["v2.User"];
            /**
             * @description The ID of the organization
             * @example b3a17773-05cc-4431-9560-433fb4613da8
             */
            organization_id: string;
        };
        PartnerSignupResponse: {
            /** @example b3a17773-05cc-4431-9560-433fb4613da8 */
            organization_id: string;
            /**
             * Format: uri
             * @example https://confluent.cloud/login/sso/AzureAD-OIDC-b3a17773-05cc-4431-9560-433fb4613da8
             */
            sso_url: string;
            /** @description A message to show the customer in the marketplace UI. */
            display_message?: string;
        };
        /** @description Either entitlement details (a new entitlement) or a reference to an entitlement created earlier. */
        EntitlementDetailsOrReference: components["schemas"]["EntitlementDetails"] | components["schemas"]["EntitlementReference"];
        EntitlementDetails: components["schemas"]["partner.v2.Entitlement"] & unknown;
        EntitlementReference: {
            id?: string;
            /**
             * Format: uri
             * @description The URL of a previously created entitlement (its `metadata.self`).
             */
            related: string;
            resource_name?: string;
            api_version?: string;
            kind?: string;
        };
        "v2.User": {
            given_name: string;
            family_name: string;
            /** Format: email */
            email: string;
        };
        /** @description `Organizations` objects represent an entire Confluent Cloud organization. */
        "partner.v2.Organization": {
            /** @enum {string} */
            readonly api_version?: "partner/v2";
            /** @enum {string} */
            readonly kind?: "Organization";
            /** @example b3a17773-05cc-4431-9560-433fb4613da8 */
            readonly id?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            /**
             * @description The name of the organization
             * @example Acme Organization
             */
            name?: string;
            /** Format: uri */
            readonly sso_url?: string;
            sso_config?: components["schemas"]["SSOConfig"];
        };
        /** @description The organization's single sign-on configuration. */
        SSOConfig: components["schemas"]["AzureSSOConfig"];
        AzureSSOConfig: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "AzureSSOConfig";
            /**
             * @description The Azure AD tenant
             * @example b3a17773-05cc-4431-9560-433fb4613da8
             */
            tenant_id: string;
        };
        "partner.v2.Entitlement": {
            /** @enum {string} */
            readonly api_version?: "partner/v2";
            /** @enum {string} */
            readonly kind?: "Entitlement";
            /** @example ent-1m8s61f4rqqmre6q */
            readonly id?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            /**
             * @description Unique identifier of the purchase (the marketplace subscription or entitlement id).
             * @example 1111-2222-3333-4444
             */
            external_id?: string;
            /** @example Acme Prod Entitlement */
            name?: string;
            /** @enum {string} */
            plan_id?: "confluent-cloud-payg-prod" | "payg-prod.gcpmarketplace.confluent.cloud";
            /** @enum {string} */
            product_id?: "confluent-cloud-kafka-service-azure" | "confluent-cloud-for-apache-kafka" | "payg-prod.gcpmarketplace.confluent.cloud";
            /** @description Usage reporting id (same as external_id unless usage is reported under a different id). */
            usage_reporting_id?: string;
            resource_id?: string;
            organization?: components["schemas"]["ObjectReference"];
        };
        ObjectReference: {
            id?: string;
            environment?: string;
            /** Format: uri */
            related: string;
            resource_name?: string;
            api_version?: string;
            kind?: string;
        };
        ObjectMeta: {
            /** Format: uri */
            self: string;
            resource_name?: string;
            /** Format: date-time */
            created_at?: string;
            /** Format: date-time */
            updated_at?: string;
            /** Format: date-time */
            deleted_at?: string;
        };
        ListMeta: {
            /** Format: uri */
            first?: string | null;
            /** Format: uri */
            last?: string | null;
            /** Format: uri */
            prev?: string | null;
            /** Format: uri */
            next?: string | null;
            /** Format: int32 */
            total_size?: number;
        };
        "partner.v2.EntitlementList": {
            /** @enum {string} */
            api_version: "partner/v2";
            /** @enum {string} */
            kind: "EntitlementList";
            metadata: components["schemas"]["ListMeta"];
            data: components["schemas"]["partner.v2.Entitlement"][];
        };
        "partner.v2.OrganizationList": {
            /** @enum {string} */
            api_version: "partner/v2";
            /** @enum {string} */
            kind: "OrganizationList";
            metadata: components["schemas"]["ListMeta"];
            data: components["schemas"]["partner.v2.Organization"][];
        };
        /** @description Provides information about problems encountered while performing an operation. */
        Failure: {
            errors: components["schemas"]["Error"][];
        };
        /** @description Describes a particular error encountered while performing an operation. */
        Error: {
            /** @description A unique identifier for this particular occurrence of the problem (the request id). */
            id?: string;
            /** @description The HTTP status code applicable to this problem, expressed as a string value. */
            status?: string;
            /** @description An application-specific error code, expressed as a string value. */
            code?: string;
            title?: string;
            detail?: string;
            source?: {
                /** @description A JSON Pointer [RFC6901] to the associated entity in the request document. */
                pointer?: string;
                /** @description A string indicating which query parameter caused the error. */
                parameter?: string;
            };
        };
    };
    responses: {
        /** @description Bad Request */
        BadRequestError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "id": "6f1c9e6c-7a55-4f0b-9c1e-0f6d2c1a9b11",
                 *           "status": "400",
                 *           "code": "invalid_input",
                 *           "title": "Invalid Input",
                 *           "detail": "must match pattern \"^[^<>#%'*^`{|}~\"]{1,31}$\"",
                 *           "source": {
                 *             "pointer": "/organization/name"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Unauthorized */
        UnauthenticatedError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /** @example Bearer realm="signups", error="invalid_token", error_description="The access token expired" */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "id": "6f1c9e6c-7a55-4f0b-9c1e-0f6d2c1a9b11",
                 *           "status": "401",
                 *           "code": "user_unauthenticated",
                 *           "title": "Authentication Required",
                 *           "detail": "Valid authentication credentials must be provided"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Forbidden */
        UnauthorizedError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "id": "6f1c9e6c-7a55-4f0b-9c1e-0f6d2c1a9b11",
                 *           "status": "403",
                 *           "code": "user_unauthorized",
                 *           "title": "User Access Unauthorized",
                 *           "detail": "The access token lacks the 'partner:create' scope"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Not Found */
        NotFoundError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "id": "6f1c9e6c-7a55-4f0b-9c1e-0f6d2c1a9b11",
                 *           "status": "404",
                 *           "title": "Not Found",
                 *           "detail": "The entitlement 'ent-1m8s61f4rdt4gs89' was not found"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Conflict */
        ConflictError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /** @description The URL of the conflicting resource. */
                Location?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "id": "6f1c9e6c-7a55-4f0b-9c1e-0f6d2c1a9b11",
                 *           "status": "409",
                 *           "code": "resource_already_exists",
                 *           "title": "Resource Already exists",
                 *           "detail": "The entitlement with external_id '1111-2222-3333-4444' already exists."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Unsupported Media Type */
        UnsupportedMediaTypeError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Rate Limit Exceeded */
        RateLimitError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                /** @description The maximum number of requests in the current window. */
                "X-RateLimit-Limit"?: number;
                /** @description The number of requests left in the current window. */
                "X-RateLimit-Remaining"?: number;
                /** @description Seconds until the current window resets (relative, not an epoch time). */
                "X-RateLimit-Reset"?: number;
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Internal Server Error */
        DefaultSystemError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description An RFC 6749 error. */
        OAuthError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
    };
    parameters: {
        /** @description If true, only perform validation of signup (every check runs; nothing is written). */
        DryRun: boolean;
        /** @description A pagination size for collection requests. */
        PageSize: number;
        /** @description An opaque pagination token for collection requests (from `metadata.next`). */
        PageToken: string;
    };
    requestBodies: never;
    headers: {
        /** @description The unique identifier for the API request. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    signup: {
        parameters: {
            query?: {
                /** @description If true, only perform validation of signup (every check runs; nothing is written). */
                dry_run?: components["parameters"]["DryRun"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A JSON object containing signup information */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerSignupRequest"];
            };
        };
        responses: {
            /** @description Successful signup. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerSignupResponse"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            409: components["responses"]["ConflictError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    activateSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A JSON object containing signup information */
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivatePartnerSignupRequest"];
            };
        };
        responses: {
            /** @description Successful signup activation. User is being created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerSignupResponse"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            409: components["responses"]["ConflictError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    signupPartnerV2Link: {
        parameters: {
            query?: {
                /** @description If true, only perform validation of signup (every check runs; nothing is written). */
                dry_run?: components["parameters"]["DryRun"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A JSON object containing link information */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerLinkRequest"];
            };
        };
        responses: {
            /** @description Successful link. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerSignupResponse"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            409: components["responses"]["ConflictError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    listPartnerV2Entitlements: {
        parameters: {
            query?: {
                /** @description Filter the results by exact match for organization.id. */
                "organization.id"?: string;
                /** @description A pagination size for collection requests. */
                page_size?: components["parameters"]["PageSize"];
                /** @description An opaque pagination token for collection requests (from `metadata.next`). */
                page_token?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entitlements. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["partner.v2.EntitlementList"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    createPartnerV2Entitlement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EntitlementDetails"];
            };
        };
        responses: {
            /** @description An Entitlement was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    /** @description The URL of the new entitlement. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["partner.v2.Entitlement"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            409: components["responses"]["ConflictError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    getPartnerV2Entitlement: {
        parameters: {
            query?: {
                /** @description Scope the operation to the given organization.id. */
                "organization.id"?: string;
            };
            header?: never;
            path: {
                /** @description The unique identifier for the entitlement. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entitlement. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["partner.v2.Entitlement"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    listPartnerV2Organizations: {
        parameters: {
            query?: {
                /** @description A pagination size for collection requests. */
                page_size?: components["parameters"]["PageSize"];
                /** @description An opaque pagination token for collection requests (from `metadata.next`). */
                page_token?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organizations. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["partner.v2.OrganizationList"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    getPartnerV2Organization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier for the organization. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organization. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["partner.v2.Organization"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
            429: components["responses"]["RateLimitError"];
            500: components["responses"]["DefaultSystemError"];
        };
    };
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description An access token. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["OAuthError"];
            415: components["responses"]["OAuthError"];
            429: components["responses"]["OAuthError"];
            500: components["responses"]["OAuthError"];
        };
    };
    issueIdentityToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description An access token. */
            200: {
                headers: {
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["OAuthError"];
            401: components["responses"]["OAuthError"];
            415: components["responses"]["OAuthError"];
            429: components["responses"]["OAuthError"];
            500: components["responses"]["OAuthError"];
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
}
