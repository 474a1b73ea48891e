// Generated from openapi/sandbox-v1.yaml by scripts/generate-openapi-types.ts (npm run generate:types). Do not edit.

export interface paths {
    "/_signups/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the server clock */
        get: operations["getClock"];
        put?: never;
        /**
         * Advance, set, freeze or resume the server clock
         * @description Moves the one server clock, shared by every server process on the database. Give `advanceSeconds` or `set`
         *     (not both), and/or `frozen`. The clock never moves backwards: a `set` earlier than now is refused with 400.
         *     A frozen clock stands still until it is moved or resumed; a running clock moves with real time from
         *     wherever it was put.
         *
         *     The answer comes only after every piece of background work that became due up to the new time has run, in
         *     the order it became due: signup activation, inactivity expiry and removal of expired signups, and the
         *     retention purge of change data (after which older bookmarks answer 400 "expired"). Access tokens, link
         *     tokens, bookmarks, rate-limit windows and every stored date read this clock.
         */
        post: operations["moveClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_signups/v1/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Empty the partner, SDS and Change Broker data
         * @description Removes organizations, entitlements, users, SDS types, streams and data, the change log and Change Broker
         *     signups. Clients, namespaces, communities (with their members and shares) and the server's keys stay unless
         *     asked for: `clients: true` removes the clients too, `namespaces: true` the namespaces and communities. The
         *     clock, the journal and the faults are not touched.
         */
        post: operations["resetState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_signups/v1/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All state as one JSON document
         * @description Every table's rows (ids, timestamps, the change log, clients with their hashed secrets and the server's
         *     keys) and the clock. `PUT` the document back, or start a server from it with `serve --seed FILE`.
         */
        get: operations["getSnapshot"];
        /**
         * Replace all state with a snapshot
         * @description Replaces every table's rows with the snapshot's, exactly (ids, timestamps, the change log), and sets the
         *     clock to the snapshot's time, also backwards. The running server keeps its own keys, so access tokens and
         *     bookmarks it issued before stay valid; a server started with `serve --seed FILE` takes the snapshot's keys
         *     as well. A snapshot that does not fit this server's tables is refused with 400 and changes nothing.
         */
        put: operations["restoreSnapshot"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_signups/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request journal, newest first
         * @description The last requests this server process answered (by default the last 1,000; `--journal-size` or
         *     `SIGNUPS_JOURNAL_SIZE`), newest first, with their request and response bodies. Secrets, tokens and
         *     passwords are redacted before anything is stored. Sandbox routes are not journaled.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        /** Empty the request journal */
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_signups/v1/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active faults, oldest first */
        get: operations["listFaults"];
        put?: never;
        /**
         * Inject a fault into matching requests
         * @description Every request that matches all the given criteria (`operationId`, `method`, `pathPattern`, `clientId`) is
         *     delayed by `delayMs` and/or answered with `status` without running the operation, in the API's own error
         *     format: the partner `Failure` envelope, the AVEVA error body with an `Operation-Id` header, or an OAuth2
         *     error on the token endpoints. A 429 carries `X-RateLimit-Limit`, `X-RateLimit-Remaining`,
         *     `X-RateLimit-Reset` and `Retry-After`. A fault applies with `probability` (default 1; give `seed` for a
         *     repeatable sequence) to at most `times` requests (default: no limit), and is removed when used up. The
         *     journal marks a faulted request with the fault's id. Faults live in the process that created them.
         */
        post: operations["createFault"];
        /** Remove every fault */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_signups/v1/faults/{faultId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a fault */
        delete: operations["deleteFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ClockState: {
            /**
             * Format: date-time
             * @description The server's current time, ISO 8601 UTC.
             * @example 2026-01-02T01:00:00.000Z
             */
            now: string;
            /** @description True while the clock stands still. */
            frozen: boolean;
        };
        ClockMoved: {
            /** Format: date-time */
            now: string;
            frozen: boolean;
            /** @description The background work that ran because it became due. */
            work: {
                /** @description Signup activation and resource checks. */
                jobs: number;
                /** @description Signups that expired for inactivity. */
                expired: number;
                /** @description Expired signups removed after their retention. */
                removed: number;
                /** @description Change records purged after the retention window. */
                purged: number;
            };
        };
        ClockMove: {
            /** @description Seconds to move the clock forward (fractions allowed). */
            advanceSeconds?: number;
            /**
             * Format: date-time
             * @description The time to move the clock to; not earlier than now.
             */
            set?: string;
            /** @description Stop (true) or resume (false) the clock after moving it. */
            frozen?: boolean;
        };
        ResetRequest: {
            /**
             * @description Remove the clients as well.
             * @default false
             */
            clients: boolean;
            /**
             * @description Remove the namespaces and communities as well.
             * @default false
             */
            namespaces: boolean;
        };
        ResetResult: {
            /** @description Rows removed per table. */
            removed: {
                [key: string]: number;
            };
        };
        Snapshot: {
            /** @enum {string} */
            format: "signups-snapshot";
            /** @enum {integer} */
            version: 1;
            /** Format: date-time */
            takenAt?: string;
            clock: components["schemas"]["ClockState"];
            /** @description Every table's rows, by table name; each row an object of its columns. */
            tables: {
                [key: string]: {
                    [key: string]: unknown;
                }[];
            };
        };
        RestoreResult: {
            /** @description Rows restored per table. */
            restored: {
                [key: string]: number;
            };
            clock: components["schemas"]["ClockState"];
        };
        JournalEntry: {
            requestId: string;
            /**
             * Format: date-time
             * @description When the request arrived, by the server clock.
             */
            time: string;
            method: string;
            /** @description Path and query string, with secret query parameters redacted. */
            path: string;
            operationId: string | null;
            status: number;
            durationMs: number;
            clientId: string | null;
            /** @description The body as received (JSON parsed, forms as objects), redacted. */
            requestBody: unknown;
            /** @description The body as sent (JSON parsed where it is JSON), redacted. */
            responseBody: unknown;
            /** @description The id of the fault that delayed or answered this request. */
            injectedFault: string | null;
        };
        JournalPage: {
            requests: components["schemas"]["JournalEntry"][];
            /** @description Entries held in the journal. */
            size: number;
            /** @description The most entries the journal holds; older ones are dropped. */
            capacity: number;
        };
        FaultRequest: {
            operationId?: string;
            /** @description GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS, in any letter case. */
            method?: string;
            /** @description A JavaScript regular expression tested against the path (without the query string). */
            pathPattern?: string;
            clientId?: string;
            /** @description Answer with this status in the API's own error format instead of running the operation. */
            status?: number;
            /** @description Wait this long before answering (or running the operation). */
            delayMs?: number;
            /** @default 1 */
            probability: number;
            /** @description Seeds the fault's own random sequence, so that `probability` picks the same requests each run. */
            seed?: number;
            /** @description Apply to at most this many requests; default no limit. */
            times?: number;
        };
        Fault: components["schemas"]["FaultRequest"] & {
            id: string;
            /** @description Requests this fault has delayed or answered. */
            applied: number;
            /** @description How many more requests it applies to; null for no limit. */
            remaining?: number | null;
            /** Format: date-time */
            createdAt: string;
        };
        FaultList: {
            faults: components["schemas"]["Fault"][];
        };
        /** @description Provides information about problems encountered while performing an operation. */
        Failure: {
            errors: components["schemas"]["Error"][];
        };
        Error: {
            /** @description The request id. */
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
                 *           "code": "clock_backwards",
                 *           "title": "Invalid Input",
                 *           "detail": "The clock never moves backwards; it is 2026-01-02T00:00:00.000Z",
                 *           "source": {
                 *             "pointer": "/set"
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
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
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
                 *           "detail": "The access token lacks the scope 'signups:admin' this operation requires"
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
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Payload Too Large */
        PayloadTooLargeError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
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
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The unique identifier for the API request. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock's current state. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    moveClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockMove"];
            };
        };
        responses: {
            /** @description The clock's new state, once the background work that became due has run. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockMoved"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
        };
    };
    resetState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description What was removed, as row counts per table. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
        };
    };
    getSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The snapshot. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    /** @example attachment; filename="signups-snapshot.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"];
                };
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    restoreSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Snapshot"];
            };
        };
        responses: {
            /** @description The state was replaced; the row counts per table and the clock. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestoreResult"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            413: components["responses"]["PayloadTooLargeError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description Only requests to this operation. */
                operationId?: string;
                /** @description Only answers with this status code. */
                status?: number;
                /** @description Only requests made with a token of this client. */
                clientId?: string;
                /** @description At most this many entries. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Journal entries, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalPage"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal is empty. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active faults. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    createFault: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description The fault is active. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequestError"];
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            415: components["responses"]["UnsupportedMediaTypeError"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No fault is active. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
        };
    };
    deleteFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                faultId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fault is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["UnauthenticatedError"];
            403: components["responses"]["UnauthorizedError"];
            404: components["responses"]["NotFoundError"];
        };
    };
}
