import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config/server-config.js';
import type { Clock } from '../store/clock.js';
import { Errors } from './api-error.js';
import { clockedRateLimitStore, redisClockedRateLimitStore } from './rate-limit-store.js';

/**
 * Fixed-window limits per client (per address for calls without a valid token). With a Redis URL the counters
 * are shared by every server process; if Redis fails, requests pass rather than fail.
 */
export async function registerRateLimit(app: FastifyInstance, config: RateLimitConfig, clock: Clock, onRejected?: (request: FastifyRequest) => void): Promise<void> {
  // Connects once the app is ready: building it compiles every schema and can hold the event loop longer than the
  // connect timeout, which then fired although Redis had answered.
  // The Redis client is loaded only when configured: a server without one does not carry it in memory.
  const redis = config.redisUrl
    ? new (await import('ioredis')).Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, lazyConnect: true })
    : undefined;
  if (redis) {
    // One line when Redis stops answering and one when it is back, not a stack trace per reconnect attempt.
    let unavailable = false;
    redis.on('error', (err: Error) => {
      if (unavailable) return;
      unavailable = true;
      app.log.warn({ error: err.message }, 'rate-limit store unavailable; requests pass unlimited until it answers');
    });
    redis.on('ready', () => {
      if (!unavailable) return;
      unavailable = false;
      app.log.info('rate-limit store available again');
    });
    app.addHook('onReady', async () => {
      await redis.connect().catch(() => undefined);
    });
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  await app.register(rateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    hook: 'onRequest',
    // Windows follow the server clock, in memory and in Redis alike, so that a moved sandbox clock opens new ones.
    store: redis ? redisClockedRateLimitStore(redis, clock, 'signups-rl:') : clockedRateLimitStore(clock),
    skipOnError: redis !== undefined,
    ...(onRejected ? { onExceeded: (request: FastifyRequest) => onRejected(request) } : {}),
    keyGenerator: (request) => (request.principal ? `client:${request.principal.clientId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) => Errors.rateLimited(`Rate limit exceeded: ${context.max} requests per window; retry in ${context.after}`),
  });
}
