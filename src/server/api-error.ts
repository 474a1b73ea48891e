/** One problem in an error answer; each format (partner Failure, OAuth2) renders it in its own shape. */
export interface Problem {
  code?: string;
  title: string;
  detail: string;
  pointer?: string;
  parameter?: string;
  /** AVEVA error bodies: why it happened and what to do, and the ids or values involved. */
  reason?: string;
  resolution?: string;
  parameters?: Record<string, string>;
}

/** An error the edge raises itself (authentication, scopes, rate limits) with the status it answers with. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly problems: Problem[],
    readonly headers: Record<string, string> = {},
    /** For OAuth2 answers: the RFC 6749 error code. */
    readonly oauthError?: string,
  ) {
    super(problems[0]?.detail ?? 'error');
    this.name = 'ApiError';
  }
}

// Central catalogue of the edge's own errors, so codes and titles stay the same everywhere.
export const Errors = {
  unauthenticated: (detail: string, wwwAuthenticate: string) =>
    new ApiError(401, [{ code: 'user_unauthenticated', title: 'Authentication Required', detail }], {
      'www-authenticate': wwwAuthenticate,
    }),
  forbidden: (detail: string) => new ApiError(403, [{ code: 'user_unauthorized', title: 'User Access Unauthorized', detail }]),
  notFound: (detail: string) => new ApiError(404, [{ title: 'Not Found', detail }]),
  unsupportedMediaType: (contentType: string, accepted: readonly string[]) =>
    new ApiError(415, [
      {
        code: 'unsupported_media_type',
        title: 'Unsupported Media Type',
        detail: `Content-Type '${contentType}' is not accepted here; send ${accepted.join(' or ')}`,
      },
    ], {}, 'invalid_request'),
  /** A NUL character in a body field (named by its JSON Pointer) or in a path or query parameter. */
  nulInBody: (pointer: string) =>
    new ApiError(400, [{ code: 'invalid_input', title: 'Invalid Input', detail: `${pointer || '/'} must not contain a NUL character`, pointer }], {}, 'invalid_request'),
  nulInParameter: (where: 'path' | 'query', parameter: string) =>
    new ApiError(
      400,
      [{ code: 'invalid_parameter', title: 'Invalid Parameter', detail: `${where} parameter '${parameter}' must not contain a NUL character`, parameter }],
      {},
      'invalid_request',
    ),
  tooDeep: (limit: number) =>
    new ApiError(
      400,
      [{ code: 'malformed_json', title: 'Bad Request', detail: `The request body nests arrays and objects deeper than ${limit} levels` }],
      {},
      'invalid_request',
    ),
  hostRequired: () =>
    new ApiError(400, [{ code: 'bad_request', title: 'Bad Request', detail: 'An HTTP/1.1 request must carry a Host header' }], {}, 'invalid_request'),
  rateLimited: (detail: string) => new ApiError(429, [{ code: 'rate_limit_exceeded', title: 'Too Many Requests', detail }]),
  oauth: (statusCode: number, error: string, description: string, headers: Record<string, string> = {}) =>
    new ApiError(statusCode, [{ code: error, title: error, detail: description }], headers, error),
};
