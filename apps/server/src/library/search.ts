import { z } from 'zod';
import { SEARCH_KINDS, type SearchKind } from '@creatorflow/library';
import type { RoutePlugin } from '../http/types.ts';
import { actorOf, csv, iso, tags } from './shared.ts';

const hitSchema = z.object({
  type: z.enum(SEARCH_KINDS),
  id: z.string(),
  parent_id: z.string().nullable(),
  title: z.string(),
  title_highlight: z.string(),
  snippet: z.string(),
  tags: z.array(z.string()),
  score: z.number(),
  created_at: z.string(),
});

/** One search over ideas, works, assets and knowledge, Chinese-aware. */
export const searchRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'Search ideas, works, assets and knowledge (jieba-segmented full-text, ranked, with <mark> highlights)',
        querystring: z.object({
          q: z.string().min(1).max(200),
          type: csv.optional(),
          tag: csv.optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(1_000, 'only the 1,000 newest matches are ranked; narrow the query with more words, type, tag or dates').default(0),
        }),
        response: {
          200: z.object({ query: z.string(), terms: z.array(z.string()), match: z.enum(['all', 'any']), total: z.number(), total_exact: z.boolean(), items: z.array(hitSchema) }),
        },
      },
    },
    async (request) => {
      const actor = await actorOf(ctx, request, 'viewer');
      const { q, type, tag, from, to, limit, offset } = request.query;
      const results = await ctx.library.search.search(actor.workspaceId, { q, kinds: type as SearchKind[] | undefined, tags: tag, from, to, limit, offset });
      return {
        query: results.query,
        terms: results.terms,
        match: results.match,
        total: results.total,
        total_exact: results.totalExact,
        items: results.hits.map((h) => ({
          type: h.kind,
          id: h.id,
          parent_id: h.parentId,
          title: h.title,
          title_highlight: h.titleHighlight,
          snippet: h.snippet,
          tags: h.tags,
          score: h.score,
          created_at: iso(h.createdAt),
        })),
      };
    },
  );
};
