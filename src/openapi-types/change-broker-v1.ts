// Generated from openapi/change-broker-v1.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        /**
         * Get All Signups
         * @description The caller's signups in the namespace, oldest first, `skip` and `count` at a time. `Total-Count` tells how
         *     many there are in all.
         */
        get: operations["getAllSignups"];
        put?: never;
        /**
         * Create Signup
         * @description Creates a signup over the streams named in `ResourceIds`; it answers 202 with the signup in state
         *     `Activating` while background work checks access to them. At most `SIGNUPS_SIGNUP_LIMIT` (10000 by
         *     default) signups that have not expired may exist in one namespace; beyond that the answer is 409.
         */
        post: operations["createSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        /**
         * Get Signup By Id
         * @description The signup, with a bookmark for Get Updates when it is `Active` (empty otherwise). Counts as a query of the
         *     signup: it postpones expiry.
         */
        get: operations["getSignupById"];
        /**
         * Update Signup
         * @description Renames the signup.
         */
        put: operations["updateSignup"];
        post?: never;
        /**
         * Delete Signup
         * @description Deletes the signup and its resources.
         */
        delete: operations["deleteSignup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/owner": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        /**
         * Get Signup Owner By Id
         * @description The trustee that owns the signup, with PascalCase keys as AVEVA's clients read them.
         */
        get: operations["getSignupOwner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/resources": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        /**
         * Get Signup Resources
         * @description The signup's resources ordered by id, `skip` and `count` at a time, optionally only the accessible or the
         *     inaccessible ones. `Total-Count` tells how many match the filter. A resource not yet checked by background
         *     work shows `isAccessible: false`. Counts as a query of the signup: it postpones expiry.
         */
        get: operations["getSignupResources"];
        put?: never;
        /**
         * Update Signup Resources
         * @description Subscribes and unsubscribes resources of an `Activating` or `Active` signup (409 otherwise). Added
         *     resources are checked for access by background work. When some of the request could not be applied the
         *     answer is 207: `invalidResourcesToRemove` lists resources to remove that the signup does not have, and
         *     `failedResourceIds` those named both to add and to remove; everything else was applied.
         */
        post: operations["updateSignupResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/updates": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        /**
         * Get Updates
         * @description The changes written after the bookmark to the signup's accessible streams, in commit order (so in write
         *     order within each stream), at most `SIGNUPS_UPDATES_PAGE_SIZE` (1000 by default) per answer, with the
         *     bookmark to ask with next. Each change appears exactly once across pages; `data` is empty, never null,
         *     when nothing new has arrived. One update per SDS write call per stream. Counts as a query of the signup.
         *     A bookmark that is expired (older than the retention window), forged or issued for another signup
         *     answers 400; a signup that is not `Active` (still activating, failed or expired) answers 409.
         */
        get: operations["getUpdates"];
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
        ErrorResponseBody: {
            OperationId?: string | null;
            Error?: string | null;
            Reason?: string | null;
            Resolution?: string | null;
            Parameters?: {
                [key: string]: string;
            } | null;
        };
        /**
         * @description The type of the signup's resources; only `Stream`.
         * @enum {string}
         */
        ResourceType: "Stream";
        /** @enum {string} */
        SignupState: "Activating" | "Active" | "Expired" | "Failed";
        /** @enum {string} */
        TrusteeType: "User" | "Client" | "Role";
        /** @enum {string} */
        SignupResourceFilter: "Accessible" | "Inaccessible" | "All";
        Trustee: {
            Type: components["schemas"]["TrusteeType"];
            ObjectId: string | null;
            TenantId: string | null;
        };
        /** @description The owner inside a signup, camelCase like the rest of it. */
        SignupOwner: {
            type: components["schemas"]["TrusteeType"];
            objectId: string | null;
            tenantId: string | null;
        };
        Signup: {
            id: string;
            name: string | null;
            owner: components["schemas"]["SignupOwner"];
            communityId?: string | null;
            type: components["schemas"]["ResourceType"];
            /** Format: date-time */
            createdDate: string;
            /** Format: date-time */
            lastAccessedDate?: string | null;
            /** Format: date-time */
            modifiedDate: string | null;
            /**
             * Format: date-time
             * @description When the signup expired; null unless it is `Expired`.
             */
            expiredDate?: string | null;
            signupState: components["schemas"]["SignupState"];
        };
        SignupWithBookmark: components["schemas"]["Signup"] & {
            /** @description Where updates start; empty unless the signup is `Active`. */
            bookmark: string;
        };
        SignupCollection: {
            signups: components["schemas"]["Signup"][];
        };
        CreateSignupInput: {
            Name?: string | null;
            ResourceType: components["schemas"]["ResourceType"];
            /** @description The ids of the streams to subscribe (duplicates count once). */
            ResourceIds: components["schemas"]["ResourceId"][];
            /**
             * @description How long the signup may go without being queried before it expires, in seconds (default 86400,
             *     i.e. 24 hours; between 60 and 2592000).
             */
            InactivityPeriodSeconds?: number;
        };
        UpdateSignupInput: {
            Name: string;
        };
        ResourceId: string;
        SignupResourcesInput: {
            ResourcesToAdd?: components["schemas"]["ResourceId"][] | null;
            ResourcesToRemove?: components["schemas"]["ResourceId"][] | null;
        };
        SignupResource: {
            resourceId: string;
            isAccessible: boolean;
        };
        SignupResources: {
            resources: components["schemas"]["SignupResource"][];
        };
        /** @description camelCase like every Change Broker answer but the owner's Trustee. */
        SignupInvalidResources: {
            invalidResourcesToRemove: string[];
            failedResourceIds: string[] | null;
        };
        Update: {
            /** @description The stream id. */
            resourceId: string;
            /** @enum {string} */
            operation: "Insert" | "Update" | "Replace" | "Remove" | "RemoveWindow";
            /**
             * @description The events of one SDS write call, keyed by the type's property ids; index-only for `Remove`, and the
             *     start and end index for `RemoveWindow`.
             */
            events: unknown[];
        };
        Updates: {
            data: components["schemas"]["Update"][];
            bookmark: string;
        };
    };
    responses: {
        /** @description The request is not valid (body, parameters or bookmark); `Reason` says what. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description No valid bearer token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /**
         * @description The client does not act in this tenant (nor calls it as a member of the community named by `Community-Id`),
         *     is not the signup's owner, or the `Community-Id` header differs from the signup's community.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The namespace or signup does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The signup limit is reached, or the signup is not in a state that allows the operation. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The body is not application/json. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description Something went wrong on the server; quote the `OperationId`. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
    };
    parameters: {
        TenantId: string;
        NamespaceId: string;
        /** @description The signup identifier (a GUID). */
        SignupId: string;
        /**
         * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
         *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
         *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
         *     accessible only while shared into the community, and every later call on the signup must carry the same
         *     header (403 otherwise).
         */
        CommunityId: string;
        /** @description How many items to skip before the first one returned (a 32-bit integer, as in SDS). */
        Skip: number;
    };
    requestBodies: never;
    headers: {
        /** @description How many items there are in all (before skip and count). */
        "Total-Count": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAllSignups: {
        parameters: {
            query?: {
                /** @description How many items to skip before the first one returned (a 32-bit integer, as in SDS). */
                skip?: components["parameters"]["Skip"];
                /** @description The number of signups to return (at most 1000). */
                count?: number;
            };
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signups. */
            200: {
                headers: {
                    "Total-Count": components["headers"]["Total-Count"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupCollection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createSignup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSignupInput"];
            };
        };
        responses: {
            /** @description Accepted. Background work is validating access permission to the resources. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSignupById: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signup. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupWithBookmark"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSignup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSignupInput"];
            };
        };
        responses: {
            /** @description The updated signup. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteSignup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSignupOwner: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owner. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Trustee"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getSignupResources: {
        parameters: {
            query?: {
                /** @description How many items to skip before the first one returned (a 32-bit integer, as in SDS). */
                skip?: components["parameters"]["Skip"];
                /** @description The number of resources to return (at most 10000). */
                count?: number;
                /** @description Which resources to return; all of them when omitted. */
                resourceFilter?: components["schemas"]["SignupResourceFilter"];
            };
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resources. */
            200: {
                headers: {
                    "Total-Count": components["headers"]["Total-Count"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResources"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateSignupResources: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupResourcesInput"];
            };
        };
        responses: {
            /** @description Accepted. Background work is validating access permission to the added resources. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Some resources could not be added or removed; the rest were. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupInvalidResources"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getUpdates: {
        parameters: {
            query: {
                /** @description The bookmark from Get Signup By Id or from the previous Get Updates answer. */
                bookmark: string;
            };
            header?: {
                /**
                 * @description Community identifier, for signups over streams shared into a community (accepted in any letter case, e.g.
                 *     `Community-id`). With it, a client of any tenant that is a member of the community may call the namespace
                 *     of the tenant that shared the streams; the signup created records it (`communityId`), its resources are
                 *     accessible only while shared into the community, and every later call on the signup must carry the same
                 *     header (403 otherwise).
                 */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The updates and the next bookmark. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Updates"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
