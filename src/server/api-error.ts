import { FAILURE_CODES, type FailureCode, UNCODED_NOT_FOUND } from '../errors/partner-failure.js';
import { OAUTH2_CODES, type OAuth2Code } from '../errors/oauth2.js';

/** One problem in an error answer; each format (partner Failure, OAuth2, AVEVA) renders it in its own shape. */
export interface Problem {
  code?: FailureCode;
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
    readonly oauthError?: OAuth2Code,
  ) {
    super(problems[0]?.detail ?? 'error');
    this.name = 'ApiError';
  }
}

/** A problem with a catalogued code: its title comes from the catalogue. */
export function problemOf(code: FailureCode, detail: string, where: { pointer?: string; parameter?: string } = {}): Problem {
  return { code, title: FAILURE_CODES[code].title, detail, ...where };
}

/** An error with a catalogued code, answered with the catalogue's status unless the cause gave another (a fault). */
function failure(code: FailureCode, detail: string, options: { headers?: Record<string, string>; oauth?: OAuth2Code; status?: number; where?: { pointer?: string; parameter?: string } } = {}): ApiError {
  return new ApiError(options.status ?? FAILURE_CODES[code].status, [problemOf(code, detail, options.where)], options.headers ?? {}, options.oauth);
}

// The edge's own errors; codes, statuses and titles come from the catalogues.
export const Errors = {
  unauthenticated: (detail: string, wwwAuthenticate: string) => failure('user_unauthenticated', detail, { headers: { 'www-authenticate': wwwAuthenticate } }),
  forbidden: (detail: string) => failure('user_unauthorized', detail),
  notFound: (detail: string) => new ApiError(UNCODED_NOT_FOUND.status, [{ title: UNCODED_NOT_FOUND.title, detail }]),
  unsupportedMediaType: (contentType: string, accepted: readonly string[]) =>
    failure('unsupported_media_type', `Content-Type '${contentType}' is not accepted here; send ${accepted.join(' or ')}`, { oauth: 'invalid_request' }),
  /** A NUL character in a body field (named by its JSON Pointer) or in a path or query parameter. */
  nulInBody: (pointer: string) => failure('invalid_input', `${pointer || '/'} must not contain a NUL character`, { oauth: 'invalid_request', where: { pointer } }),
  nulInParameter: (where: 'path' | 'query', parameter: string) =>
    failure('invalid_parameter', `${where} parameter '${parameter}' must not contain a NUL character`, { oauth: 'invalid_request', where: { parameter } }),
  tooDeep: (limit: number) => failure('malformed_json', `The request body nests arrays and objects deeper than ${limit} levels`, { oauth: 'invalid_request' }),
  hostRequired: () => failure('bad_request', 'An HTTP/1.1 request must carry a Host header', { oauth: 'invalid_request' }),
  rateLimited: (detail: string) => failure('rate_limit_exceeded', detail),
  /** A sandbox fault: the status it was given, the code for that status, and the OAuth2 code nearest to it. */
  fault: (status: number, code: FailureCode, oauth: OAuth2Code, detail: string, headers: Record<string, string>) => failure(code, detail, { status, oauth, headers }),
  /** An OAuth2 refusal (the token endpoint's own format), with the catalogue's status for its code. */
  oauth: (error: OAuth2Code, description: string, headers: Record<string, string> = {}) =>
    new ApiError(OAUTH2_CODES[error].status, [{ title: error, detail: description }], headers, error),
};
