import type { FastifyRequest } from 'fastify';
import type { PageReadAhead } from '../change-broker/read-ahead.js';
import type { ServerConfig } from '../config/server-config.js';
import type { AccessTokens } from '../identity/access-tokens.js';
import type { JoinedRows } from '../store/dialects/dialect-ops.js';
import type { LinkTokens } from '../identity/link-tokens.js';
import type { Clock } from '../store/clock.js';
import type { Store } from '../store/database.js';
import type { LiveStreams } from './live-streams.js';
import type { Sandbox } from './sandbox.js';

/** What route handlers may use: the store, the clock, configuration, the token services, live streams, the sandbox. */
export interface AppContext {
  store: Store;
  clock: Clock;
  config: ServerConfig;
  accessTokens: AccessTokens;
  linkTokens: LinkTokens;
  baseUrl(request: FastifyRequest): string;
  /** The live update streams open in this process, ended when it closes. */
  liveStreams: LiveStreams;
  /** Pages of updates read ahead for pollers catching up (unless configured off). */
  readAhead?: PageReadAhead<JoinedRows>;
  /** The sandbox controls, on a server started with them. */
  sandbox?: Sandbox;
}
