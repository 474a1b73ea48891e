// Generated from openapi/change-broker-v1.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups": {
        parameters: {
            query?: never;
            header?: {
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        get: operations["getAllSignups"];
        put?: never;
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        get: operations["getSignupById"];
        put: operations["updateSignup"];
        post?: never;
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        get: operations["getSignupResources"];
        put?: never;
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
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
        ResourceType: "Stream";
        SignupState: "Activating" | "Active" | "Expired" | "Failed";
        TrusteeType: "User" | "Client" | "Role";
        SignupResourceFilter: "Accessible" | "Inaccessible" | "All";
        Trustee: {
            Type: components["schemas"]["TrusteeType"];
            ObjectId: string | null;
            TenantId: string | null;
        };
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
            createdDate: string;
            lastAccessedDate?: string | null;
            modifiedDate: string | null;
            expiredDate?: string | null;
            signupState: components["schemas"]["SignupState"];
        };
        SignupWithBookmark: components["schemas"]["Signup"] & {
            bookmark: string;
            consumerLag?: components["schemas"]["ConsumerLag"];
        };
        ConsumerLag: {
            pendingChanges: number;
            oldestPendingDate: string | null;
            lagSeconds: number;
        } | null;
        SignupCollection: {
            signups: components["schemas"]["Signup"][];
        };
        CreateSignupInput: {
            Name?: string | null;
            ResourceType: components["schemas"]["ResourceType"];
            ResourceIds: components["schemas"]["ResourceId"][];
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
        SignupInvalidResources: {
            invalidResourcesToRemove: string[];
            failedResourceIds: string[] | null;
        };
        Update: {
            resourceId: string;
            operation: "Insert" | "Update" | "Replace" | "Remove" | "RemoveWindow";
            events: unknown[];
        };
        Updates: {
            data: components["schemas"]["Update"][];
            bookmark: string;
        };
    };
    responses: {
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
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
        SignupId: string;
        CommunityId: string;
        Skip: number;
    };
    requestBodies: never;
    headers: {
        "Total-Count": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAllSignups: {
        parameters: {
            query?: {
                skip?: components["parameters"]["Skip"];
                count?: number;
            };
            header?: {
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                skip?: components["parameters"]["Skip"];
                count?: number;
                resourceFilter?: components["schemas"]["SignupResourceFilter"];
            };
            header?: {
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
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
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
                bookmark: string;
            };
            header?: {
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                signupId: components["parameters"]["SignupId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
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
