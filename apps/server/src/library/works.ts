import { z } from 'zod';
import { ConflictError, CreatorFlowError } from '@creatorflow/core';
import { WORK_KINDS, WORK_STATUSES, workFromMarkdown, workToMarkdown, type Work, type WorkDiff, type WorkVersion } from '@creatorflow/library';
import { PublishJobRepository, publicationsOf, publishedStatusOf, type WorkPublication } from '@creatorflow/publish';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent, rawBody } from '../contract/responses.ts';
import { actorOf, createdStatus, idParams, idempotencyKeyOf, iso, listQuery, pageJson, pageSchema, tags } from './shared.ts';

const content = {
  title: z.string(),
  body: z.string(),
  cover_asset_id: z.string().nullable(),
  tags: z.array(z.string()),
  platforms: z.array(z.string()),
  status: z.enum(WORK_STATUSES),
};
const publicationSchema = z.object({
  account_id: z.string(),
  platform: z.string(),
  job_id: z.string(),
  status: z.enum(['scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled']),
  published_at: z.string().nullable(),
  url: z.string().nullable(),
  run_at: z.string(),
});
const workSchema = z.object({
  id: z.string(),
  kind: z.enum(WORK_KINDS),
  ...content,
  status: z.enum(WORK_STATUSES).describe('Follows the publish jobs: published once an account has the post, scheduled while a job is on its way; else as saved'),
  version: z.number(),
  idea_ids: z.array(z.string()),
  publications: z.array(publicationSchema).describe('Per account, the live post (or else the newest publish job) of this work'),
  created_at: z.string(),
  updated_at: z.string(),
});
const versionSchema = z.object({
  work_id: z.string(),
  version: z.number(),
  ...content,
  note: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: z.string(),
});
const diffSchema = z.object({
  work_id: z.string(),
  from: z.number(),
  to: z.number(),
  fields: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).describe('Metadata fields that differ (API names: title, cover_asset_id, tags, platforms, status)'),
  body: z.object({
    added: z.number(),
    removed: z.number(),
    changes: z.array(z.object({ op: z.enum(['same', 'add', 'remove']), text: z.string(), lines: z.number() })),
    unified: z.string(),
  }),
});
/** The library names diffed fields as its own camelCase properties; the API names them as it does everywhere else. */
const diffFieldName = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const diffJson = (d: WorkDiff): z.infer<typeof diffSchema> => ({
  work_id: d.workId,
  from: d.from,
  to: d.to,
  fields: Object.fromEntries(Object.entries(d.fields).map(([field, change]) => [diffFieldName(field), { from: change.from, to: change.to }])),
  body: { added: d.body.added, removed: d.body.removed, changes: d.body.changes.map((c) => ({ op: c.op, text: c.text, lines: c.lines })), unified: d.body.unified },
});
const versionMetaSchema = versionSchema.omit({ body: true }).extend({ body_length: z.number() });

const publicationJson = (p: WorkPublication): z.infer<typeof publicationSchema> => ({
  account_id: p.accountId,
  platform: p.platform,
  job_id: p.jobId,
  status: p.status,
  published_at: p.publishedAt ? iso(p.publishedAt) : null,
  url: p.url,
  run_at: iso(p.runAt),
});
/** An archived work stays archived; otherwise its publish jobs, when they say something, decide its status. */
const statusOf = (w: Work, publications: readonly WorkPublication[]): Work['status'] =>
  w.status === 'archived' ? w.status : (publishedStatusOf(publications) ?? w.status);

/** The publish jobs of these works, read straight from their table (no publish runtime needs to be running). */
async function publicationsFor(ctx: AppContext, workspaceId: string, works: readonly Work[]): Promise<Map<string, WorkPublication[]>> {
  const jobs = await new PublishJobRepository(ctx.database, ctx.clock).forWorks(
    workspaceId,
    works.map((w) => w.id),
  );
  return publicationsOf(jobs);
}

const toJson = (w: Work, publications: readonly WorkPublication[] = []): z.infer<typeof workSchema> => ({
  id: w.id,
  kind: w.kind,
  title: w.title,
  body: w.body,
  cover_asset_id: w.coverAssetId,
  tags: w.tags,
  platforms: w.platforms,
  status: statusOf(w, publications),
  version: w.version,
  idea_ids: w.ideaIds,
  publications: publications.map(publicationJson),
  created_at: iso(w.createdAt),
  updated_at: iso(w.updatedAt),
});
const versionJson = (v: WorkVersion) => ({
  work_id: v.workId,
  version: v.version,
  title: v.title,
  body: v.body,
  cover_asset_id: v.coverAssetId,
  tags: v.tags,
  platforms: v.platforms,
  status: v.status,
  note: v.note,
  created_by: v.createdBy,
  created_at: iso(v.createdAt),
});

const editable = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1_000_000),
  cover_asset_id: z.string().max(100).nullable(),
  tags: z.array(z.string().max(40)).max(30),
  platforms: z.array(z.string().max(32)).max(20),
  status: z.enum(WORK_STATUSES),
});
type Editable = Partial<z.infer<typeof editable>>;
const toPatch = (b: Editable) => ({
  title: b.title,
  body: b.body,
  coverAssetId: b.cover_asset_id,
  tags: b.tags,
  platforms: b.platforms,
  status: b.status,
});
/** Version numbers are PostgreSQL integers: a bigger one is a 400 here, not a failed query (found by the route fuzz suite). */
const MAX_VERSION = 2_147_483_647;
const versionParams = idParams.extend({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });

/** Turns the service's conflict into an API answer with both versions in API shape. */
function apiConflict(error: unknown): unknown {
  if (!CreatorFlowError.isInstance(error) || error.code !== 'WORK_VERSION_CONFLICT') return error;
  const d = error.details as { current: WorkVersion; base: WorkVersion | null; current_version: number; base_version: number; submitted: unknown };
  return new ConflictError(error.code, error.message, {
    current_version: d.current_version,
    base_version: d.base_version,
    current: versionJson(d.current),
    base: d.base ? versionJson(d.base) : null,
    submitted: d.submitted,
  });
}

/** 作品: works with immutable versions, diffs, restore and optimistic concurrency. */
export const workRoutes: RoutePlugin = async (app, ctx) => {
  const works = ctx.library.works;

  app.post(
    '/api/works',
    {
      schema: {
        tags,
        summary: 'Create a work (version 1; send an Idempotency-Key to make retries safe: a repeat returns the same work with 200)',
        body: editable.partial().extend({ kind: z.enum(WORK_KINDS), title: z.string().min(1).max(200), idea_id: z.string().max(100).optional() }),
        response: { 200: workSchema, 201: workSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'editor');
      const { kind, idea_id, ...rest } = request.body;
      const { work, created } = await works.createOnce(actor, { ...toPatch(rest), title: rest.title, kind, ideaId: idea_id }, idempotencyKeyOf(request));
      return reply.code(createdStatus(reply, created)).send(toJson(work));
    },
  );

  app.post(
    '/api/works/import',
    {
      schema: {
        tags,
        summary: 'Create a work from Markdown (optional YAML front matter: title, kind, tags, platforms, status)',
        body: z.object({ markdown: z.string().max(1_000_000), file_name: z.string().max(200).optional() }),
        response: { 201: workSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'editor');
      const fallback = request.body.file_name?.replace(/\.(md|markdown|txt)$/i, '');
      return reply.code(201).send(toJson(await works.create(actor, workFromMarkdown(request.body.markdown, fallback))));
    },
  );

  app.get(
    '/api/works',
    {
      schema: {
        tags,
        summary: 'Works, newest first',
        querystring: listQuery.extend({ status: z.enum(WORK_STATUSES).optional(), kind: z.enum(WORK_KINDS).optional() }),
        response: { 200: pageSchema(workSchema) },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const page = await works.list(actor, request.query);
      const publications = await publicationsFor(ctx, actor.workspaceId, page.items);
      return pageJson(page, (w) => toJson(w, publications.get(w.id)));
    },
  );

  app.get('/api/works/:id', { schema: { tags, summary: 'One work at its current version', params: idParams, response: { 200: workSchema } } }, async (request) => {
    const actor = await actorOf(ctx, request, 'viewer');
    const work = await works.get(actor, request.params.id);
    return toJson(work, (await publicationsFor(ctx, actor.workspaceId, [work])).get(work.id));
  });

  app.get(
    '/api/works/:id/export',
    { schema: { tags, summary: 'The work as Markdown with YAML front matter', params: idParams, ...rawBody(['text/markdown'], 'Markdown with YAML front matter') } },
    async (request, reply) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const work = await works.get(actor, request.params.id);
      return reply.type('text/markdown; charset=utf-8').send(workToMarkdown(work));
    },
  );

  app.put(
    '/api/works/:id',
    {
      schema: {
        tags,
        summary: 'Save a new version on top of base_version (409 WORK_VERSION_CONFLICT with both versions if someone saved since)',
        params: idParams,
        body: editable.partial().extend({ base_version: z.number().int().min(1).max(MAX_VERSION), note: z.string().max(500).optional() }),
        response: { 200: workSchema },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      const { base_version, note, ...rest } = request.body;
      try {
        const saved = await works.save(actor, request.params.id, toPatch(rest), base_version, note);
        return toJson(saved, (await publicationsFor(ctx, actor.workspaceId, [saved])).get(saved.id));
      } catch (error) {
        throw apiConflict(error);
      }
    },
  );

  app.delete('/api/works/:id', { schema: { tags, summary: 'Delete a work and its versions', params: idParams, response: noContent } }, async (request, reply) => {
    const actor = await actorOf(ctx, request, 'editor');
    await works.delete(actor, request.params.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/works/:id/versions',
    {
      schema: { tags, summary: 'Versions, newest first', params: idParams, querystring: listQuery.omit({ tag: true }), response: { 200: pageSchema(versionMetaSchema) } },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const page = await works.versions(actor, request.params.id, request.query);
      return pageJson(page, (v) => {
        const { body: _body, ...rest } = versionJson({ ...v, body: '' });
        return { ...rest, body_length: v.bodyLength };
      });
    },
  );

  app.get(
    '/api/works/:id/versions/:version',
    { schema: { tags, summary: 'One version', params: versionParams, response: { 200: versionSchema } } },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      return versionJson(await works.version(actor, request.params.id, request.params.version));
    },
  );

  app.get(
    '/api/works/:id/diff',
    {
      schema: {
        tags,
        summary: 'Line diff between two versions',
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().min(1).max(MAX_VERSION), to: z.coerce.number().int().min(1).max(MAX_VERSION) }),
        response: { 200: diffSchema },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const diff = await works.diff(actor, request.params.id, request.query.from, request.query.to);
      return diffJson(diff);
    },
  );

  app.post(
    '/api/works/:id/versions/:version/restore',
    {
      schema: {
        tags,
        summary: 'Restore a version by saving its content as a new version',
        params: versionParams,
        body: z.object({ base_version: z.number().int().min(1).max(MAX_VERSION).optional() }).optional(),
        response: { 200: workSchema },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'editor');
      try {
        const restored = await works.restore(actor, request.params.id, request.params.version, request.body?.base_version);
        return toJson(restored, (await publicationsFor(ctx, actor.workspaceId, [restored])).get(restored.id));
      } catch (error) {
        throw apiConflict(error);
      }
    },
  );
};
