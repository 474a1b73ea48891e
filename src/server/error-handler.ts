import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError } from '../identity/errors.js';
import { PartnerError } from '../partner/errors.js';
import { SandboxError } from '../sandbox/errors.js';
import { SdsError } from '../sds/errors.js';
import { ApiError, Errors, type Problem } from './api-error.js';
import type { ErrorFormat } from './spec.js';
import { problemsFromValidation, type SchemaError } from './validation-problems.js';

interface Answer {
  statusCode: number;
  problems: Problem[];
  headers: Record<string, string>;
  oauthError?: string;
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

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

export type PartnerLinks = { entitlementUrl(request: FastifyRequest, id: string): string };

function fromPartnerError(error: PartnerError, request: FastifyRequest, links: PartnerLinks): Answer {
  const { code, pointer, parameter, conflictingEntitlementId } = error.details;
  const problem: Problem = { title: 'Bad Request', detail: error.message };
  if (code) problem.code = code;
  if (pointer) problem.pointer = pointer;
  if (parameter) problem.parameter = parameter;
  const headers: Record<string, string> = {};
  let statusCode = 400;
  if (error.kind === 'not_found') {
    statusCode = 404;
    problem.title = 'Not Found';
  } else if (error.kind === 'conflict') {
    statusCode = 409;
    problem.title = code === 'resource_already_exists' ? 'Resource Already exists' : 'Conflict';
    if (conflictingEntitlementId) headers.location = links.entitlementUrl(request, conflictingEntitlementId);
  } else if (code?.startsWith('link_token_')) {
    problem.title = 'Invalid Link Token';
  } else {
    problem.title = 'Invalid Input';
  }
  return { statusCode, problems: [problem], headers };
}

const SDS_STATUS = { invalid: 400, not_found: 404, conflict: 409, forbidden: 403 } as const;

function fromSdsError(error: SdsError): Answer {
  const statusCode = SDS_STATUS[error.kind];
  const problem: Problem = { title: TITLES[statusCode] ?? 'Error', detail: error.message, ...error.details };
  return { statusCode, problems: [problem], headers: {} };
}

function fromSandboxError(error: SandboxError): Answer {
  const statusCode = error.kind === 'not_found' ? 404 : 400;
  const { code, pointer, parameter } = error.details;
  const problem: Problem = { title: statusCode === 404 ? 'Not Found' : 'Invalid Input', detail: error.message };
  if (code) problem.code = code;
  if (pointer) problem.pointer = pointer;
  if (parameter) problem.parameter = parameter;
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
    const status = error.error === 'invalid_client' ? 401 : 400;
    const refused = Errors.oauth(status, error.error, error.message, error.challenge ? { 'www-authenticate': 'Basic realm="signups"' } : {});
    return { statusCode: refused.statusCode, problems: refused.problems, headers: refused.headers, oauthError: error.error };
  }
  if (error instanceof PartnerError) return fromPartnerError(error, request, links);
  if (error instanceof SdsError) return fromSdsError(error);
  if (error instanceof SandboxError) return fromSandboxError(error);
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
    const code = (e.code && FASTIFY_CODES[e.code]) ?? (e instanceof SyntaxError ? 'malformed_json' : 'bad_request');
    const detail = code === 'malformed_json' ? `The request body is not valid JSON: ${e.message ?? ''}`.trim() : (e.message ?? 'Bad request');
    return { statusCode, problems: [{ code, title: TITLES[statusCode] ?? 'Bad Request', detail }], headers: {} };
  }
  return {
    statusCode: 500,
    problems: [{ code: 'internal_error', title: 'Internal Server Error', detail: `An unexpected error occurred; quote request id ${request.id} when reporting it.` }],
    headers: {},
  };
}

const OAUTH_BY_STATUS: Record<number, string> = { 401: 'invalid_client', 429: 'temporarily_unavailable', 500: 'server_error' };

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

/** The error format of a URL no route claims: the API its path belongs to. */
export function errorFormatOfPath(url: string): ErrorFormat {
  if (/^\/(oauth2|identity)\//.test(url)) return 'oauth2';
  return /^\/api\//i.test(url) ? 'aveva' : 'partner';
}

export function errorFormatOf(request: FastifyRequest): ErrorFormat {
  const configured = (request.routeOptions.config as { errorFormat?: ErrorFormat } | undefined)?.errorFormat;
  return configured ?? errorFormatOfPath(request.url);
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
