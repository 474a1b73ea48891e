import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AVEVA_CODES, AvevaError } from '../errors/aveva.js';
import type { OAuth2Code } from '../errors/oauth2.js';
import { FAILURE_CODES, type FailureCode, UNCODED_NOT_FOUND } from '../errors/partner-failure.js';
import { OAuthError } from '../identity/errors.js';
import { PartnerError } from '../partner/errors.js';
import { SandboxError } from '../sandbox/errors.js';
import { ApiError, Errors, type Problem, problemOf } from './api-error.js';
import { errorFormatOfUnroutedPath } from './documents.js';
import type { ErrorFormat } from './spec.js';
import { problemsFromValidation, type SchemaError } from './validation-problems.js';

interface Answer {
  statusCode: number;
  problems: Problem[];
  headers: Record<string, string>;
  oauthError?: OAuth2Code;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

const FASTIFY_CODES: Record<string, FailureCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

export type PartnerLinks = { entitlementUrl(request: FastifyRequest, id: string): string };

/** A `Failure` code's status and title from the catalogue; a coded-less partner refusal is a resource not found. */
function failureAnswer(code: FailureCode | null, message: string, where: { pointer?: string; parameter?: string }): Answer {
  const entry = code === null ? UNCODED_NOT_FOUND : FAILURE_CODES[code];
  const problem: Problem = { title: entry.title, detail: message };
  if (code !== null) problem.code = code;
  if (where.pointer) problem.pointer = where.pointer;
  if (where.parameter) problem.parameter = where.parameter;
  return { statusCode: entry.status, problems: [problem], headers: {} };
}

function fromPartnerError(error: PartnerError, request: FastifyRequest, links: PartnerLinks): Answer {
  const { conflictingEntitlementId, ...where } = error.details;
  const answer = failureAnswer(error.code, error.message, where);
  if (answer.statusCode === 409 && conflictingEntitlementId) answer.headers.location = links.entitlementUrl(request, conflictingEntitlementId);
  return answer;
}

function fromAvevaError(error: AvevaError): Answer {
  const statusCode = AVEVA_CODES[error.code].status;
  const problem: Problem = { title: TITLES[statusCode] ?? 'Error', detail: error.message, reason: error.reason, ...error.details };
  return { statusCode, problems: [problem], headers: {} };
}

const RESOLUTIONS: Record<number, string> = {
  400: 'Correct the request and send it again.',
  401: 'Send a valid bearer token from the token endpoint.',
  403: 'Use an identity that has access to this resource.',
  404: 'Check the identifiers in the request.',
  409: 'Check the current state of the resource and retry if appropriate.',
  413: 'Send a smaller request body.',
  415: 'Send the body as application/json.',
  429: 'Wait for the time in Retry-After, then retry.',
  500: 'Retry later; quote the OperationId when reporting the problem.',
};

/** Any error, ours or the framework's, as a status and a list of problems; never internals. */
export function toAnswer(error: unknown, request: FastifyRequest, links: PartnerLinks): Answer {
  if (error instanceof ApiError) {
    return { statusCode: error.statusCode, problems: error.problems, headers: error.headers, ...(error.oauthError ? { oauthError: error.oauthError } : {}) };
  }
  if (error instanceof OAuthError) {
    const refused = Errors.oauth(error.error, error.message, error.challenge ? { 'www-authenticate': 'Basic realm="signups"' } : {});
    return { statusCode: refused.statusCode, problems: refused.problems, headers: refused.headers, oauthError: error.error };
  }
  if (error instanceof PartnerError) return fromPartnerError(error, request, links);
  if (error instanceof AvevaError) return fromAvevaError(error);
  if (error instanceof SandboxError) return failureAnswer(error.code, error.message, error.details);
  const e = error as Partial<FastifyError> & { validation?: SchemaError[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const context = e.validationContext ?? 'body';
    const data = context === 'body' ? request.body : context === 'querystring' ? request.query : request.params;
    return { statusCode: 400, problems: problemsFromValidation(e.validation, context, data), headers: {} };
  }
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (statusCode === 429) {
    return { statusCode, problems: Errors.rateLimited(e.message ?? 'Rate limit exceeded').problems, headers: {} };
  }
  if (statusCode >= 400 && statusCode < 500) {
    const code: FailureCode = (e.code ? FASTIFY_CODES[e.code] : undefined) ?? (e instanceof SyntaxError ? 'malformed_json' : 'bad_request');
    const detail = code === 'malformed_json' ? `The request body is not valid JSON: ${e.message ?? ''}`.trim() : (e.message ?? 'Bad request');
    return { statusCode, problems: [{ code, title: TITLES[statusCode] ?? 'Bad Request', detail }], headers: {} };
  }
  return {
    statusCode: 500,
    problems: [problemOf('internal_error', `An unexpected error occurred; quote request id ${request.id} when reporting it.`)],
    headers: {},
  };
}

const OAUTH_BY_STATUS: Record<number, OAuth2Code> = { 401: 'invalid_client', 429: 'temporarily_unavailable', 500: 'server_error' };

export function render(format: ErrorFormat, answer: Pick<Answer, 'statusCode' | 'problems' | 'oauthError'>, requestId: string): object {
  if (format === 'aveva') {
    const first = answer.problems[0];
    const many = answer.problems.length > 1;
    const parameters: Record<string, string> = { ...first?.parameters };
    if (many || first?.pointer !== undefined || first?.parameter !== undefined) {
      for (const p of answer.problems) parameters[p.pointer ?? p.parameter ?? ''] = p.detail;
    }
    return {
      OperationId: requestId,
      Error: many ? 'The request is not valid.' : (first?.detail ?? 'Error'),
      Reason: many ? answer.problems.map((p) => p.detail).join('; ') : (first?.reason ?? first?.title ?? 'Error'),
      Resolution: first?.resolution ?? RESOLUTIONS[answer.statusCode] ?? 'Retry the request.',
      Parameters: parameters,
    };
  }
  if (format === 'oauth2') {
    const first = answer.problems[0];
    return {
      error: answer.oauthError ?? OAUTH_BY_STATUS[answer.statusCode] ?? 'invalid_request',
      error_description: answer.problems.map((p) => p.detail).join('; ') || first?.title || 'error',
    };
  }
  return {
    errors: answer.problems.map((p) => ({
      id: requestId,
      status: String(answer.statusCode),
      ...(p.code ? { code: p.code } : {}),
      title: p.title,
      detail: p.detail,
      ...(p.pointer !== undefined || p.parameter !== undefined
        ? { source: { ...(p.pointer !== undefined ? { pointer: p.pointer } : {}), ...(p.parameter !== undefined ? { parameter: p.parameter } : {}) } }
        : {}),
    })),
  };
}

/** The error format of the operation the request was routed to; see errorFormatOfUnroutedPath for the others. */
export function errorFormatOf(request: FastifyRequest): ErrorFormat {
  const configured = (request.routeOptions.config as { errorFormat?: ErrorFormat } | undefined)?.errorFormat;
  return configured ?? errorFormatOfUnroutedPath(request.url);
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, links: PartnerLinks): FastifyReply {
  const answer = toAnswer(error, request, links);
  if (answer.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ statusCode: answer.statusCode, code: answer.problems[0]?.code }, 'request refused');
  reply.code(answer.statusCode).headers(answer.headers);
  const format = errorFormatOf(request);
  if (format === 'aveva') reply.header('operation-id', request.id);
  if (answer.statusCode === 401 && !reply.hasHeader('www-authenticate') && format === 'oauth2') {
    reply.header('www-authenticate', 'Basic realm="signups"');
  }
  return reply.type('application/json; charset=utf-8').send(render(format, answer, request.id));
}

const NO_LINKS: PartnerLinks = { entitlementUrl: () => '' };

/** The AVEVA error body for an error met after an answer started streaming (a live stream's `event: error`). */
export function avevaErrorBody(error: unknown, request: FastifyRequest): object {
  return render('aveva', toAnswer(error, request, NO_LINKS), request.id);
}
