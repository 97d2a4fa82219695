import { existsSync } from 'node:fs';
import { z } from 'zod';
import { localMediaDir } from '@creatorflow/library';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';

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

  // Where this server keeps things, for the settings page and for troubleshooting. Signed-in users only: paths are not public.
  app.get('/api/system', {
      schema: {
        tags: ['system'],
        summary: 'Where this server keeps data, and the browser it uses for publishing',
        response: {
          200: z.object({
            mode: z.enum(['local', 'cloud']),
            version: z.string(),
            node: z.string(),
            db: z.enum(['pglite', 'postgres']),
            home: z.string().nullable().describe('The local data directory; null in cloud mode'),
            media: z.string().describe('Where media files live: a directory, or `s3`'),
            chromium: z.object({ path: z.string(), found: z.boolean() }),
            upload_max_bytes: z.number().int().describe('The largest file 素材库 accepts'),
          }),
        },
      },
    }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    return {
      mode: ctx.mode,
      version: ctx.version,
      node: process.versions.node,
      db: ctx.database.kind,
      home: ctx.mode === 'local' ? ctx.config.home : null,
      // Cloud deployments' storage details stay with their operators.
      media: ctx.config.s3 ? 's3' : localMediaDir(ctx.config.home),
      chromium: { path: ctx.config.chromiumPath, found: existsSync(ctx.config.chromiumPath) },
      upload_max_bytes: ctx.config.upload.maxBytes,
    };
  });
};
