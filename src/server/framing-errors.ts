import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FAILURE_CODES, type FailureCode } from '../errors/partner-failure.js';
import { type Problem, problemOf } from './api-error.js';
import { errorFormatOfUnroutedPath } from './documents.js';
import { render } from './error-handler.js';

interface ClientError extends Error {
  code?: string;
  rawPacket?: unknown;
}

/** The request target of the first line of what the client sent, when it got that far. */
function targetOf(raw: unknown): string {
  if (!Buffer.isBuffer(raw)) return '/';
  const line = raw.subarray(0, Math.min(raw.length, 2048)).toString('latin1').split('\r\n', 1)[0] ?? '';
  return /^[A-Z]+ (\/\S*) HTTP\/1\.[01]$/.exec(line)?.[1] ?? '/';
}

function refusalOf(error: ClientError): { statusCode: number; problem: Problem } {
  const [code, detail]: [FailureCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['request_header_fields_too_large', 'The request headers are larger than the server accepts (16 KB in all)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['request_timeout', 'The request was not received in time']
        : ['bad_request', 'The request is not well-formed HTTP/1.1'];
  return { statusCode: FAILURE_CODES[code].status, problem: problemOf(code, detail) };
}

/**
 * Requests that fail before they are parsed (headers too large, broken framing) are answered in the error format
 * of the API their path belongs to, not the framework's own, and the connection is closed.
 */
export function clientErrorHandler(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { statusCode, problem } = refusalOf(error);
  const requestId = randomUUID();
  const format = errorFormatOfUnroutedPath(targetOf(error.rawPacket));
  const body = JSON.stringify(render(format, { statusCode, problems: [problem], ...(format === 'oauth2' ? { oauthError: 'invalid_request' } : {}) }, requestId));
  const headers = [
    `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    ...(format === 'aveva' ? [`Operation-Id: ${requestId}`] : []),
    'Connection: close',
  ];
  if (socket.writable) socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}
