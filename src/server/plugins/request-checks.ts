import { Errors } from '../api-error.js';
import { parameterWithNul, pointerToNul } from '../nul-bytes.js';
import type { AppPlugin } from './plugin.js';

/** Every request: its id on the answer, closed connections while draining, no Host-less HTTP/1.1, no NUL characters. */
export const requestChecks: AppPlugin = (app) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // While the server drains, each answer closes its connection, so keep-alive clients cannot hold the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) throw Errors.hostRequired();
    const inPath = parameterWithNul(request.params);
    if (inPath !== null) throw Errors.nulInParameter('path', inPath);
    const inQuery = parameterWithNul(request.query);
    if (inQuery !== null) throw Errors.nulInParameter('query', inQuery);
  });
  // A global preValidation hook runs before the routes' own, so the pointer names the field as the client wrote it.
  app.addHook('preValidation', async (request) => {
    const pointer = pointerToNul(request.body);
    if (pointer !== null) throw Errors.nulInBody(pointer);
  });
};
