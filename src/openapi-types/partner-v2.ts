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
        get: operations["listPartnerV2Entitlements"];
        put?: never;
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
            token_type: "Bearer";
            expires_in: number;
            scope: string;
        };
        OAuthError: {
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "temporarily_unavailable" | "server_error";
            error_description?: string;
        };
        PartnerSignupRequest: {
            organization: components["schemas"]["partner.v2.Organization"] & unknown;
            user?: components["schemas"]["v2.User"];
            entitlement: components["schemas"]["EntitlementDetailsOrReference"];
        };
        PartnerLinkRequest: {
            token: string;
            organization: components["schemas"]["partner.v2.Organization"] & unknown;
            entitlement: components["schemas"]["EntitlementDetailsOrReference"];
        };
        ActivatePartnerSignupRequest: {
            user: components["schemas"]["v2.User"];
            organization_id: string;
        };
        PartnerSignupResponse: {
            organization_id: string;
            sso_url: string;
            display_message?: string;
        };
        EntitlementDetailsOrReference: components["schemas"]["EntitlementDetails"] | components["schemas"]["EntitlementReference"];
        EntitlementDetails: components["schemas"]["partner.v2.Entitlement"] & unknown;
        EntitlementReference: {
            id?: string;
            related: string;
            resource_name?: string;
            api_version?: string;
            kind?: string;
        };
        "v2.User": {
            given_name: string;
            family_name: string;
            email: string;
        };
        "partner.v2.Organization": {
            readonly api_version?: "partner/v2";
            readonly kind?: "Organization";
            readonly id?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            name?: string;
            readonly sso_url?: string;
            sso_config?: components["schemas"]["SSOConfig"];
        };
        SSOConfig: components["schemas"]["AzureSSOConfig"];
        AzureSSOConfig: {
            kind: "AzureSSOConfig";
            tenant_id: string;
        };
        "partner.v2.Entitlement": {
            readonly api_version?: "partner/v2";
            readonly kind?: "Entitlement";
            readonly id?: string;
            metadata?: components["schemas"]["ObjectMeta"];
            external_id?: string;
            name?: string;
            plan_id?: "confluent-cloud-payg-prod" | "payg-prod.gcpmarketplace.confluent.cloud";
            product_id?: "confluent-cloud-kafka-service-azure" | "confluent-cloud-for-apache-kafka" | "payg-prod.gcpmarketplace.confluent.cloud";
            usage_reporting_id?: string;
            resource_id?: string;
            organization?: components["schemas"]["ObjectReference"];
        };
        ObjectReference: {
            id?: string;
            environment?: string;
            related: string;
            resource_name?: string;
            api_version?: string;
            kind?: string;
        };
        ObjectMeta: {
            self: string;
            resource_name?: string;
            created_at?: string;
            updated_at?: string;
            deleted_at?: string;
        };
        ListMeta: {
            first?: string | null;
            last?: string | null;
            prev?: string | null;
            next?: string | null;
            total_size?: number;
        };
        "partner.v2.EntitlementList": {
            api_version: "partner/v2";
            kind: "EntitlementList";
            metadata: components["schemas"]["ListMeta"];
            data: components["schemas"]["partner.v2.Entitlement"][];
        };
        "partner.v2.OrganizationList": {
            api_version: "partner/v2";
            kind: "OrganizationList";
            metadata: components["schemas"]["ListMeta"];
            data: components["schemas"]["partner.v2.Organization"][];
        };
        Failure: {
            errors: components["schemas"]["Error"][];
        };
        Error: {
            id?: string;
            status?: string;
            code?: string;
            title?: string;
            detail?: string;
            source?: {
                pointer?: string;
                parameter?: string;
            };
        };
    };
    responses: {
        BadRequestError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        UnauthenticatedError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        UnauthorizedError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        NotFoundError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        ConflictError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                Location?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        UnsupportedMediaTypeError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        RateLimitError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit"?: number;
                "X-RateLimit-Remaining"?: number;
                "X-RateLimit-Reset"?: number;
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        DefaultSystemError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
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
        DryRun: boolean;
        PageSize: number;
        PageToken: string;
    };
    requestBodies: never;
    headers: {
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    signup: {
        parameters: {
            query?: {
                dry_run?: components["parameters"]["DryRun"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerSignupRequest"];
            };
        };
        responses: {
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
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivatePartnerSignupRequest"];
            };
        };
        responses: {
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
                dry_run?: components["parameters"]["DryRun"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerLinkRequest"];
            };
        };
        responses: {
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
                "organization.id"?: string;
                page_size?: components["parameters"]["PageSize"];
                page_token?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
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
                "organization.id"?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                page_size?: components["parameters"]["PageSize"];
                page_token?: components["parameters"]["PageToken"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
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
