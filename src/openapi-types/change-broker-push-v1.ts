// Generated from openapi/change-broker-push-v1.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/updates/stream": {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
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
         * Stream Updates
         * @description The signup's updates after the bookmark, as a `text/event-stream` that stays open:
         *
         *     ```
         *     event: update
         *     id: <the bookmark after this update>
         *     data: {"resourceId":"pump-1","operation":"Insert","events":[{"Timestamp":"2026-11-23T10:00:00Z","Value":12.5}]}
         *     ```
         *
         *     `data` is one update exactly as in a Get Updates page. The stream starts with the backlog after the
         *     bookmark and then sends each new update once its write commits. Every 15 seconds
         *     (`SIGNUPS_LIVE_HEARTBEAT_MS`) it sends a comment with the current position as `id:`
         *     (`: heartbeat` / `id: <bookmark>`): a client keeps it as its last event id without seeing a message, so
         *     that one reconnecting after a quiet hour does not find its bookmark expired.
         *
         *     Resuming: `Last-Event-ID` (sent by `EventSource` on reconnection to the same URL) wins over `bookmark`.
         *     One of them is required. Errors found before the stream starts are ordinary answers in the AVEVA error
         *     format: an expired, forged or foreign bookmark is 400, a signup that is not `Active` 409, and so on, as for
         *     Get Updates. An error after it started (the position expired because the consumer fell behind the
         *     retention window, or the signup was deleted or expired) ends the stream with `event: error` whose `data`
         *     is the AVEVA error body. An open stream counts as a query of the signup: it does not expire while one is
         *     open.
         */
        get: operations["streamUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/webhooks": {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
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
         * Get Webhooks
         * @description The signup's webhooks, oldest first, without their secrets.
         */
        get: operations["getWebhooks"];
        put?: never;
        /**
         * Create Webhook
         * @description Registers an endpoint for the signup's updates, from now on. Answers 201 with the signing secret, which is
         *     shown only here. The signup must be `Active` (409 otherwise); a URL that is not http(s), or that names a
         *     refused address, is 400.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Webhook
         * @description Removes the webhook and its delivery history; nothing more is sent to it.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenantId}/namespaces/{namespaceId}/signups/{signupId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        /**
         * Get Webhook Deliveries
         * @description Delivery attempts, newest first, `skip` and `count` at a time.
         */
        get: operations["getWebhookDeliveries"];
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
        CreateWebhookInput: {
            /** @description The endpoint (http or https) that receives the deliveries. */
            url: string;
            description?: string | null;
        };
        Webhook: {
            id: string;
            url: string;
            description: string | null;
            /** @enum {string} */
            state: "Enabled" | "Disabled";
            /** @description Why deliveries stopped (410 Gone, or the retry window ran out). */
            disabledReason: string | null;
            /** Format: date-time */
            createdDate: string;
        };
        CreatedWebhook: components["schemas"]["Webhook"] & {
            /** @description The Standard Webhooks signing secret (`whsec_` and base64); shown only in this answer. */
            secret: string;
        };
        WebhookCollection: {
            webhooks: components["schemas"]["Webhook"][];
        };
        WebhookDelivery: {
            /** @description The `webhook-id` of the delivery (the same on its retries). */
            messageId: string;
            /** @description 1 for the first attempt of a delivery, 2 for its first retry, and so on. */
            attempt: number;
            /** Format: date-time */
            attemptedDate: string;
            /** @description The receiver's status; null when there was no answer. */
            statusCode: number | null;
            durationMs: number;
            /** @description Why the attempt failed; null when it succeeded. */
            error: string | null;
            updateCount: number;
        };
        WebhookDeliveries: {
            deliveries: components["schemas"]["WebhookDelivery"][];
        };
    };
    responses: {
        /** @description The request is not valid (parameters, bookmark); `Reason` says what. */
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
        /** @description The client may not call this tenant, is not the signup's owner, or sent another Community-Id. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The namespace, signup or webhook does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponseBody"];
            };
        };
        /** @description The signup is not `Active`. */
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
        WebhookId: string;
        /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
        CommunityId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    streamUpdates: {
        parameters: {
            query?: {
                /** @description Where to start; a bookmark from Get Signup By Id, Get Updates or an event's `id`. */
                bookmark?: string;
            };
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
                "Community-Id"?: components["parameters"]["CommunityId"];
                /** @description The `id` of the last event received; wins over `bookmark`. */
                "Last-Event-ID"?: string;
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
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
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
    getWebhooks: {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
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
            /** @description The webhooks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCollection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
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
                "application/json": components["schemas"]["CreateWebhookInput"];
            };
        };
        responses: {
            /** @description The webhook, with its secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
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
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
                webhookId: components["parameters"]["WebhookId"];
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
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getWebhookDeliveries: {
        parameters: {
            query?: {
                skip?: number;
                count?: number;
            };
            header?: {
                /** @description The signup's community, as for every Change Broker call on it (see change-broker-v1.yaml). */
                "Community-Id"?: components["parameters"]["CommunityId"];
            };
            path: {
                tenantId: components["parameters"]["TenantId"];
                namespaceId: components["parameters"]["NamespaceId"];
                /** @description The signup identifier (a GUID). */
                signupId: components["parameters"]["SignupId"];
                webhookId: components["parameters"]["WebhookId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveries"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
