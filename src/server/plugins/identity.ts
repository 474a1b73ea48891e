import { identify } from '../auth.js';
import { BasicCredentials } from '../basic-credentials.js';
import type { AppPlugin } from './plugin.js';

/** Who is calling: a bearer token, or HTTP Basic where the partner API's documents allow it. */
export const identity: AppPlugin = (app, { context }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('tokenProblem', null);
  app.addHook(
    'onRequest',
    identify(context.accessTokens, {
      credentials: new BasicCredentials(context.store.db),
      accepts: (request) => {
        // The partner API's operations that need credentials (its documents list Basic beside the token).
        const route: object = request.routeOptions.config;
        return 'errorFormat' in route && route.errorFormat === 'partner' && 'scopes' in route && route.scopes !== undefined;
      },
    }),
  );
};
