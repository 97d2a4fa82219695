import { z } from 'zod';
import { CreatorFlowError } from '@creatorflow/core';
import { SYNC_KINDS, type SyncConflict } from '@creatorflow/sync';
import { resolveScope } from '../auth/scope.ts';
import { CloudLinkService } from '../cloud-link/link-service.ts';
import { CloudLinkStore } from '../cloud-link/link-store.ts';
import { cloudTokenStoreOf, openCloudTokenStore } from '../cloud-link/token-store.ts';
import type { RoutePlugin } from '../http/types.ts';
import { AutoSync } from './auto.ts';
import { describeVersion, KEEP_BOTH_KINDS, type VersionSummary } from './describe.ts';
import { recordAdapters, WorkspaceRecords } from './records.ts';
import { LocalSyncService, withFeed, type SyncStatus } from './service.ts';
import { fromWire, kindSchema, payloadSchema, toWire, wireChange, wireOutcome, wirePullPage } from './wire.ts';

const tags = ['sync'];

const countsSchema = z.object({ kind: kindSchema, down: z.number().int(), up: z.number().int(), conflicts: z.number().int() });
const statusSchema = z.object({
  linked: z.boolean(),
  running: z.boolean(),
  /** What started the round running now, else the last one. */
  trigger: z.enum(['manual', 'interval', 'change', 'resolve']).nullable(),
  /** The last finished round per kind: records written here from the cloud (down), accepted by the cloud (up), new conflicts. */
  last_counts: z.array(countsSchema),
  auto: z.object({ enabled: z.boolean(), interval_seconds: z.number().int(), next_at: z.string().nullable() }),
  progress: z.object({ phase: z.enum(['pull', 'push']), done: z.number().int(), total: z.number().int().nullable() }).nullable(),
  last_sync_at: z.string().nullable(),
  last_error: z.object({ code: z.string(), message: z.string() }).nullable(),
  last_pulled: z.number().int(),
  last_pushed: z.number().int(),
  conflicts: z.number().int(),
  pending: z.number().int(),
});
const toStatus = (s: SyncStatus, linked: boolean, auto?: AutoSync): z.infer<typeof statusSchema> => ({
  linked,
  running: s.running,
  trigger: s.trigger ?? null,
  last_counts: SYNC_KINDS.flatMap((kind) => {
    const c = s.lastCounts[kind];
    return c ? [{ kind, down: c.down, up: c.up, conflicts: c.conflicts }] : [];
  }),
  auto: { enabled: s.autoSync, interval_seconds: auto?.intervalSeconds() ?? 0, next_at: s.autoSync && linked ? (auto?.nextAt()?.toISOString() ?? null) : null },
  progress: s.progress ? { phase: s.progress.phase, done: s.progress.done, total: s.progress.total ?? null } : null,
  last_sync_at: s.lastSyncAt?.toISOString() ?? null,
  last_error: s.lastError ?? null,
  last_pulled: s.lastPulled,
  last_pushed: s.lastPushed,
  conflicts: s.conflicts,
  pending: s.pending,
});

const versionSchema = z.object({ deleted: z.boolean(), title: z.string(), updated_at: z.string().nullable(), text: z.string() });
const conflictSchema = z.object({
  kind: kindSchema,
  id: z.string(),
  mine: payloadSchema,
  cloud: payloadSchema,
  cloud_rev: z.number().int(),
  detected_at: z.string(),
  /** Each side as a person sees it: name, last change, readable text (for the diff). */
  mine_summary: versionSchema,
  cloud_summary: versionSchema,
  /** Whether "keep both" is offered: a kind that can be copied, present on both sides. */
  can_keep_both: z.boolean(),
});
const toVersion = (v: VersionSummary): z.infer<typeof versionSchema> => ({ deleted: v.deleted, title: v.title, updated_at: v.updatedAt, text: v.text });
const toConflict = (c: SyncConflict): z.infer<typeof conflictSchema> => ({
  kind: c.kind,
  id: c.id,
  mine: c.mine,
  cloud: c.cloud,
  cloud_rev: c.cloudRev,
  detected_at: c.detectedAt,
  mine_summary: toVersion(describeVersion(c.kind, c.mine)),
  cloud_summary: toVersion(describeVersion(c.kind, c.cloud)),
  can_keep_both: KEEP_BOTH_KINDS.includes(c.kind) && c.mine !== null && c.cloud !== null,
});
/** Requests that never change synced records, so they do not start an auto sync. */
const NOT_A_CHANGE = /^\/api\/(sync|cloud|auth|system|health)(\/|\?|$)/;

/**
 * `/api/sync/*`. On the cloud: the workspace's change feed (push, pull), for a
 * linked desktop's device token. On a local install: rounds of sync with the
 * linked cloud, their status, and the conflicts the user resolves.
 */
export const syncRoutes: RoutePlugin = async (app, ctx) => {
  const records = new WorkspaceRecords(
    recordAdapters({
      database: ctx.database,
      search: ctx.library.search,
      storage: ctx.library.blobs.kind,
      blobKeyFor: (ws, id) => `ws/${ws}/assets/${id}`,
    }),
  );
  const cloudOnly = () => {
    if (ctx.mode !== 'cloud') throw new CreatorFlowError('SYNC_CLOUD_ONLY', 'The sync feed is served by a cloud deployment; this install syncs with creatorflow sync.', { status: 409 });
  };
  const localOnly = () => {
    if (ctx.mode !== 'local') throw new CreatorFlowError('SYNC_LOCAL_ONLY', 'Sync is started from a linked local install, not on the cloud itself.', { status: 409 });
  };

  app.post(
    '/api/sync/push',
    { schema: { tags, summary: 'Cloud: apply a device’s changes; each is accepted or answered with the cloud’s version as a conflict', body: z.object({ changes: z.array(wireChange).max(500) }), response: { 200: z.object({ outcomes: z.array(wireOutcome) }) } } },
    async (request) => {
      cloudOnly();
      const scope = await resolveScope(ctx.database, request, 'editor');
      const outcomes = await withFeed(ctx.database, records, scope.workspaceId, (feed) => feed.push(request.body.changes.map(fromWire.change)));
      return { outcomes: outcomes.map(toWire.outcome) };
    },
  );

  app.get(
    '/api/sync/pull',
    {
      schema: {
        tags,
        summary: 'Cloud: the workspace’s changes after a cursor, oldest first',
        querystring: z.object({ cursor: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(200) }),
        response: { 200: wirePullPage },
      },
    },
    async (request) => {
      cloudOnly();
      const scope = await resolveScope(ctx.database, request, 'viewer');
      const page = await withFeed(ctx.database, records, scope.workspaceId, (feed) => feed.pull(request.query.cursor, request.query.limit));
      return toWire.page(page);
    },
  );

  if (ctx.mode !== 'local') return;
  const tokens = { forNewToken: () => openCloudTokenStore(ctx.config.home), of: (kind: 'keychain' | 'file') => cloudTokenStoreOf(ctx.config.home, kind) };
  const links = new CloudLinkService(new CloudLinkStore(ctx.database), tokens, ctx.clock, ctx.logger);
  const service = new LocalSyncService(ctx.database, records, links, ctx.clock, ctx.logger);
  const linkStore = new CloudLinkStore(ctx.database);
  const auto = new AutoSync(service, () => linkStore.linkedWorkspaceIds(), { intervalMs: ctx.config.sync.intervalSeconds * 1000, debounceMs: ctx.config.sync.debounceMs }, ctx.clock, ctx.logger);
  app.addHook('onReady', async () => auto.start());
  app.addHook('onClose', async () => {
    auto.stop();
    await links.close();
  });
  // A saved change (any successful write outside sync and sign-in) is synced once edits go quiet.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || reply.statusCode >= 400) return;
    if (NOT_A_CHANGE.test(request.url)) return;
    auto.changed();
  });
  const statusOf = async (workspaceId: string) => toStatus(await service.status(workspaceId), Boolean(await links.credentials(workspaceId)), auto);

  app.get('/api/sync/status', { schema: { tags, summary: 'Local: the last sync, the one running, conflicts and changes waiting', response: { 200: statusSchema } } }, async (request) => {
    localOnly();
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return statusOf(scope.workspaceId);
  });

  app.put(
    '/api/sync/settings',
    { schema: { tags, summary: 'Local: turn auto sync (periodic and after changes) on or off', body: z.object({ auto: z.boolean() }), response: { 200: statusSchema } } },
    async (request) => {
      localOnly();
      const scope = await resolveScope(ctx.database, request, 'editor');
      await service.setAutoSync(scope.workspaceId, request.body.auto);
      return statusOf(scope.workspaceId);
    },
  );

  app.post(
    '/api/sync/run',
    { schema: { tags, summary: 'Local: sync with the linked cloud now (wait=true answers when the round ends)', querystring: z.object({ wait: z.coerce.boolean().default(false) }), response: { 202: statusSchema, 200: statusSchema } } },
    async (request, reply) => {
      localOnly();
      const scope = await resolveScope(ctx.database, request, 'editor');
      if (!(await links.credentials(scope.workspaceId))) throw new CreatorFlowError('SYNC_NOT_LINKED', 'This workspace is not linked to a cloud: link it in 设置 → 连接云端 or with creatorflow cloud login.', { status: 409 });
      if (request.query.wait) {
        await service.run(scope.workspaceId);
        return reply.code(200).send(await statusOf(scope.workspaceId));
      }
      service.start(scope.workspaceId);
      return reply.code(202).send(await statusOf(scope.workspaceId));
    },
  );

  app.get('/api/sync/conflicts', { schema: { tags, summary: 'Local: records changed on both sides, with both versions', response: { 200: z.object({ items: z.array(conflictSchema) }) } } }, async (request) => {
    localOnly();
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { items: (await service.conflicts(scope.workspaceId)).map(toConflict) };
  });

  app.post(
    '/api/sync/conflicts/:kind/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Local: keep this install’s version, the cloud’s, or both (the cloud’s under this id, this one as a new record)',
        params: z.object({ kind: kindSchema, id: z.string().min(1).max(300) }),
        body: z.object({ keep: z.enum(['mine', 'cloud', 'both']) }),
        response: { 200: statusSchema.extend({ copy: z.object({ kind: kindSchema, id: z.string() }).nullable() }) },
      },
    },
    async (request) => {
      localOnly();
      const scope = await resolveScope(ctx.database, request, 'editor');
      const copy = await service.resolve(scope.workspaceId, { kind: request.params.kind, id: request.params.id }, request.body.keep);
      return { ...(await statusOf(scope.workspaceId)), copy: copy ?? null };
    },
  );
};
