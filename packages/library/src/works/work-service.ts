import { and, asc, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError, decodeCursor, encodeCursor, newUuid } from '@creatorflow/core';
import { schema, type DbOrTx } from '@creatorflow/db';
import type { Actor, LibraryDeps } from '../deps.ts';
import { cleanTags, isUuid, pageWindow, toPage, type Page, type PageRequest } from '../page.ts';
import { diffVersions, type WorkDiff } from './work-diff.ts';
import type { NewWork, Work, WorkContent, WorkFilter, WorkPatch, WorkVersion } from './work-types.ts';

type WorkRow = typeof schema.works.$inferSelect;
type VersionRow = typeof schema.workVersions.$inferSelect;

const PLATFORM = /^[a-z][a-z0-9_-]{0,31}$/;
const MAX_BODY = 1_000_000;

/**
 * Works (articles, notes, video scripts, posts). Every save writes a new
 * immutable version; saves carry the version they were based on and a stale
 * base is refused with 409 and both versions, never silently overwritten.
 */
export class WorkService {
  constructor(private readonly deps: LibraryDeps) {}

  async create(actor: Actor, input: NewWork): Promise<Work> {
    return (await this.createOnce(actor, input)).work;
  }

  /**
   * Creates a work at version 1; with an idempotency key already used in this
   * workspace, returns the work that key made (`created: false`) instead of a
   * second one. Key, row and first version are written in one transaction.
   */
  async createOnce(actor: Actor, input: NewWork, idempotencyKey?: string): Promise<{ work: Work; created: boolean }> {
    const content = await this.checkContent(actor, {
      title: input.title,
      body: input.body ?? '',
      coverAssetId: input.coverAssetId ?? null,
      tags: input.tags ?? [],
      platforms: input.platforms ?? [],
      status: input.status ?? 'draft',
    });
    if (input.ideaId !== undefined) await this.requireIdea(actor, input.ideaId);
    const id = newUuid();
    const now = this.deps.clock.now();
    const created = await this.deps.database.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(schema.works)
        .values({
          id,
          workspaceId: actor.workspaceId,
          createdBy: actor.userId ?? null,
          kind: input.kind,
          ...content,
          version: 1,
          idempotencyKey: idempotencyKey ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: schema.works.id });
      if (inserted.length === 0) return false;
      await this.insertVersion(tx, actor, id, 1, content, 'created', now);
      if (input.ideaId) {
        await tx.insert(schema.ideaWorks).values({ ideaId: input.ideaId, workId: id, workspaceId: actor.workspaceId });
        await tx
          .update(schema.ideas)
          .set({ status: 'in_progress', updatedAt: now })
          .where(and(eq(schema.ideas.id, input.ideaId), eq(schema.ideas.status, 'new')));
      }
      return true;
    });
    if (!created) return { work: await this.earlierCreate(actor, idempotencyKey, content.title), created: false };
    const work = await this.get(actor, id);
    await this.index(work);
    return { work, created: true };
  }

  /** The work an idempotency key already created; a different title means the key was reused by mistake. */
  private async earlierCreate(actor: Actor, idempotencyKey: string | undefined, title: string): Promise<Work> {
    const [earlier] = await this.deps.database.db
      .select({ id: schema.works.id, title: schema.works.title })
      .from(schema.works)
      .where(and(eq(schema.works.workspaceId, actor.workspaceId), eq(schema.works.idempotencyKey, idempotencyKey ?? '')));
    if (!earlier) throw new Error('work insert conflicted without an idempotency key');
    if (earlier.title !== title) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key '${idempotencyKey}' already created the work '${earlier.title}'; send a new key for a new work`, {
        work_id: earlier.id,
      });
    }
    return this.get(actor, earlier.id);
  }

  async get(actor: Actor, id: string): Promise<Work> {
    const row = await this.row(this.deps.database.db, actor, id);
    const ideas = await this.deps.database.db
      .select({ ideaId: schema.ideaWorks.ideaId })
      .from(schema.ideaWorks)
      .where(and(eq(schema.ideaWorks.workspaceId, actor.workspaceId), eq(schema.ideaWorks.workId, id)));
    return toWork(row, ideas.map((i) => i.ideaId));
  }

  async list(actor: Actor, filter: WorkFilter = {}): Promise<Page<Work>> {
    const { limit, before } = pageWindow(filter);
    const t = schema.works;
    const conditions: SQL[] = [eq(t.workspaceId, actor.workspaceId)];
    if (before) conditions.push(lt(t.id, before));
    if (filter.status) conditions.push(eq(t.status, filter.status));
    if (filter.kind) conditions.push(eq(t.kind, filter.kind));
    if (filter.tag) conditions.push(sql`${t.tags} @> ARRAY[${filter.tag}]::text[]`);
    const rows = await this.deps.database.db.select().from(t).where(and(...conditions)).orderBy(desc(t.id)).limit(limit + 1);
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map((r) => toWork(r, [])) };
  }

  /**
   * Saves a new version on top of `baseVersion`. If someone saved since, answers
   * 409 `WORK_VERSION_CONFLICT` with the current version, the base version and
   * what was submitted, so the client can merge.
   */
  async save(actor: Actor, id: string, patch: WorkPatch, baseVersion: number, note?: string): Promise<Work> {
    const current = await this.row(this.deps.database.db, actor, id);
    const content = await this.checkContent(actor, { ...pickContent(current), ...stripUndefined(patch) });
    const now = this.deps.clock.now();
    const saved = await this.deps.database.db.transaction(async (tx) => {
      const updated = await tx
        .update(schema.works)
        .set({ ...content, version: sql`${schema.works.version} + 1`, updatedAt: now })
        .where(and(eq(schema.works.workspaceId, actor.workspaceId), eq(schema.works.id, id), eq(schema.works.version, baseVersion)))
        .returning();
      const row = updated[0];
      if (!row) return undefined;
      await this.insertVersion(tx, actor, id, row.version, content, note ?? null, now);
      return row;
    });
    if (!saved) throw await this.conflict(actor, id, baseVersion, patch);
    const work = await this.get(actor, id);
    await this.index(work);
    return work;
  }

  async versions(actor: Actor, id: string, page: PageRequest = {}): Promise<Page<Omit<WorkVersion, 'body'> & { bodyLength: number }>> {
    await this.row(this.deps.database.db, actor, id);
    const limit = page.limit ?? 50;
    // A version number: base64url JSON (core page.ts), which a cursor handed out before the one scheme also is.
    const raw = page.cursor ? decodeCursor(page.cursor) : undefined;
    const before = typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
    if (page.cursor && before === undefined) {
      throw new ValidationError('cursor is not one this API returned', [{ path: 'cursor', message: 'invalid cursor' }]);
    }
    const t = schema.workVersions;
    const rows = await this.deps.database.db
      .select()
      .from(t)
      .where(and(eq(t.workspaceId, actor.workspaceId), eq(t.workId, id), ...(before !== undefined ? [lt(t.version, before)] : [])))
      .orderBy(desc(t.version))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map((r) => {
      const { body, ...rest } = toVersion(r);
      return { ...rest, bodyLength: body.length };
    });
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.version) : null };
  }

  async version(actor: Actor, id: string, version: number): Promise<WorkVersion> {
    const t = schema.workVersions;
    if (!isUuid(id)) throw new NotFoundError('Work', id);
    const rows = await this.deps.database.db
      .select()
      .from(t)
      .where(and(eq(t.workspaceId, actor.workspaceId), eq(t.workId, id), eq(t.version, version)));
    if (!rows[0]) {
      await this.row(this.deps.database.db, actor, id);
      throw new NotFoundError('Work version', `${id}@${version}`);
    }
    return toVersion(rows[0]);
  }

  async diff(actor: Actor, id: string, from: number, to: number): Promise<WorkDiff> {
    return diffVersions(await this.version(actor, id, from), await this.version(actor, id, to));
  }

  /** Restores an old version by saving its content as a new version (history is never rewritten). */
  async restore(actor: Actor, id: string, version: number, baseVersion?: number): Promise<Work> {
    const old = await this.version(actor, id, version);
    const base = baseVersion ?? (await this.row(this.deps.database.db, actor, id)).version;
    return this.save(actor, id, pickContent(old), base, `restored v${version}`);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.row(this.deps.database.db, actor, id);
    await this.deps.database.db.delete(schema.works).where(and(eq(schema.works.workspaceId, actor.workspaceId), eq(schema.works.id, id)));
    await this.deps.search.remove('work', [id]);
  }

  private async conflict(actor: Actor, id: string, baseVersion: number, patch: WorkPatch): Promise<ConflictError> {
    const currentRow = await this.row(this.deps.database.db, actor, id);
    const current = await this.version(actor, id, currentRow.version);
    const base = await this.version(actor, id, baseVersion).catch(() => null);
    return new ConflictError(
      'WORK_VERSION_CONFLICT',
      `This work was saved as version ${current.version} since your version ${baseVersion}. ` +
        'Nothing was overwritten: merge your changes into the current version and save with base_version ' +
        `${current.version}.`,
      { current_version: current.version, base_version: baseVersion, current, base, submitted: patch },
    );
  }

  private async checkContent(actor: Actor, c: WorkContent): Promise<WorkContent> {
    const title = c.title.trim();
    if (title.length === 0 || title.length > 200) {
      throw new ValidationError('A work needs a title of 1 to 200 characters', [{ path: 'title', message: '1–200 characters' }]);
    }
    if (c.body.length > MAX_BODY) {
      throw new ValidationError(`The body is longer than ${MAX_BODY} characters`, [{ path: 'body', message: `at most ${MAX_BODY} characters` }]);
    }
    const platforms = [...new Set(c.platforms.map((p) => p.trim()))];
    const bad = platforms.find((p) => !PLATFORM.test(p));
    if (bad !== undefined) {
      throw new ValidationError(`'${bad}' is not a platform id; use ids like xiaohongshu, wechat_mp, douyin, bilibili`, [
        { path: 'platforms', message: 'lower-case platform ids' },
      ]);
    }
    if (c.coverAssetId) {
      const found = isUuid(c.coverAssetId)
        ? await this.deps.database.db
            .select({ type: schema.assets.type })
            .from(schema.assets)
            .where(and(eq(schema.assets.workspaceId, actor.workspaceId), eq(schema.assets.id, c.coverAssetId)))
        : [];
      if (found[0]?.type !== 'image') {
        throw new ValidationError(`Cover '${c.coverAssetId}' is not an image asset of this workspace; upload the image first`, [
          { path: 'coverAssetId', message: 'must be the id of an image asset in this workspace' },
        ]);
      }
    }
    return { ...c, title, platforms, tags: cleanTags(c.tags) };
  }

  private async requireIdea(actor: Actor, ideaId: string): Promise<void> {
    const rows = isUuid(ideaId)
      ? await this.deps.database.db
          .select({ id: schema.ideas.id })
          .from(schema.ideas)
          .where(and(eq(schema.ideas.workspaceId, actor.workspaceId), eq(schema.ideas.id, ideaId)))
      : [];
    if (!rows[0]) throw new NotFoundError('Idea', ideaId);
  }

  private async insertVersion(tx: DbOrTx, actor: Actor, workId: string, version: number, c: WorkContent, note: string | null, now: Date) {
    await tx.insert(schema.workVersions).values({
      workId,
      version,
      workspaceId: actor.workspaceId,
      createdBy: actor.userId ?? null,
      ...c,
      note,
      createdAt: now,
    });
  }

  private async row(db: DbOrTx, actor: Actor, id: string): Promise<WorkRow> {
    if (!isUuid(id)) throw new NotFoundError('Work', id);
    const rows = await db
      .select()
      .from(schema.works)
      .where(and(eq(schema.works.workspaceId, actor.workspaceId), eq(schema.works.id, id)))
      .orderBy(asc(schema.works.id));
    if (!rows[0]) throw new NotFoundError('Work', id);
    return rows[0];
  }

  private async index(work: Work): Promise<void> {
    await this.deps.search.upsert([
      { kind: 'work', refId: work.id, workspaceId: work.workspaceId, title: work.title, body: work.body, tags: work.tags, createdAt: work.createdAt },
    ]);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pickContent(r: WorkContent): WorkContent {
  return { title: r.title, body: r.body, coverAssetId: r.coverAssetId, tags: r.tags, platforms: r.platforms, status: r.status };
}

function toWork(r: WorkRow, ideaIds: string[]): Work {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    kind: r.kind,
    ...pickContent(r),
    version: r.version,
    ideaIds,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toVersion(r: VersionRow): WorkVersion {
  return { workId: r.workId, version: r.version, ...pickContent(r), createdBy: r.createdBy, note: r.note, createdAt: r.createdAt };
}
