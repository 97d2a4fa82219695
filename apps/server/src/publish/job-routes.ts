import { z } from 'zod';
import { CreatorFlowError, ForbiddenError, NotFoundError, ValidationError } from '@creatorflow/core';
import { publishVersion } from '@creatorflow/content';
import type { PublishContent, PublishItem, PublishEvent } from '@creatorflow/publish';
import { rawBody } from '../contract/responses.ts';
import { pageOf, pageQuery, pageSchema, readPage } from '../http/pagination.ts';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { attemptDto, attemptSchema, eventDto, eventSchema, healthDto, healthSchema, jobDto, jobSchema } from './dto.ts';
import { runVersionsForWork } from './run-versions.ts';
import { contentFromWork, type PlatformEdit } from './work-content.ts';
import { resolvePlatform } from '@creatorflow/platforms';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });
const media = z.object({ name: z.string().min(1), content_type: z.string().min(1), path: z.string().min(1) });
const methods = z.array(z.enum(['official_api', 'browser', 'assist'])).min(1).optional();

const createBody = z
  .object({
    work_id: z.string().min(1).optional(),
    /** Batch: several works, each to every account in `to`. */
    works: z.array(z.string().min(1)).max(200).optional(),
    /** Local mode: content given directly (files on this machine). */
    content: z
      .object({
        kind: z.enum(['article', 'image_note', 'video', 'short_post']),
        title: z.string().max(500).default(''),
        body: z.string().max(200_000),
        images: z.array(media).max(100).default([]),
        cover: media.optional(),
        video: media.optional(),
        tags: z.array(z.string().min(1).max(50)).max(30).default([]),
      })
      .optional(),
    to: z.array(z.string().min(1)).min(1).max(100),
    at: z.string().datetime({ offset: true }).optional(),
    late_policy: z.enum(['run', 'ask']).default('run'),
    spacing_seconds: z.number().int().min(0).max(86_400).optional(),
    jitter_seconds: z.number().int().min(0).max(86_400).optional(),
    methods,
    /** The person's edits per platform (any catalogue name), from the publish dialog; they win over the run's version. */
    versions: z
      .record(
        z.string().min(1),
        z.object({
          title: z.string().max(500).optional(),
          body: z.string().max(200_000).optional(),
          tags: z.array(z.string().min(1).max(50)).max(30).optional(),
          cover_uri: z.string().startsWith('asset://').optional(),
          video_uri: z.string().startsWith('asset://').optional(),
        }),
      )
      .default({}),
    /** A 公众号 article without a cover gets one rendered from its title. */
    auto_cover: z.boolean().default(true),
    /** Card theme of a 小红书 carousel made from an article. */
    carousel_theme: z.string().optional(),
  })
  .refine((b) => b.work_id || b.works?.length || b.content, { message: 'give work_id, works or content', path: ['work_id'] });

const versionsResponse = z.object({
  versions: z.array(
    z.object({
      platform: z.string(),
      name: z.string(),
      name_en: z.string(),
      mode: z.enum(['direct', 'carousel', 'post', 'video']).nullable(),
      kind: z.enum(['article', 'image_note', 'video', 'short_post']).nullable(),
      title: z.string(),
      body: z.string(),
      body_format: z.enum(['html', 'text', 'markdown']),
      tags: z.array(z.string()),
      source: z.enum(['edited', 'run', 'work']),
      run_id: z.string().nullable(),
      condensed: z.boolean(),
      cover_uri: z.string().nullable(),
      needs_video: z.boolean(),
      limits: z.object({
        title_min: z.number().nullable(),
        title_max: z.number().nullable(),
        title_required: z.boolean(),
        body_max: z.number().nullable(),
        tags_max: z.number().nullable(),
        images_max: z.number().nullable(),
        counting: z.enum(['chars', 'weibo']),
        /** How a tag is written into the text (`#{tag}`, `#{tag}#`), so the dialog can keep an inline topic line in step with edited tags. */
        tag_format: z.string().nullable(),
        /** `inline`: tags ride at the end of the body; `field`: a separate form field. */
        tag_placement: z.enum(['inline', 'field']).nullable(),
      }),
      /** Why this platform cannot take the work (e.g. an article for 抖音). */
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

const jobsSchema = z.object({ jobs: z.array(jobSchema) });
/** Where a page of jobs ends: the last job's id. */
const jobCursor = z.object({ id: z.string().uuid() });
const jobWithAttempts = jobSchema.extend({ attempts: z.array(attemptSchema) });

const toMedia = (m: z.infer<typeof media>) => ({ name: m.name, contentType: m.content_type, path: m.path });

/** The dialog's edits keyed by canonical platform id (it may name a platform by any catalogue name). */
function editsByPlatform(versions: z.infer<typeof createBody>['versions']): Map<string, PlatformEdit> {
  const out = new Map<string, PlatformEdit>();
  for (const [name, v] of Object.entries(versions)) {
    out.set(resolvePlatform(name).id, { title: v.title, body: v.body, tags: v.tags, coverUri: v.cover_uri, videoUri: v.video_uri });
  }
  return out;
}

/** Publish jobs: one-click, scheduled and batch; cancel, reschedule, retry, complete; events. */
export const jobRoutes: RoutePlugin = async (app, ctx) => {
  const scopeOf = async (request: Parameters<typeof resolveScope>[1], role: 'viewer' | 'editor' = 'editor') => resolveScope(ctx.database, request, role);

  app.post('/api/publish/jobs', { schema: { tags, summary: 'Publish works to accounts now, at a time, or as a spaced batch', body: createBody, response: { 201: jobsSchema } } }, async (request, reply) => {
    const scope = await scopeOf(request);
    const rt = ctx.publish;
    const b = request.body;
    if (b.content && ctx.mode !== 'local') throw new ForbiddenError('INLINE_CONTENT_LOCAL_ONLY', 'Inline content with file paths is for local mode; in the cloud publish a library work (work_id).');
    const accounts = await Promise.all(b.to.map((ref) => rt.accounts.resolve(scope.workspaceId, ref)));
    const workIds = b.works ?? (b.work_id ? [b.work_id] : ['inline']);
    const edits = editsByPlatform(b.versions);
    const items: PublishItem[] = [];
    for (const workId of workIds) {
      const fromRun = b.content ? new Map() : await runVersionsForWork(ctx, scope, workId);
      for (const account of accounts) {
        const content: PublishContent = b.content
          ? { kind: b.content.kind, title: b.content.title, body: b.content.body, images: b.content.images.map(toMedia), cover: b.content.cover && toMedia(b.content.cover), video: b.content.video && toMedia(b.content.video), tags: b.content.tags }
          : await contentFromWork(ctx, scope, workId, account.platform, {
              fromRun: fromRun.get(account.platform),
              // Edits apply to the one work the dialog showed; a batch of several works uses each work's own versions.
              edited: workIds.length === 1 ? edits.get(account.platform) : undefined,
              autoCover: b.auto_cover,
              carouselTheme: b.carousel_theme,
            });
        items.push({ workId, content, accountId: account.id, methods: b.methods });
      }
    }
    const runAt = b.at ? new Date(b.at) : undefined;
    if (runAt && runAt.getTime() < ctx.clock.nowMs() - 60_000) {
      throw new ValidationError(`'at' (${b.at}) is in the past; give a future time or leave it out to publish now.`, [{ path: 'at', message: 'in the past' }]);
    }
    const jobs = await rt.service.create(items, {
      workspaceId: scope.workspaceId,
      userId: scope.userId,
      role: scope.role,
      runAt,
      latePolicy: b.late_policy,
      spacingMs: (b.spacing_seconds ?? 0) * 1000,
      jitterMs: (b.jitter_seconds ?? 0) * 1000,
    });
    return reply.code(201).send({ jobs: jobs.map(jobDto) });
  });

  app.get(
    '/api/publish/versions',
    {
      schema: {
        tags,
        summary: "What each platform will get from a work (the run's version or the work formatted), with the limits the dialog checks live",
        querystring: z.object({ work_id: z.string().min(1), platforms: z.string().min(1).describe('comma-separated platform ids or aliases') }),
        response: { 200: versionsResponse },
      },
    },
    async (request) => {
      const scope = await scopeOf(request, 'viewer');
      const work = await ctx.library.works.get(scope, request.query.work_id);
      const fromRun = await runVersionsForWork(ctx, scope, work.id);
      const names = [...new Set(request.query.platforms.split(',').map((p) => p.trim()).filter(Boolean))];
      return {
        versions: names.map((name) => {
          const entry = resolvePlatform(name);
          const run = fromRun.get(entry.id);
          const limits = {
            title_min: entry.title?.min ?? null,
            title_max: entry.title?.max ?? null,
            title_required: entry.title?.required ?? false,
            body_max: entry.body.max ?? null,
            tags_max: entry.tags?.max ?? null,
            images_max: entry.images?.max ?? null,
            counting: entry.counting,
            tag_format: entry.tags?.format ?? null,
            tag_placement: entry.tags?.placement ?? null,
          };
          const base = { platform: entry.id, name: entry.name.zh, name_en: entry.name.en, limits };
          try {
            const v = publishVersion({ platform: entry.id, kind: work.kind, title: work.title, markdown: work.body, tags: work.tags, fromRun: run });
            return {
              ...base,
              mode: v.mode,
              kind: v.kind,
              title: v.title,
              body: v.body,
              body_format: v.bodyFormat,
              tags: v.tags,
              source: v.source,
              run_id: run?.runId ?? null,
              condensed: v.condensed,
              cover_uri: v.mode === 'carousel' ? null : (run?.coverUri ?? (work.coverAssetId ? `asset://${ctx.mode === 'local' ? 'local' : 'cloud'}/image/${work.coverAssetId}` : null)),
              needs_video: v.mode === 'video',
              error: null,
            };
          } catch (error) {
            if (!CreatorFlowError.isInstance(error)) throw error;
            return { ...base, mode: null, kind: null, title: '', body: '', body_format: 'text' as const, tags: [], source: 'work' as const, run_id: null, condensed: false, cover_uri: null, needs_video: false, error: { code: error.code, message: error.message } };
          }
        }),
      };
    },
  );

  app.get(
    '/api/publish/jobs',
    {
      schema: {
        tags,
        summary: 'Publish jobs, newest first (a page: ?limit=&cursor=, next_cursor)',
        querystring: pageQuery({ default: 50, max: 500 }).extend({ status: z.enum(['scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled']).optional(), batch_id: z.string().uuid().optional() }),
        response: { 200: pageSchema(jobSchema) },
      },
    },
    async (request) => {
      const scope = await scopeOf(request, 'viewer');
      const rt = ctx.publish;
      const { limit, after } = readPage(request.query, jobCursor);
      const rows = await rt.repo.list(scope.workspaceId, { status: request.query.status, batchId: request.query.batch_id, limit: limit + 1, afterId: after?.id });
      return pageOf(rows, limit, (last) => ({ id: last.id }), jobDto);
    },
  );

  app.get('/api/publish/jobs/:id', { schema: { tags, summary: 'A job with its attempts', params: id, response: { 200: jobWithAttempts } } }, async (request) => {
    const scope = await scopeOf(request, 'viewer');
    const rt = ctx.publish;
    const job = await rt.service.get(scope.workspaceId, request.params.id);
    return { ...jobDto(job), attempts: (await rt.repo.attempts(job.id)).map(attemptDto) };
  });

  app.post('/api/publish/jobs/:id/cancel', { schema: { tags, summary: 'Cancel a job', params: id, response: { 200: jobSchema } } }, async (request) => {
    const scope = await scopeOf(request);
    return jobDto(await ctx.publish.service.cancel(scope.workspaceId, request.params.id));
  });

  app.post('/api/publish/jobs/:id/retry', { schema: { tags, summary: 'Run a failed, cancelled or waiting job again now', params: id, response: { 200: jobSchema } } }, async (request) => {
    const scope = await scopeOf(request);
    return jobDto(await ctx.publish.service.retry(scope.workspaceId, request.params.id));
  });

  app.post(
    '/api/publish/jobs/:id/reschedule',
    { schema: { tags, summary: 'Move a job that has not run to another time', params: id, body: z.object({ at: z.string().datetime({ offset: true }) }), response: { 200: jobSchema } } },
    async (request) => {
      const scope = await scopeOf(request);
      return jobDto(await ctx.publish.service.reschedule(scope.workspaceId, request.params.id, new Date(request.body.at)));
    },
  );

  app.get(
    '/api/publish/jobs/:id/events',
    {
      schema: {
        tags,
        summary: 'Progress events of a job (JSON, or SSE with Accept: text/event-stream)',
        params: id,
        querystring: z.object({ after: z.coerce.number().int().min(0).default(0) }),
        // The event stream is written to the socket as events happen; the schema is the JSON answer.
        produces: ['application/json', 'text/event-stream'],
        response: { 200: z.object({ events: z.array(eventSchema) }).describe('The events so far; with Accept: text/event-stream the same events as SSE, then live ones') },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request, 'viewer');
      const rt = ctx.publish;
      const job = await rt.service.get(scope.workspaceId, request.params.id);
      const lastId = Number(request.headers['last-event-id'] ?? request.query.after) || 0;
      const past = await rt.repo.events(job.id, lastId);
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) return { events: past.map(eventDto) };
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const write = (e: PublishEvent) => raw.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(eventDto(e))}\n\n`);
      past.forEach(write);
      const listener = (e: PublishEvent) => {
        if (e.jobId !== job.id) return;
        write(e);
        if (['job_published', 'job_failed', 'job_cancelled', 'job_needs_action'].includes(e.type)) raw.end();
      };
      rt.events.on('event', listener);
      raw.on('close', () => rt.events.off('event', listener));
    },
  );

  app.get('/api/publish/attempts/:id/screenshot', { schema: { tags, summary: 'Screenshot taken when an attempt failed', params: id, ...rawBody(['image/png'], 'The PNG') } }, async (request, reply) => {
    const scope = await scopeOf(request, 'viewer');
    const rt = ctx.publish;
    const attempt = await rt.repo.getAttempt(request.params.id, scope.workspaceId);
    const bytes = attempt?.screenshot ? await rt.artifacts.read(attempt.screenshot) : undefined;
    if (!bytes) throw new NotFoundError('Screenshot', request.params.id);
    return reply.type('image/png').send(bytes);
  });

  app.get('/api/publish/health', { schema: { tags, summary: 'Browser service and circuit breakers', response: { 200: healthSchema } } }, async (request) => {
    await scopeOf(request, 'viewer');
    const rt = ctx.publish;
    return healthDto(await rt.pool.health(), rt.breakers.states());
  });
};
