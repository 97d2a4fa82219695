import { z } from 'zod';
import type { ToolDefinition } from '@creatorflow/core';
import type { KnowledgeSearch, WorkReader, WorkSaver } from './ports.ts';

const missing = (what: string) => () => ({ available: false as const, reason: `${what} needs the library (packages/library), which this runtime was started without` });

/** `knowledge_search`: the workspace's knowledge base, works and ideas by full-text search. */
export function knowledgeSearchTool(search: KnowledgeSearch | undefined): ToolDefinition<{ query: string; limit: number; kinds?: string[]; tags?: string[] }, { hits: Array<{ kind: string; id: string; title: string; snippet: string; tags: string[] }> }> {
  return {
    name: 'knowledge_search',
    description: 'Search the workspace knowledge base (saved articles, notes, works and ideas). Returns titles and short snippets.',
    input: z.object({
      query: z.string().min(1).max(500),
      limit: z.number().int().min(1).max(20).default(5),
      kinds: z.array(z.enum(['knowledge', 'work', 'idea', 'asset'])).optional(),
      tags: z.array(z.string()).optional(),
    }),
    output: z.object({ hits: z.array(z.object({ kind: z.string(), id: z.string(), title: z.string(), snippet: z.string(), tags: z.array(z.string()) })) }),
    runtime: 'universal',
    capabilities: ['library:read'],
    available: search ? undefined : missing('knowledge_search'),
    async run(input, ctx) {
      if (!search) throw new Error('knowledge_search is unavailable');
      const hits = await search.search(ctx.workspaceId, { q: input.query, limit: input.limit, kinds: input.kinds ?? ['knowledge', 'work', 'idea'], tags: input.tags });
      return { hits: hits.map((h) => ({ kind: h.kind, id: h.id, title: h.title, snippet: stripMarks(h.snippet), tags: h.tags })) };
    },
  };
}

/** `save_work`: stores a finished piece as a work (a new work with version 1). */
export function saveWorkTool(saver: WorkSaver | undefined): ToolDefinition<{ title: string; body: string; kind: string; tags: string[]; platforms: string[] }, { work_id: string; version: number; title: string }> {
  return {
    name: 'save_work',
    description: 'Save a finished piece of content to the library as a work (Markdown body).',
    input: z.object({
      title: z.string().min(1).max(200),
      body: z.string().min(1).max(200_000),
      kind: z.enum(['article', 'note', 'video_script', 'post']).default('article'),
      tags: z.array(z.string().max(50)).max(30).default([]),
      platforms: z.array(z.string().max(50)).max(20).default([]),
    }),
    output: z.object({ work_id: z.string(), version: z.number().int(), title: z.string() }),
    runtime: 'universal',
    capabilities: ['library:write', 'writes'],
    available: saver ? undefined : missing('save_work'),
    async run(input, ctx) {
      if (!saver) throw new Error('save_work is unavailable');
      const work = await saver.save({ workspaceId: ctx.workspaceId, userId: ctx.userId }, input);
      return { work_id: work.id, version: work.version, title: work.title };
    },
  };
}

function stripMarks(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** `load_work`: reads a work of the workspace (title, Markdown body, tags, platforms). */
export function loadWorkTool(reader: WorkReader | undefined): ToolDefinition<{ work_id: string }, { work_id: string; version: number; title: string; body: string; tags: string[]; platforms: string[] }> {
  return {
    name: 'load_work',
    description: 'Read a saved work (title, Markdown body, tags, target platforms) by id.',
    input: z.object({ work_id: z.string().min(1).max(100) }),
    output: z.object({ work_id: z.string(), version: z.number().int(), title: z.string(), body: z.string(), tags: z.array(z.string()), platforms: z.array(z.string()) }),
    runtime: 'universal',
    capabilities: ['library:read'],
    available: reader ? undefined : missing('load_work'),
    async run(input, ctx) {
      if (!reader) throw new Error('load_work is unavailable');
      const work = await reader.load({ workspaceId: ctx.workspaceId, userId: ctx.userId }, input.work_id);
      return { work_id: work.id, version: work.version, title: work.title, body: work.body, tags: work.tags, platforms: work.platforms };
    },
  };
}
