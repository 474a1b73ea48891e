import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config/server-config.js';
import type { AccessTokens } from '../identity/access-tokens.js';
import type { LinkTokens } from '../identity/link-tokens.js';
import type { Clock } from '../store/clock.js';
import type { Store } from '../store/database.js';

/** What handlers may use: the store, the clock, configuration and the token services. */
export interface AppContext {
  store: Store;
  clock: Clock;
  config: ServerConfig;
  accessTokens: AccessTokens;
  linkTokens: LinkTokens;
  baseUrl(request: FastifyRequest): string;
}
