import { ValidationError } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { SearchDocument, SearchHit, SearchIndex, SearchKind, SearchQuery, SearchResults } from './search-index.ts';
import { SEARCH_KINDS } from './search-index.ts';
import { queryTerms, segmentForIndex } from './segmenter.ts';
import { highlight, snippet } from './snippet.ts';

/** Title and tags weigh most, then the body; see docs/decisions/0401. */
const TSV = `setweight(to_tsvector('simple', d.title_seg), 'A') || setweight(to_tsvector('simple', d.tags_seg), 'B') || setweight(to_tsvector('simple', d.body_seg), 'D')`;

/** How many of the newest matches are ranked by relevance (all are counted). */
const RANK_WINDOW = 1000;

/** Matches are counted exactly up to this many by default; beyond it the total is a lower bound. */
const COUNT_CAP = 10_000;

/** Rows per INSERT when indexing in bulk. */
const BATCH = 500;

interface HitRow {
  kind: SearchKind;
  ref_id: string;
  parent_id: string | null;
  title: string;
  body: string;
  tags: string[];
  created_at: Date | string;
  score: number;
}

/** A hit with the total, or only the total when the page holds no hits (all hit fields null). */
type Row = { [K in keyof HitRow]: HitRow[K] | null } & { total: string | number };

/**
 * Full-text search in PostgreSQL (and PGlite, same SQL): text is segmented by
 * jieba in Node, stored as a `tsvector` of the 'simple' configuration with a
 * GIN index, matched with `plainto_tsquery` of the query's terms (all must
 * occur) and ranked with `ts_rank`.
 */
export class PgSearchIndex implements SearchIndex {
  constructor(
    private readonly database: Database,
    private readonly countCap = COUNT_CAP,
  ) {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      await this.database.query(
        `INSERT INTO search_documents (kind, ref_id, workspace_id, parent_id, title, body, tags, tsv, created_at, updated_at)
         SELECT d.kind, d.ref_id, d.workspace_id, d.parent_id, d.title, d.body,
                ARRAY(SELECT jsonb_array_elements_text(d.tags::jsonb)), ${TSV}, d.created_at, now()
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::timestamptz[])
             AS d(kind, ref_id, workspace_id, parent_id, title, body, tags, title_seg, tags_seg, body_seg, created_at)
         ON CONFLICT (kind, ref_id) DO UPDATE SET
           parent_id = EXCLUDED.parent_id, title = EXCLUDED.title, body = EXCLUDED.body, tags = EXCLUDED.tags,
           tsv = EXCLUDED.tsv, updated_at = now()
         WHERE search_documents.workspace_id = EXCLUDED.workspace_id`,
        [
          batch.map((d) => d.kind),
          batch.map((d) => d.refId),
          batch.map((d) => d.workspaceId),
          batch.map((d) => d.parentId ?? null),
          batch.map((d) => d.title),
          batch.map((d) => d.body),
          batch.map((d) => JSON.stringify(d.tags)),
          batch.map((d) => segmentForIndex(d.title)),
          batch.map((d) => segmentForIndex(d.tags.join(' '))),
          batch.map((d) => segmentForIndex(d.body)),
          batch.map((d) => d.createdAt.toISOString()),
        ],
      );
    }
  }

  async remove(kind: SearchKind, refIds: string[]): Promise<void> {
    if (refIds.length === 0) return;
    await this.database.query('DELETE FROM search_documents WHERE kind = $1 AND ref_id = ANY($2::uuid[])', [kind, refIds]);
  }

  async search(workspaceId: string, query: SearchQuery): Promise<SearchResults> {
    const q = query.q.trim();
    if (q.length === 0 || q.length > 200) {
      throw new ValidationError('The search query must be 1 to 200 characters', [{ path: 'q', message: '1–200 characters' }]);
    }
    const terms = queryTerms(q);
    if (terms.length === 0) return { query: q, terms, match: 'all', total: 0, totalExact: true, hits: [] };
    for (const kind of query.kinds ?? []) {
      if (!SEARCH_KINDS.includes(kind)) {
        throw new ValidationError(`Unknown search type '${kind}'`, [{ path: 'type', message: `one of ${SEARCH_KINDS.join(', ')}` }]);
      }
    }

    const all = await this.run(workspaceId, terms, query, 'all');
    if (all.total > 0 || terms.length < 2) return { query: q, terms, match: 'all', ...all };
    return { query: q, terms, match: 'any', ...(await this.run(workspaceId, terms, query, 'any')) };
  }

  private async run(workspaceId: string, terms: string[], query: SearchQuery, match: 'all' | 'any'): Promise<{ total: number; totalExact: boolean; hits: SearchHit[] }> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    // The query is written inline (not in a CTE) so the planner sees its words and can
    // pick, per query, a GIN bitmap for rare words or the newest-first index for common ones.
    const tsquery =
      match === 'all'
        ? `plainto_tsquery('simple', $2::text)`
        : `(SELECT coalesce(string_agg(plainto_tsquery('simple', t)::text, ' | '), '')::tsquery FROM unnest(string_to_array($2::text, ' ')) AS t WHERE plainto_tsquery('simple', t)::text <> '')`;
    const params: unknown[] = [workspaceId, terms.join(' ')];
    const where = [`workspace_id = $1`, `tsv @@ ${tsquery}`];
    if (query.kinds?.length) {
      params.push(query.kinds);
      where.push(`kind = ANY($${params.length}::text[])`);
    }
    if (query.tags?.length) {
      params.push(query.tags);
      where.push(`tags @> $${params.length}::text[]`);
    }
    if (query.from) {
      params.push(query.from.toISOString());
      where.push(`created_at >= $${params.length}`);
    }
    if (query.to) {
      params.push(query.to.toISOString());
      where.push(`created_at < $${params.length}`);
    }
    params.push(limit, offset, RANK_WINDOW, this.countCap + 1);
    const [limitAt, offsetAt, windowAt, capAt] = [params.length - 3, params.length - 2, params.length - 1, params.length];
    // Counting visits one heap row per match, so it stops at the count cap; ts_rank (which must
    // detoast every tsvector) runs on the newest RANK_WINDOW matches only. Together a very
    // common word costs about what a rare one does. The outer LEFT JOIN keeps the total when
    // the page is past the last hit. See docs/decisions/0401.
    const rows = await this.database.query<Row>(
      `WITH counted AS (
         SELECT count(*) AS total FROM (SELECT 1 FROM search_documents WHERE ${where.join(' AND ')} LIMIT $${capAt}) AS capped
       ),
       matched AS (
         SELECT kind, ref_id FROM search_documents WHERE ${where.join(' AND ')}
          ORDER BY created_at DESC
          LIMIT $${windowAt}
       ),
       ranked AS (
         SELECT d.kind, d.ref_id, d.parent_id, d.title, d.body, d.tags, d.created_at, ts_rank(d.tsv, ${tsquery}) AS score
           FROM matched m JOIN search_documents d ON d.kind = m.kind AND d.ref_id = m.ref_id
          ORDER BY score DESC, d.created_at DESC, d.ref_id
          LIMIT $${limitAt} OFFSET $${offsetAt}
       )
       SELECT ranked.*, counted.total FROM counted LEFT JOIN ranked ON true
        ORDER BY ranked.score DESC, ranked.created_at DESC, ranked.ref_id`,
      params,
    );
    const found = rows.filter((r): r is HitRow & { total: string | number } => r.ref_id !== null);
    const hits: SearchHit[] = found.map((r) => ({
      kind: r.kind,
      id: r.ref_id,
      parentId: r.parent_id,
      title: r.title,
      titleHighlight: highlight(r.title, terms),
      snippet: snippet(r.body, terms),
      tags: r.tags,
      score: Number(r.score),
      createdAt: new Date(r.created_at),
    }));
    const counted = rows[0] ? Number(rows[0].total) : 0;
    return { total: Math.min(counted, this.countCap), totalExact: counted <= this.countCap, hits };
  }
}
