import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { issuerUrl } from '../discovery.js';
import { grantClientToken } from '../token-grant.js';
import { tokenAnswer } from './token-answer.js';

/** POST /oauth2/token: client credentials; tokens name the server root as issuer. */
export const issueToken = operationOf<operations>()('issueToken', [], async (request, reply, app) => {
  const token = await grantClientToken(app.store.db, app.accessTokens, {
    form: request.body,
    authorization: request.headers.authorization,
    issuer: issuerUrl(app.baseUrl(request), 'root'),
  });
  return tokenAnswer(reply, token);
});
