import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '@creatorflow/core';
import type { AppContext } from '../context.ts';
import type { App } from '../http/types.ts';

const WINDOW_MS = 60_000;
/** Probes must never be throttled; gateway routes (`/v1`) meter per key in the LLM layer. */
const UNLIMITED = new Set(['/api/health']);

/** Which bucket a request counts against: auth routes per client IP, everything else per user. */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.routeOptions.url?.startsWith('/api/auth/') && request.routeOptions.config?.auth === 'public') return `auth:${request.ip}`;
  return request.auth ? `user:${request.auth.userId}` : `ip:${request.ip}`;
}

/**
 * Rate limits on `/api`: `rateLimit.authPerMinute` per IP on the public auth
 * routes (password guessing), `rateLimit.apiPerMinute` per user elsewhere.
 * Counters live in Redis in cloud mode, so every server copy shares them,
 * and in memory locally. Must be installed before the routes: it attaches
 * itself to each route as it is added.
 */
export async function installRateLimit(app: App, ctx: AppContext): Promise<void> {
  const { authPerMinute, apiPerMinute } = ctx.config.rateLimit;
  // The shared connection waits for Redis for ever (BullMQ needs maxRetriesPerRequest: null), so a
  // counter command during a Redis outage held every API request until Redis was back (found by the
  // fault suite, issue 17). Counters get their own connection that fails at once while Redis is
  // away, and skipOnError lets the request through.
  const counters = ctx.redis?.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  counters?.on('error', () => undefined);
  if (counters) app.addHook('onClose', async () => void counters.disconnect());
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/') || UNLIMITED.has(url) || route.config?.auth === 'gateway') {
      route.config = { ...route.config, rateLimit: false } as typeof route.config;
    }
  });
  await app.register(fastifyRateLimit, {
    global: true,
    // After authentication (an onRequest hook), so the user is known.
    hook: 'preHandler',
    timeWindow: WINDOW_MS,
    max: (_request: FastifyRequest, key: string) => (key.startsWith('auth:') ? authPerMinute : apiPerMinute),
    keyGenerator: rateLimitKey,
    ...(counters ? { redis: counters, nameSpace: `${ctx.config.redisPrefix}rl:` } : {}),
    // A Redis outage must not take the API down with it.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(
        'RATE_LIMITED',
        `Too many requests: the limit is ${context.max} per minute. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
        Math.max(1, Math.ceil(context.ttl / 1000)),
        { limit: context.max },
      ),
  });
}
