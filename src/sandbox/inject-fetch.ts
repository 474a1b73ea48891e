import type { FastifyInstance } from 'fastify';
import type { Fetch } from './admin-client.js';

// Statuses whose answer has no body: a Response refuses one.
const NULL_BODY = new Set([204, 205, 304]);

/**
 * A `Fetch` served by the app in process (`app.inject`): the request fetch would send to the URL, without the
 * socket. Host is the URL's, as fetch sends it. Redirects are answered as they are, not followed: the sandbox
 * controls and the token endpoint answer none.
 */
export function injectFetch(app: FastifyInstance): Fetch {
  return async (url, init) => {
    const target = new URL(url);
    const headers: Record<string, string> = { host: target.host, ...init.headers };
    // inject sends no content-length for an empty body; fetch sends 0.
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const res = await app.inject({ method: init.method, url: `${target.pathname}${target.search}`, headers, ...(init.body !== undefined ? { payload: init.body } : {}) });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) answerHeaders.append(name, String(one));
    }
    return new Response(NULL_BODY.has(res.statusCode) ? null : res.rawPayload, { status: res.statusCode, statusText: res.statusMessage, headers: answerHeaders });
  };
}
