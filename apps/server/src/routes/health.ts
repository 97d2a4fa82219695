import { z } from 'zod';
import type { RoutePlugin } from './types.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(['local', 'cloud']),
  db: z.enum(['pglite', 'postgres']),
  redis: z.enum(['ok', 'down', 'none']),
  version: z.string(),
});

export const healthRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['system'], summary: 'Liveness and configuration of this server', response: { 200: healthSchema } },
    },
    async () => {
      let dbOk = true;
      try {
        await ctx.database.query('SELECT 1');
      } catch {
        dbOk = false;
      }
      let redis: 'ok' | 'down' | 'none' = 'none';
      if (ctx.redis) redis = await ctx.redis.ping().then(() => 'ok' as const, () => 'down' as const);
      return {
        status: dbOk && redis !== 'down' ? ('ok' as const) : ('degraded' as const),
        mode: ctx.mode,
        db: ctx.database.kind,
        redis,
        version: ctx.version,
      };
    },
  );
};
