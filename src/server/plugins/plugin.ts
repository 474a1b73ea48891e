import type { FastifyInstance } from 'fastify';
import type { ServedDocument } from '../api-docs.js';
import type { AppContext } from '../app-context.js';
import type { MetricsRecorder } from '../metrics.js';

/** What the plugins share while the app is built; later plugins read what earlier ones set. */
export interface Setup {
  context: AppContext;
  /** Set by the metrics plugin when metrics are on. */
  metrics?: MetricsRecorder;
  /** The documents served, set by the OpenAPI routes plugin. */
  served: ServedDocument[];
}

/**
 * One step of building the app. Plugins run in the order buildApp lists them, on the root instance (not
 * encapsulated), because the order of their hooks is part of the behaviour.
 */
export type AppPlugin = (app: FastifyInstance, setup: Setup) => void | Promise<void>;
