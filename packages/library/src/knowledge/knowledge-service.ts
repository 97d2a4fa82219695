import { extname } from 'node:path';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type/node';
import { CreatorFlowError, NotFoundError, ValidationError, newUuid } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import type { Actor, LibraryDeps } from '../deps.ts';
import { cleanTags, isUuid, pageWindow, toPage, type Page, type PageRequest } from '../page.ts';
import { chunkText } from './chunker.ts';
import { docxText, pdfText } from './extract-text.ts';
import { fetchReadable, type FetchOptions } from './fetch-readable.ts';
import { readableFromHtml } from './readable.ts';

export const KNOWLEDGE_KINDS = ['markdown', 'text', 'html', 'url', 'pdf', 'docx'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

export interface KnowledgeSource {
  id: string;
  kind: KnowledgeKind;
  title: string;
  url: string | null;
  tags: string[];
  chunkCount: number;
  charCount: number;
  createdAt: Date;
}

export interface KnowledgeChunk {
  id: string;
  sourceId: string;
  seq: number;
  heading: string | null;
  content: string;
  start: number;
  end: number;
}

/** A knowledge search result: the chunk, its source, and a highlighted snippet. */
export interface KnowledgeHit extends KnowledgeChunk {
  sourceTitle: string;
  sourceUrl: string | null;
  snippet: string;
  score: number;
}

const MAX_CHARS = 2_000_000;
type SourceRow = typeof schema.knowledgeSources.$inferSelect;

/** 知识库: reference material split into chunks with source offsets, searchable (the agent's `knowledge_search`). */
export class KnowledgeService {
  constructor(private readonly deps: LibraryDeps) {}

  /** Imports Markdown, plain text or HTML given as a string. */
  async importText(actor: Actor, input: { kind: 'markdown' | 'text' | 'html'; content: string; title?: string; url?: string; tags?: string[] }): Promise<KnowledgeSource> {
    if (input.kind === 'html') {
      const readable = readableFromHtml(input.content, input.url);
      return this.store(actor, { kind: 'html', title: input.title ?? readable.title, text: readable.text, url: input.url ?? null, tags: input.tags });
    }
    const heading = input.kind === 'markdown' ? /^\s*#\s+(.+)$/m.exec(input.content)?.[1] : undefined;
    const firstLine = input.content.trim().split('\n')[0]?.slice(0, 60);
    return this.store(actor, { kind: input.kind, title: input.title ?? heading ?? firstLine ?? '', text: input.content, url: input.url ?? null, tags: input.tags });
  }

  /** Fetches a web page (timeout, size cap) and imports its readable text. */
  async importUrl(actor: Actor, input: { url: string; title?: string; tags?: string[] }, options: FetchOptions = {}): Promise<KnowledgeSource> {
    const page = await fetchReadable(input.url, options);
    return this.store(actor, { kind: 'url', title: input.title ?? page.title ?? page.finalUrl, text: page.text, url: page.finalUrl, tags: input.tags });
  }

  /** Imports a file by its content: PDF, DOCX, HTML, Markdown or text. */
  async importFile(actor: Actor, input: { name: string; bytes: Buffer; title?: string; tags?: string[] }): Promise<KnowledgeSource> {
    const detected = await fileTypeFromBuffer(input.bytes);
    const ext = extname(input.name).slice(1).toLowerCase();
    const title = input.title ?? input.name.replace(/\.[^.]+$/, '');
    if (detected?.mime === 'application/pdf') return this.store(actor, { kind: 'pdf', title, text: await pdfText(input.bytes), url: null, tags: input.tags });
    if (detected?.ext === 'docx') return this.store(actor, { kind: 'docx', title, text: await docxText(input.bytes), url: null, tags: input.tags });
    if (detected) {
      throw new CreatorFlowError('KNOWLEDGE_TYPE_NOT_SUPPORTED', `'${input.name}' is ${detected.mime}; the knowledge base imports PDF, DOCX, HTML, Markdown and text`, {
        status: 415,
      });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      throw new CreatorFlowError('KNOWLEDGE_TYPE_NOT_SUPPORTED', `'${input.name}' is neither UTF-8 text nor a PDF/DOCX file`, { status: 415 });
    }
    const kind = ext === 'html' || ext === 'htm' || /^\s*<(!doctype|html)/i.test(text) ? 'html' : ext === 'md' || ext === 'markdown' ? 'markdown' : 'text';
    return this.importText(actor, { kind, content: text, title: input.title ?? (kind === 'html' ? undefined : title), tags: input.tags });
  }

  async list(actor: Actor, page: PageRequest = {}): Promise<Page<KnowledgeSource>> {
    const { limit, before } = pageWindow(page);
    const t = schema.knowledgeSources;
    const rows = await this.deps.database.db
      .select()
      .from(t)
      .where(and(eq(t.workspaceId, actor.workspaceId), ...(before ? [lt(t.id, before)] : [])))
      .orderBy(desc(t.id))
      .limit(limit + 1);
    const result = toPage(rows, limit);
    return { ...result, items: result.items.map(toSource) };
  }

  async get(actor: Actor, id: string): Promise<KnowledgeSource & { content: string }> {
    const row = await this.row(actor, id);
    return { ...toSource(row), content: row.content };
  }

  async chunks(actor: Actor, id: string): Promise<KnowledgeChunk[]> {
    await this.row(actor, id);
    const t = schema.knowledgeChunks;
    const rows = await this.deps.database.db.select().from(t).where(and(eq(t.workspaceId, actor.workspaceId), eq(t.sourceId, id))).orderBy(asc(t.seq));
    return rows.map(toChunk);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.row(actor, id);
    const chunkIds = (await this.chunks(actor, id)).map((c) => c.id);
    await this.deps.database.db
      .delete(schema.knowledgeSources)
      .where(and(eq(schema.knowledgeSources.workspaceId, actor.workspaceId), eq(schema.knowledgeSources.id, id)));
    await this.deps.search.remove('knowledge', chunkIds);
  }

  /** The best chunks for a query, with their sources: what `knowledge_search` gives an agent. */
  async search(actor: Actor, query: string, options: { limit?: number; tags?: string[] } = {}): Promise<KnowledgeHit[]> {
    const results = await this.deps.search.search(actor.workspaceId, { q: query, kinds: ['knowledge'], tags: options.tags, limit: options.limit ?? 5 });
    const ids = results.hits.map((h) => h.id);
    if (ids.length === 0) return [];
    const c = schema.knowledgeChunks;
    const s = schema.knowledgeSources;
    const rows = await this.deps.database.db
      .select({ chunk: c, title: s.title, url: s.url })
      .from(c)
      .innerJoin(s, eq(s.id, c.sourceId))
      .where(and(eq(c.workspaceId, actor.workspaceId), inArray(c.id, ids)));
    const byId = new Map(rows.map((r) => [r.chunk.id, r]));
    return results.hits.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [{ ...toChunk(row.chunk), sourceTitle: row.title, sourceUrl: row.url, snippet: hit.snippet, score: hit.score }] : [];
    });
  }

  private async store(actor: Actor, input: { kind: KnowledgeKind; title: string; text: string; url: string | null; tags?: string[] }): Promise<KnowledgeSource> {
    const text = input.text.replace(/\r\n/g, '\n');
    if (text.trim().length === 0) {
      throw new ValidationError('Nothing to import: the document has no text (a scanned PDF needs OCR first)', [{ path: 'content', message: 'no text' }]);
    }
    if (text.length > MAX_CHARS) {
      throw new ValidationError(`The document has ${text.length} characters; the limit is ${MAX_CHARS}`, [{ path: 'content', message: 'too long' }]);
    }
    const title = (input.title || text.trim().slice(0, 40)).trim().slice(0, 200);
    const tags = cleanTags(input.tags);
    const id = newUuid();
    const now = this.deps.clock.now();
    const chunks = chunkText(text).map((c) => ({ ...c, id: newUuid() }));
    await this.deps.database.db.transaction(async (tx) => {
      await tx.insert(schema.knowledgeSources).values({
        id,
        workspaceId: actor.workspaceId,
        createdBy: actor.userId ?? null,
        kind: input.kind,
        title,
        url: input.url,
        content: text,
        chunkCount: chunks.length,
        tags,
        createdAt: now,
      });
      for (let i = 0; i < chunks.length; i += 500) {
        await tx.insert(schema.knowledgeChunks).values(
          chunks.slice(i, i + 500).map((c) => ({
            id: c.id,
            workspaceId: actor.workspaceId,
            sourceId: id,
            seq: c.seq,
            heading: c.heading,
            content: c.content,
            startOffset: c.start,
            endOffset: c.end,
            createdAt: now,
          })),
        );
      }
    });
    await this.deps.search.upsert(
      chunks.map((c) => ({
        kind: 'knowledge' as const,
        refId: c.id,
        workspaceId: actor.workspaceId,
        parentId: id,
        title: c.heading ? `${title} › ${c.heading}` : title,
        body: c.content,
        tags,
        createdAt: now,
      })),
    );
    return { id, kind: input.kind, title, url: input.url, tags, chunkCount: chunks.length, charCount: text.length, createdAt: now };
  }

  private async row(actor: Actor, id: string): Promise<SourceRow> {
    if (!isUuid(id)) throw new NotFoundError('Knowledge source', id);
    const rows = await this.deps.database.db
      .select()
      .from(schema.knowledgeSources)
      .where(and(eq(schema.knowledgeSources.workspaceId, actor.workspaceId), eq(schema.knowledgeSources.id, id)));
    if (!rows[0]) throw new NotFoundError('Knowledge source', id);
    return rows[0];
  }
}

function toSource(r: SourceRow): KnowledgeSource {
  return { id: r.id, kind: r.kind, title: r.title, url: r.url, tags: r.tags, chunkCount: r.chunkCount, charCount: r.content.length, createdAt: r.createdAt };
}

function toChunk(r: typeof schema.knowledgeChunks.$inferSelect): KnowledgeChunk {
  return { id: r.id, sourceId: r.sourceId, seq: r.seq, heading: r.heading, content: r.content, start: r.startOffset, end: r.endOffset };
}
