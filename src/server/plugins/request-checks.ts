import { Errors } from '../api-error.js';
import { parameterWithNul, pointerToNul } from '../nul-bytes.js';
import type { AppPlugin } from './plugin.js';

/** Every request: its id on the answer, closed connections while draining, no Host-less HTTP/1.1, no NUL characters. */
export const requestChecks: AppPlugin = (app) => {
  // Callback hooks, not async ones: no promise per request and hook.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) return done(Errors.hostRequired());
    const inPath = parameterWithNul(request.params);
    if (inPath !== null) return done(Errors.nulInParameter('path', inPath));
    const inQuery = parameterWithNul(request.query);
    if (inQuery !== null) return done(Errors.nulInParameter('query', inQuery));
    done();
  });
  // While the server drains, each answer closes its connection, so keep-alive clients cannot hold the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  // A global preValidation hook runs before the routes' own, so the pointer names the field as the client wrote it.
  app.addHook('preValidation', (request, _reply, done) => {
    const pointer = pointerToNul(request.body);
    done(pointer === null ? undefined : Errors.nulInBody(pointer));
  });
};
