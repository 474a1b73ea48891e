import type { operations } from '../../openapi-types/partner-v2.js';
import { operationOf } from '../../server/route-module.js';
import { issuerUrl } from '../discovery.js';
import { grantClientToken } from '../token-grant.js';
import { tokenAnswer } from './token-answer.js';

/** POST /identity/connect/token: the same grant at AVEVA CONNECT's path; tokens name `{base}/identity` as issuer. */
export const issueIdentityToken = operationOf<operations>()('issueIdentityToken', [], async (request, reply, app) => {
  const token = await grantClientToken(app.store.db, app.accessTokens, {
    form: request.body,
    authorization: request.headers.authorization,
    issuer: issuerUrl(app.baseUrl(request), 'identity'),
  });
  return tokenAnswer(reply, token);
});
