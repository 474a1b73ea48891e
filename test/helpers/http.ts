import type { FastifyInstance } from 'fastify';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** An app called in process through `app.inject`; `url` is the address it would be reached at over HTTP. */
export interface InProcess {
  app: FastifyInstance;
  url?: string;
}

/**
 * Where a call goes: a base URL is a real HTTP request over a socket (for tests whose subject is the network), an
 * app is served in process by `app.inject`, the same request without the socket.
 */
export type Target = string | InProcess;

export interface CallOptions {
  token?: string;
  json?: unknown;
  /** A raw body, sent as given (as text/plain unless a content-type header says otherwise, as fetch does). */
  body?: string;
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** `follow` (the default, as fetch): answer what a 3xx's Location answers; `manual`: the 3xx itself. */
  redirect?: 'follow' | 'manual';
}

/** One call with a JSON, form or raw body; the answer's body is parsed when it is JSON. */
export async function call<T = unknown>(target: Target, method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  if (options.form !== undefined) {
    body = new URLSearchParams(options.form).toString();
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  const redirect = options.redirect ?? 'follow';
  const answer = typeof target === 'string' ? await overHttp(target, method, path, headers, body, redirect) : await inProcess(target, method, path, headers, body, redirect);
  let parsed: unknown = answer.text;
  if ((answer.headers.get('content-type') ?? '').includes('json') && answer.text.length > 0) parsed = JSON.parse(answer.text);
  return { status: answer.status, headers: answer.headers, body: parsed as T, text: answer.text };
}

type Raw = Omit<Answer, 'body'>;

async function overHttp(base: string, method: string, path: string, headers: Headers, body: string | undefined, redirect: 'follow' | 'manual'): Promise<Raw> {
  const res = await fetch(`${base}${path}`, { method, headers, redirect, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

// The methods inject sends; another is a test of the HTTP layer itself, for a real socket.
const INJECT_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS'] as const;
function injectMethod(method: string): (typeof INJECT_METHODS)[number] {
  const found = INJECT_METHODS.find((known) => known === method.toUpperCase());
  if (found === undefined) throw new Error(`${method} cannot be sent through inject: call the server's URL`);
  return found;
}

// Headers fetch changes or drops when a redirect turns the request into a GET without a body.
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/**
 * The request as fetch would send it, through `app.inject`. Host is the server's own address (`url`), as a client
 * of that URL sends it, so answers that build absolute URLs from Host (Location, issuers, documents' servers) are the
 * ones seen over HTTP. A raw body without a content-type goes as text/plain, and redirects are followed, as fetch does.
 */
async function inProcess(target: InProcess, method: string, path: string, headers: Headers, body: string | undefined, redirect: 'follow' | 'manual'): Promise<Raw> {
  const origin = target.url === undefined ? undefined : new URL(target.url).origin;
  if (origin !== undefined && !headers.has('host')) headers.set('host', new URL(origin).host);
  if (!headers.has('user-agent')) headers.set('user-agent', 'node');
  if (!headers.has('accept')) headers.set('accept', '*/*');
  if (body !== undefined) {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    // inject sends no content-length for an empty body; fetch sends 0.
    headers.set('content-length', String(Buffer.byteLength(body)));
  }
  for (let redirects = 0; ; redirects++) {
    const res = await target.app.inject({ method: injectMethod(method), url: path, headers: Object.fromEntries(headers), ...(body !== undefined ? { payload: body } : {}) });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) answerHeaders.append(name, String(one));
    }
    const location = answerHeaders.get('location');
    if (redirect === 'manual' || location === null || ![301, 302, 303, 307, 308].includes(res.statusCode)) {
      return { status: res.statusCode, headers: answerHeaders, text: res.body };
    }
    if (redirects === 20) throw new Error(`more than 20 redirects from ${method} ${path}`);
    const next = new URL(location, origin ?? 'http://localhost');
    if (origin !== undefined && next.origin !== origin) throw new Error(`a redirect to another origin (${location}) cannot be followed in process`);
    path = `${next.pathname}${next.search}`;
    if (res.statusCode === 303 ? method !== 'HEAD' : [301, 302].includes(res.statusCode) && method === 'POST') {
      method = 'GET';
      body = undefined;
      for (const name of BODY_HEADERS) headers.delete(name);
    }
  }
}

export interface FailureBody {
  errors: Array<{ id?: string; status?: string; code?: string; title?: string; detail?: string; source?: { pointer?: string; parameter?: string } }>;
}
