import { registerMetrics } from '../metrics.js';
import type { AppPlugin } from './plugin.js';

/** `GET /metrics` and the counters the other plugins feed, when metrics are on. */
export const metrics: AppPlugin = (app, setup) => {
  const { config, store, clock } = setup.context;
  if (!config.metrics) return;
  setup.metrics = registerMetrics(app, { store, clock, log: app.log, ...(config.metricsToken ? { token: config.metricsToken } : {}) });
};
