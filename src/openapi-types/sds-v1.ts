// Generated from openapi/sds-v1.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/types": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        get: operations["getTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/types/{typeId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        get: operations["getType"];
        put?: never;
        post: operations["getOrCreateType"];
        delete: operations["deleteType"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/types/{typeId}/accesscontrol": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        get: operations["getTypeAccessControl"];
        put: operations["updateTypeAccessControl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/types/{typeId}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        get: operations["getTypeOwner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/streams": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
            };
            cookie?: never;
        };
        get: operations["getStreams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/streams/{streamId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        get: operations["getStream"];
        put: operations["createOrUpdateStream"];
        post: operations["getOrCreateStream"];
        delete: operations["deleteStream"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/streams/{streamId}/accesscontrol": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        get: operations["getStreamAccessControl"];
        put: operations["updateStreamAccessControl"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/streams/{streamId}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        get: operations["getStreamOwner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/streams/{streamId}/data": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        get: operations["getWindowValues"];
        put: operations["updateValues"];
        post: operations["insertValues"];
        delete: operations["removeValues"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SdsTypeCode: number | string;
        Mode: (number | null) | string;
        SdsTypeReference: {
            Id?: string | null;
            Name?: string | null;
            Description?: string | null;
            SdsTypeCode: components["schemas"]["SdsTypeCode"];
        } & {
            [key: string]: unknown;
        };
        SdsTypeProperty: {
            Id: string;
            Name?: string | null;
            Description?: string | null;
            Order?: number;
            IsKey?: boolean;
            FixedSize?: number;
            Uom?: string | null;
            IsQuality?: boolean;
            InterpolationMode?: components["schemas"]["Mode"];
            SdsType: components["schemas"]["SdsTypeReference"];
        } & {
            [key: string]: unknown;
        };
        SdsType: {
            Id?: string;
            Name?: string | null;
            Description?: string | null;
            SdsTypeCode?: components["schemas"]["SdsTypeCode"];
            InterpolationMode?: components["schemas"]["Mode"];
            ExtrapolationMode?: components["schemas"]["Mode"];
            Properties: components["schemas"]["SdsTypeProperty"][];
        } & {
            [key: string]: unknown;
        };
        SdsStream: {
            Id?: string;
            Name?: string | null;
            Description?: string | null;
            TypeId: string;
            InterpolationMode?: components["schemas"]["Mode"];
            ExtrapolationMode?: components["schemas"]["Mode"];
            readonly CreatedDate?: string;
            readonly ModifiedDate?: string;
        } & {
            [key: string]: unknown;
        };
        Trustee: {
            Type: ("User" | "Client" | "Role") | (1 | 2 | 3);
            ObjectId: string;
            TenantId?: string | null;
        };
        AccessControlEntry: {
            Trustee: components["schemas"]["Trustee"];
            AccessType: ("Allowed" | "Denied") | (0 | 1);
            AccessRights: number;
        };
        AccessControlList: {
            RoleTrusteeAccessControlEntries: components["schemas"]["AccessControlEntry"][];
        };
        Events: {
            [key: string]: unknown;
        }[];
        ErrorResponseBody: {
            OperationId?: string | null;
            Error?: string | null;
            Reason?: string | null;
            Resolution?: string | null;
            Parameters?: {
                [key: string]: string;
            } | null;
        };
    };
    responses: {
        BadRequest: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Unauthorized: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Forbidden: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        NotFound: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        Conflict: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        UnsupportedMediaType: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        InternalServerError: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
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
        TypeId: string;
        StreamId: string;
        Skip: number;
        Count: number;
        StartIndex: string;
        EndIndex: string;
    };
    requestBodies: never;
    headers: {
        "Operation-Id": string;
        Location: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getTypes: {
        parameters: {
            query?: {
                skip?: components["parameters"]["Skip"];
                count?: components["parameters"]["Count"];
            };
            header?: never;
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsType"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
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
                    "application/json": components["schemas"]["SdsType"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getOrCreateType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SdsType"];
            };
        };
        responses: {
            201: {
                headers: {
                    "Operation-Id": components["headers"]["Operation-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsType"];
                };
            };
            302: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsType"];
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
    deleteType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
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
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTypeAccessControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
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
                    "application/json": components["schemas"]["AccessControlList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateTypeAccessControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessControlList"];
            };
        };
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
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getTypeOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                typeId: components["parameters"]["TypeId"];
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
    getStreams: {
        parameters: {
            query?: {
                skip?: components["parameters"]["Skip"];
                count?: components["parameters"]["Count"];
            };
            header?: never;
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
                    "application/json": components["schemas"]["SdsStream"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createOrUpdateStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SdsStream"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"];
                };
            };
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
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getOrCreateStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SdsStream"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"];
                };
            };
            302: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"];
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
    deleteStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
    getStreamAccessControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
                    "application/json": components["schemas"]["AccessControlList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateStreamAccessControl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessControlList"];
            };
        };
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
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getStreamOwner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
    getWindowValues: {
        parameters: {
            query?: {
                startIndex?: components["parameters"]["StartIndex"];
                endIndex?: components["parameters"]["EndIndex"];
                count?: number;
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
                    "application/json": components["schemas"]["Events"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateValues: {
        parameters: {
            query?: {
                allowCreate?: boolean;
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Events"];
            };
        };
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
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    insertValues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Events"];
            };
        };
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
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
        };
    };
    removeValues: {
        parameters: {
            query?: {
                index?: string[];
                startIndex?: components["parameters"]["StartIndex"];
                endIndex?: components["parameters"]["EndIndex"];
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                streamId: components["parameters"]["StreamId"];
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
}
