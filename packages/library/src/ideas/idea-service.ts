import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError, newUuid } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import type { Actor, LibraryDeps } from '../deps.ts';
import { cleanTags, isUuid, pageWindow, toPage, type Page, type PageRequest } from '../page.ts';

export const IDEA_STATUSES = ['new', 'in_progress', 'used', 'archived'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export interface Idea {
  id: string;
  workspaceId: string;
  text: string;
  link: string | null;
  tags: string[];
  source: string | null;
  status: IdeaStatus;
  /** Works made from this idea. */
  workIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface IdeaInput {
  text: string;
  link?: string | null;
  tags?: string[];
  /** Where the idea came from: 'manual', 'wechat', 'trend:weibo', … */
  source?: string | null;
}

export interface IdeaPatch extends Partial<IdeaInput> {
  status?: IdeaStatus;
}

export interface IdeaFilter extends PageRequest {
  status?: IdeaStatus;
  tag?: string;
}

/**
 * Ideas move new → in_progress → used, and may be archived from any state or
 * reopened from archived; anything else is a mistake worth reporting.
 */
const TRANSITIONS: Record<IdeaStatus, IdeaStatus[]> = {
  new: ['in_progress', 'used', 'archived'],
  in_progress: ['new', 'used', 'archived'],
  used: ['in_progress', 'archived'],
  archived: ['new', 'in_progress'],
};

function checkLink(link: string | null | undefined): void {
  if (link === undefined || link === null) return;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(link).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new ValidationError(`link '${link.slice(0, 80)}' is not an http(s) URL`, [{ path: 'link', message: 'must be an http:// or https:// URL' }]);
}

function checkText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 10_000) {
    throw new ValidationError('An idea needs text of 1 to 10000 characters', [{ path: 'text', message: '1–10000 characters' }]);
  }
  return trimmed;
}

type IdeaRow = typeof schema.ideas.$inferSelect;

export class IdeaService {
  constructor(private readonly deps: LibraryDeps) {}

  async create(actor: Actor, input: IdeaInput): Promise<Idea> {
    return (await this.createOnce(actor, input)).idea;
  }

  /**
   * Creates an idea; with an idempotency key already used in this workspace, returns
   * the idea that key made (`created: false`) instead of a second one. The key and
   * the row are written in one statement, so a retry can never find half of it.
   */
  async createOnce(actor: Actor, input: IdeaInput, idempotencyKey?: string): Promise<{ idea: Idea; created: boolean }> {
    checkLink(input.link);
    const now = this.deps.clock.now();
    const values = {
      id: newUuid(),
      workspaceId: actor.workspaceId,
      createdBy: actor.userId ?? null,
      text: checkText(input.text),
      link: input.link ?? null,
      tags: cleanTags(input.tags),
      source: input.source ?? null,
      idempotencyKey: idempotencyKey ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const [row] = await this.deps.database.db.insert(schema.ideas).values(values).onConflictDoNothing().returning();
    if (row) {
      await this.index(row);
      return { idea: { ...toIdea(row), workIds: [] }, created: true };
    }
    const [earlier] = await this.deps.database.db
      .select()
      .from(schema.ideas)
      .where(and(eq(schema.ideas.workspaceId, actor.workspaceId), eq(schema.ideas.idempotencyKey, idempotencyKey ?? '')));
    if (!earlier) throw new Error('idea insert conflicted without an idempotency key');
    if (earlier.text !== values.text) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', `Idempotency-Key '${idempotencyKey}' already created a different idea; send a new key for a new idea`, {
        idea_id: earlier.id,
      });
    }
    return { idea: await this.get(actor, earlier.id), created: false };
  }

  async get(actor: Actor, id: string): Promise<Idea> {
    const row = await this.row(actor, id);
    return { ...toIdea(row), workIds: (await this.workIdsOf(actor, [id])).get(id) ?? [] };
  }

  async list(actor: Actor, filter: IdeaFilter = {}): Promise<Page<Idea>> {
    const { limit, before } = pageWindow(filter);
    const t = schema.ideas;
    const conditions: SQL[] = [eq(t.workspaceId, actor.workspaceId)];
    if (before) conditions.push(lt(t.id, before));
    if (filter.status) conditions.push(eq(t.status, filter.status));
    if (filter.tag) conditions.push(sql`${t.tags} @> ARRAY[${filter.tag}]::text[]`);
    const rows = await this.deps.database.db
      .select()
      .from(t)
      .where(and(...conditions))
      .orderBy(desc(t.id))
      .limit(limit + 1);
    const page = toPage(rows, limit);
    const links = await this.workIdsOf(actor, page.items.map((r) => r.id));
    return { ...page, items: page.items.map((r) => ({ ...toIdea(r), workIds: links.get(r.id) ?? [] })) };
  }

  async update(actor: Actor, id: string, patch: IdeaPatch): Promise<Idea> {
    const current = await this.row(actor, id);
    if (patch.status && patch.status !== current.status && !TRANSITIONS[current.status].includes(patch.status)) {
      throw new ValidationError(
        `An idea cannot go from ${current.status} to ${patch.status}; allowed: ${TRANSITIONS[current.status].join(', ')}`,
        [{ path: 'status', message: `allowed from ${current.status}: ${TRANSITIONS[current.status].join(', ')}` }],
      );
    }
    checkLink(patch.link);
    const [row] = await this.deps.database.db
      .update(schema.ideas)
      .set({
        ...(patch.text !== undefined ? { text: checkText(patch.text) } : {}),
        ...(patch.link !== undefined ? { link: patch.link } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        ...(patch.source !== undefined ? { source: patch.source } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updatedAt: this.deps.clock.now(),
      })
      .where(and(eq(schema.ideas.workspaceId, actor.workspaceId), eq(schema.ideas.id, id)))
      .returning();
    await this.index(row!);
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.row(actor, id);
    await this.deps.database.db
      .delete(schema.ideas)
      .where(and(eq(schema.ideas.workspaceId, actor.workspaceId), eq(schema.ideas.id, id)));
    await this.deps.search.remove('idea', [id]);
  }

  /**
   * Records that `workId` was made from this idea; a new idea moves to in_progress.
   * Both must belong to the actor's workspace.
   */
  async linkWork(actor: Actor, ideaId: string, workId: string): Promise<Idea> {
    const idea = await this.row(actor, ideaId);
    const work = isUuid(workId)
      ? await this.deps.database.db
          .select({ id: schema.works.id })
          .from(schema.works)
          .where(and(eq(schema.works.workspaceId, actor.workspaceId), eq(schema.works.id, workId)))
      : [];
    if (work.length === 0) throw new NotFoundError('Work', workId);
    await this.deps.database.db
      .insert(schema.ideaWorks)
      .values({ ideaId, workId, workspaceId: actor.workspaceId })
      .onConflictDoNothing();
    if (idea.status === 'new') {
      await this.deps.database.db
        .update(schema.ideas)
        .set({ status: 'in_progress', updatedAt: this.deps.clock.now() })
        .where(eq(schema.ideas.id, ideaId));
    }
    return this.get(actor, ideaId);
  }

  async unlinkWork(actor: Actor, ideaId: string, workId: string): Promise<Idea> {
    await this.row(actor, ideaId);
    if (isUuid(workId)) {
      await this.deps.database.db
        .delete(schema.ideaWorks)
        .where(and(eq(schema.ideaWorks.workspaceId, actor.workspaceId), eq(schema.ideaWorks.ideaId, ideaId), eq(schema.ideaWorks.workId, workId)));
    }
    return this.get(actor, ideaId);
  }

  private async row(actor: Actor, id: string): Promise<IdeaRow> {
    if (!isUuid(id)) throw new NotFoundError('Idea', id);
    const rows = await this.deps.database.db
      .select()
      .from(schema.ideas)
      .where(and(eq(schema.ideas.workspaceId, actor.workspaceId), eq(schema.ideas.id, id)));
    if (!rows[0]) throw new NotFoundError('Idea', id);
    return rows[0];
  }

  private async workIdsOf(actor: Actor, ideaIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ideaIds.length === 0) return map;
    const rows = await this.deps.database.db
      .select({ ideaId: schema.ideaWorks.ideaId, workId: schema.ideaWorks.workId })
      .from(schema.ideaWorks)
      .where(and(eq(schema.ideaWorks.workspaceId, actor.workspaceId), inArray(schema.ideaWorks.ideaId, ideaIds)))
      .orderBy(schema.ideaWorks.createdAt);
    for (const r of rows) map.set(r.ideaId, [...(map.get(r.ideaId) ?? []), r.workId]);
    return map;
  }

  private async index(row: IdeaRow): Promise<void> {
    await this.deps.search.upsert([
      {
        kind: 'idea',
        refId: row.id,
        workspaceId: row.workspaceId,
        // The first line is the title; the body holds the rest, so short ideas are not counted twice.
        title: row.text.split('\n')[0]!.slice(0, 200),
        body: [row.text.split('\n').slice(1).join('\n'), row.link, row.source].filter(Boolean).join('\n'),
        tags: row.tags,
        createdAt: row.createdAt,
      },
    ]);
  }
}

function toIdea(row: IdeaRow): Omit<Idea, 'workIds'> {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    text: row.text,
    link: row.link,
    tags: row.tags,
    source: row.source,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
