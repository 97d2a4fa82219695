/**
 * The search port of the library. `PgSearchIndex` implements it with
 * PostgreSQL full-text search (both drivers); a Meilisearch adapter for large
 * deployments would implement the same interface.
 */
export const SEARCH_KINDS = ['idea', 'work', 'asset', 'knowledge'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchDocument {
  kind: SearchKind;
  /** Id of the idea, work, asset or knowledge chunk. */
  refId: string;
  workspaceId: string;
  /** Knowledge chunks: their source. */
  parentId?: string | null;
  title: string;
  body: string;
  tags: string[];
  createdAt: Date;
}

export interface SearchQuery {
  q: string;
  kinds?: SearchKind[];
  /** Every listed tag must be present. */
  tags?: string[];
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** 1–100, default 20. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  parentId: string | null;
  title: string;
  /** Title with matches wrapped in `<mark>`, HTML-escaped. */
  titleHighlight: string;
  /** A short excerpt of the body around the first match, HTML-escaped, matches in `<mark>`. */
  snippet: string;
  tags: string[];
  score: number;
  createdAt: Date;
}

export interface SearchResults {
  query: string;
  /** The segmented terms the query was matched with. */
  terms: string[];
  /** `all`: every term matched; `any`: nothing had them all, so documents with some of them are shown. */
  match: 'all' | 'any';
  /** Matches counted, up to a cap; see `totalExact`. */
  total: number;
  /** False when there are more matches than `total` (the count stops at a cap so a very common word stays fast). */
  totalExact: boolean;
  hits: SearchHit[];
}

export interface SearchIndex {
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(kind: SearchKind, refIds: string[]): Promise<void>;
  search(workspaceId: string, query: SearchQuery): Promise<SearchResults>;
}
