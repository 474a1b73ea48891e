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
        /**
         * Get Types
         * @description The namespace's types, ordered by id.
         */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        /** Get Type */
        get: operations["getType"];
        put?: never;
        /**
         * Get Or Create Type
         * @description Creates the type (201). If an identical type with this id exists, answers 302 Found with a `Location` header
         *     naming it and the type in the body: clients that follow the redirect read it with a GET, the others read the
         *     body. A different type with this id answers 409. Exactly one property must be the key (`IsKey`); its
         *     `SdsTypeCode` must be DateTime (16), String (18) or a number (5–14). `SdsTypeCode` may be written as a number
         *     or a name; answers write numbers, as SDS does.
         */
        post: operations["getOrCreateType"];
        /**
         * Delete Type
         * @description Deletes the type; needs Delete (the owner holds every right); 409 while a stream uses it.
         */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        /**
         * Get Type Access Control List
         * @description Needs Read.
         */
        get: operations["getTypeAccessControl"];
        /**
         * Update Type Access Control List
         * @description Replaces the type's access control list; only the owner or a trustee with ManageAccessControl may.
         */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        /**
         * Get Type Owner
         * @description Needs Read.
         */
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
        /**
         * Get Streams
         * @description The streams the caller may read, ordered by id.
         */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        /**
         * Get Stream
         * @description Needs Read.
         */
        get: operations["getStream"];
        /**
         * Create Or Update Stream
         * @description Creates the stream (201, with the stream) or updates it (204; needs Write). The `TypeId` of a stream that
         *     holds events cannot change (409).
         */
        put: operations["createOrUpdateStream"];
        /**
         * Get Or Create Stream
         * @description Creates the stream (201); the caller becomes its owner. If an identical stream exists, answers 302 Found with
         *     a `Location` header and the stream in the body; a different stream with this id answers 409. The `TypeId`
         *     must name an existing type (else 400).
         */
        post: operations["getOrCreateStream"];
        /**
         * Delete Stream
         * @description Deletes the stream and its events (needs Delete). Change records already written are kept.
         */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        /**
         * Get Stream Access Control List
         * @description Needs Read.
         */
        get: operations["getStreamAccessControl"];
        /**
         * Update Stream Access Control List
         * @description Replaces the stream's access control list; only the owner or a trustee with ManageAccessControl may.
         */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        /**
         * Get Stream Owner
         * @description Needs Read.
         */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        /**
         * Get Window Values
         * @description Events from `startIndex` to `endIndex`, both included, ordered by index (either bound may be left out).
         *     At most `count` events. Needs Read.
         */
        get: operations["getWindowValues"];
        /**
         * Update Values / Replace Values
         * @description Writes the events over any existing ones at their indexes and creates the others (`Update`). With
         *     `allowCreate=false` only replaces existing events (`Replace`): if any index has no event nothing is written
         *     and the answer is 409. Needs Write. Recorded as one change.
         */
        put: operations["updateValues"];
        /**
         * Insert Values
         * @description Inserts the events. If an event already exists at any of their indexes nothing is written and the answer is
         *     409. Needs Write. Recorded as one `Insert` change.
         */
        post: operations["insertValues"];
        /**
         * Remove Values / Remove Window Values
         * @description With `index` (repeated for several): removes the events at those indexes; if any has no event nothing is
         *     removed and the answer is 404 (`Remove`). With `startIndex` and `endIndex`: removes every event between them,
         *     both included; an empty window is not an error (`RemoveWindow`). Needs Delete. Recorded as one change.
         */
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
        /** @description An SdsTypeCode as a number (`16`) or a name (`DateTime`); answers write numbers. */
        SdsTypeCode: number | string;
        /** @description An interpolation or extrapolation mode, as a number or a name; stream answers write numbers. */
        Mode: (number | null) | string;
        /** @description The type of a property; only `SdsTypeCode` is required. */
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
            /** Format: date-time */
            readonly CreatedDate?: string;
            /** Format: date-time */
            readonly ModifiedDate?: string;
        } & {
            [key: string]: unknown;
        };
        Trustee: {
            /** @description User, Client or Role; the numbers 1, 2 and 3 are accepted too. */
            Type: ("User" | "Client" | "Role") | (1 | 2 | 3);
            ObjectId: string;
            TenantId?: string | null;
        };
        AccessControlEntry: {
            Trustee: components["schemas"]["Trustee"];
            /** @description Allowed or Denied; the numbers 0 and 1 are accepted too. */
            AccessType: ("Allowed" | "Denied") | (0 | 1);
            /** @description Read=1, Write=2, Delete=4, ManageAccessControl=8, Share=16, All=31. */
            AccessRights: number;
        };
        AccessControlList: {
            RoleTrusteeAccessControlEntries: components["schemas"]["AccessControlEntry"][];
        };
        /** @description Events keyed by the type's property ids; each carries the key property. */
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
        /** @description The request is not valid. */
        BadRequest: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description No valid bearer token. */
        Unauthorized: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The client does not act in the tenant, or lacks the stream access the operation needs. */
        Forbidden: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The namespace, type, stream or event was not found. */
        NotFound: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The request conflicts with what exists. */
        Conflict: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The body is not application/json. */
        UnsupportedMediaType: {
            headers: {
                "Operation-Id": components["headers"]["Operation-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description An unexpected error; quote the Operation-Id. */
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
        /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
        TypeId: string;
        /** @description The stream id (same rules as type ids). */
        StreamId: string;
        /** @description How many items to skip (a 32-bit integer). */
        Skip: number;
        /** @description The most items to return. */
        Count: number;
        /** @description The first index of the window (ISO 8601 for DateTime indexes). */
        StartIndex: string;
        /** @description The last index of the window, included. */
        EndIndex: string;
    };
    requestBodies: never;
    headers: {
        /** @description The unique id of this operation; quote it when reporting a problem. */
        "Operation-Id": string;
        /** @description The absolute URL of the existing resource. */
        Location: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getTypes: {
        parameters: {
            query?: {
                /** @description How many items to skip (a 32-bit integer). */
                skip?: components["parameters"]["Skip"];
                /** @description The most items to return. */
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
            /** @description The types. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The type. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
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
            /** @description The type was created. */
            201: {
                headers: {
                    "Operation-Id": components["headers"]["Operation-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsType"];
                };
            };
            /** @description An identical type exists. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The type was deleted. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The type's access control list. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
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
            /** @description The list was replaced. */
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
                /** @description The type id (at most 100 characters; no control characters; not starting with `__`; no leading or trailing `.`). */
                typeId: components["parameters"]["TypeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The type's owner (the client that created it). */
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
                /** @description How many items to skip (a 32-bit integer). */
                skip?: components["parameters"]["Skip"];
                /** @description The most items to return. */
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
            /** @description The streams. */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
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
                /** @description The stream id (same rules as type ids). */
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
            /** @description The stream was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"];
                };
            };
            /** @description The stream was updated. */
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
                /** @description The stream id (same rules as type ids). */
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
            /** @description The stream was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SdsStream"];
                };
            };
            /** @description An identical stream exists. */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream was deleted. */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream's access control list. */
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
                /** @description The stream id (same rules as type ids). */
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
            /** @description The list was replaced. */
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
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream's owner. */
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
                /** @description The first index of the window (ISO 8601 for DateTime indexes). */
                startIndex?: components["parameters"]["StartIndex"];
                /** @description The last index of the window, included. */
                endIndex?: components["parameters"]["EndIndex"];
                /** @description The most events to return. */
                count?: number;
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events. */
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
                /** @description False to replace existing events only. */
                allowCreate?: boolean;
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The stream id (same rules as type ids). */
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
            /** @description The events were written. */
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
                /** @description The stream id (same rules as type ids). */
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
            /** @description The events were inserted. */
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
                /** @description An index to remove; repeat for several. */
                index?: string[];
                /** @description The first index of the window (ISO 8601 for DateTime indexes). */
                startIndex?: components["parameters"]["StartIndex"];
                /** @description The last index of the window, included. */
                endIndex?: components["parameters"]["EndIndex"];
            };
            header?: never;
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The stream id (same rules as type ids). */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events were removed. */
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
