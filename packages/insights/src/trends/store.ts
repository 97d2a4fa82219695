import { newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { CustomSourceSpec } from './custom.ts';
import type { RefreshTier } from './types.ts';

/** Every SQL statement of the trends domain. Built-in lists have workspace_id NULL and are visible to every workspace. */

export interface StoredItemInput {
  key: string;
  title: string;
  url: string;
  summary: string | null;
  normTitle: string;
  keywords: string[];
  rank: number;
  hot: number | null;
}

export interface SourceStateRow {
  source_id: string;
  workspace_id: string | null;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  last_error_at: Date | null;
  last_error_code: string | null;
  last_error: string | null;
  consecutive_failures: number;
  item_count: number;
  next_due_at: Date;
  lease_owner: string | null;
  lease_until: Date | null;
}

export interface ItemRow {
  id: string;
  source_id: string;
  workspace_id: string | null;
  item_key: string;
  title: string;
  url: string;
  summary: string | null;
  norm_title: string;
  keywords: string[];
  first_seen_at: Date;
  last_seen_at: Date;
  best_rank: number;
  last_rank: number;
  last_hot: number | null;
  snapshot_count: number;
  on_list: boolean;
}

export interface ItemStats {
  item_id: string;
  n24: number;
  top5: number;
  window_first_rank: number | null;
  window_first_at: Date | null;
}

export interface CustomSourceRow {
  id: string;
  workspace_id: string;
  name: string;
  tier_minutes: RefreshTier;
  spec: CustomSourceSpec;
  enabled: boolean;
  created_at: Date;
}

export interface NicheRow {
  id: string;
  workspace_id: string;
  name: string;
  rules: string;
  created_at: Date;
  updated_at: Date;
}

export interface SuggestionRow {
  id: string;
  workspace_id: string;
  niche: string;
  status: 'ok' | 'thin';
  payload: unknown;
  created_at: Date;
}

const SEP = '\u001f';
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));

function stateRow(r: Record<string, unknown>): SourceStateRow {
  return {
    ...(r as unknown as SourceStateRow),
    last_attempt_at: dateOrNull(r.last_attempt_at),
    last_success_at: dateOrNull(r.last_success_at),
    last_error_at: dateOrNull(r.last_error_at),
    next_due_at: date(r.next_due_at),
    lease_until: dateOrNull(r.lease_until),
  };
}

function itemRow(r: Record<string, unknown>): ItemRow {
  return {
    ...(r as unknown as ItemRow),
    first_seen_at: date(r.first_seen_at),
    last_seen_at: date(r.last_seen_at),
    last_hot: r.last_hot === null ? null : Number(r.last_hot),
    keywords: Array.isArray(r.keywords) ? (r.keywords as string[]) : [],
  };
}

export class TrendStore {
  constructor(private readonly database: Database) {}

  /** Makes sure each source has a state row (due now), without touching existing ones. */
  /**
   * A state row per source, due at once. `now` is the refresher's clock, not the database's
   * `now()`: due times are compared with that clock, and two clocks that disagree would make a
   * new source wait (or look overdue) for the difference.
   */
  async ensureStates(sources: Array<{ id: string; workspaceId: string | null }>, now: Date): Promise<void> {
    if (sources.length === 0) return;
    await this.database.query(
      `INSERT INTO trend_source_state (source_id, workspace_id, next_due_at) SELECT s.id, s.ws, $3 FROM unnest($1::text[], $2::uuid[]) AS s(id, ws) ON CONFLICT (source_id) DO NOTHING`,
      [sources.map((s) => s.id), sources.map((s) => s.workspaceId), now],
    );
  }

  /**
   * Takes the refresh lease of a source when it is due (or `force`) and nobody
   * holds it: one refresher per source across every server copy sharing the database.
   */
  async claim(sourceId: string, owner: string, now: Date, leaseMs: number, force: boolean): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE trend_source_state SET lease_owner = $2, lease_until = $3, last_attempt_at = $4
        WHERE source_id = $1 AND (lease_until IS NULL OR lease_until < $4 OR lease_owner = $2) AND ($5 OR next_due_at <= $4)
        RETURNING source_id`,
      [sourceId, owner, new Date(now.getTime() + leaseMs), now, force],
    );
    return rows.length === 1;
  }

  async release(sourceId: string, owner: string): Promise<void> {
    await this.database.query(`UPDATE trend_source_state SET lease_owner = NULL, lease_until = NULL WHERE source_id = $1 AND lease_owner = $2`, [sourceId, owner]);
  }

  /** Stores one good refresh: items upserted, one snapshot each, items gone from the list marked off it, health reset. */
  async recordSuccess(sourceId: string, workspaceId: string | null, items: StoredItemInput[], seenAt: Date, nextDueAt: Date): Promise<void> {
    if (items.length > 0) {
      const rows = await this.database.query<{ id: string; item_key: string }>(
        `INSERT INTO trend_items (id, source_id, workspace_id, item_key, title, url, summary, norm_title, keywords, first_seen_at, last_seen_at, best_rank, last_rank, last_hot, snapshot_count, on_list)
         SELECT x.id, $1, $2, x.key, x.title, x.url, x.summary, x.norm, CASE WHEN x.kw = '' THEN '{}'::text[] ELSE string_to_array(x.kw, chr(31)) END, $3, $3, x.rank, x.rank, x.hot, 1, true
           FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::float8[]) AS x(id, key, title, url, summary, norm, kw, rank, hot)
         ON CONFLICT (source_id, item_key) DO UPDATE SET
           title = EXCLUDED.title, url = EXCLUDED.url, summary = COALESCE(EXCLUDED.summary, trend_items.summary),
           norm_title = EXCLUDED.norm_title, keywords = EXCLUDED.keywords, last_seen_at = EXCLUDED.last_seen_at,
           best_rank = LEAST(trend_items.best_rank, EXCLUDED.best_rank), last_rank = EXCLUDED.last_rank,
           last_hot = EXCLUDED.last_hot, snapshot_count = trend_items.snapshot_count + 1, on_list = true
         RETURNING id, item_key`,
        [
          sourceId, workspaceId, seenAt,
          items.map(() => newUuid()), items.map((i) => i.key), items.map((i) => i.title), items.map((i) => i.url), items.map((i) => i.summary),
          items.map((i) => i.normTitle), items.map((i) => i.keywords.join(SEP)), items.map((i) => i.rank), items.map((i) => i.hot),
        ],
      );
      const idByKey = new Map(rows.map((r) => [r.item_key, r.id]));
      await this.database.query(
        `INSERT INTO trend_snapshots (item_id, seen_at, rank, hot_value) SELECT x.id, $1, x.rank, x.hot FROM unnest($2::uuid[], $3::int[], $4::float8[]) AS x(id, rank, hot) ON CONFLICT DO NOTHING`,
        [seenAt, items.map((i) => idByKey.get(i.key)), items.map((i) => i.rank), items.map((i) => i.hot)],
      );
    }
    await this.database.query(`UPDATE trend_items SET on_list = false WHERE source_id = $1 AND on_list AND last_seen_at < $2`, [sourceId, seenAt]);
    await this.database.query(
      `UPDATE trend_source_state SET last_success_at = $2, consecutive_failures = 0, item_count = $3, next_due_at = $4, lease_owner = NULL, lease_until = NULL WHERE source_id = $1`,
      [sourceId, seenAt, items.length, nextDueAt],
    );
  }

  async recordFailure(sourceId: string, at: Date, code: string, message: string, nextDueAt: Date): Promise<void> {
    await this.database.query(
      `UPDATE trend_source_state SET last_error_at = $2, last_error_code = $3, last_error = $4, consecutive_failures = consecutive_failures + 1, next_due_at = $5, lease_owner = NULL, lease_until = NULL WHERE source_id = $1`,
      [sourceId, at, code, message.slice(0, 500), nextDueAt],
    );
  }

  async states(sourceIds: string[]): Promise<Map<string, SourceStateRow>> {
    const rows = await this.database.query(`SELECT * FROM trend_source_state WHERE source_id = ANY($1::text[])`, [sourceIds]);
    return new Map(rows.map((r) => [String(r.source_id), stateRow(r)]));
  }

  async dueSources(now: Date, sourceIds: string[]): Promise<string[]> {
    const rows = await this.database.query<{ source_id: string }>(
      `SELECT source_id FROM trend_source_state WHERE source_id = ANY($1::text[]) AND next_due_at <= $2 AND (lease_until IS NULL OR lease_until < $2) ORDER BY next_due_at`,
      [sourceIds, now],
    );
    return rows.map((r) => r.source_id);
  }

  /** Items currently on the lists a workspace can see (built-in plus its own), optionally of some sources. */
  async currentItems(workspaceId: string, options: { sourceIds?: string[]; since: Date }): Promise<ItemRow[]> {
    const rows = await this.database.query(
      `SELECT * FROM trend_items
        WHERE (workspace_id IS NULL OR workspace_id = $1) AND on_list AND last_seen_at >= $2 AND ($3::text[] IS NULL OR source_id = ANY($3::text[]))
        ORDER BY source_id, last_rank`,
      [workspaceId, options.since, options.sourceIds ?? null],
    );
    return rows.map(itemRow);
  }

  /** Per item: appearances and top-5 appearances since `since`, and its first rank inside the velocity window. */
  async itemStats(itemIds: string[], since: Date, windowStart: Date): Promise<Map<string, ItemStats>> {
    if (itemIds.length === 0) return new Map();
    const rows = await this.database.query<ItemStats>(
      `SELECT item_id, count(*)::int AS n24, (count(*) FILTER (WHERE rank <= 5))::int AS top5,
              (array_agg(rank ORDER BY seen_at) FILTER (WHERE seen_at >= $3))[1] AS window_first_rank,
              min(seen_at) FILTER (WHERE seen_at >= $3) AS window_first_at
         FROM trend_snapshots WHERE item_id = ANY($1::uuid[]) AND seen_at >= $2 GROUP BY item_id`,
      [itemIds, since, windowStart],
    );
    return new Map(rows.map((r) => [r.item_id, { ...r, window_first_rank: r.window_first_rank === null ? null : Number(r.window_first_rank), window_first_at: dateOrNull(r.window_first_at) }]));
  }

  async item(workspaceId: string, id: string): Promise<ItemRow | undefined> {
    const rows = await this.database.query(`SELECT * FROM trend_items WHERE id = $1 AND (workspace_id IS NULL OR workspace_id = $2)`, [id, workspaceId]);
    return rows[0] ? itemRow(rows[0]) : undefined;
  }

  async snapshots(itemId: string, since: Date): Promise<Array<{ seen_at: Date; rank: number; hot_value: number | null }>> {
    const rows = await this.database.query<{ seen_at: unknown; rank: number; hot_value: unknown }>(
      `SELECT seen_at, rank, hot_value FROM trend_snapshots WHERE item_id = $1 AND seen_at >= $2 ORDER BY seen_at`,
      [itemId, since],
    );
    return rows.map((r) => ({ seen_at: date(r.seen_at), rank: Number(r.rank), hot_value: r.hot_value === null ? null : Number(r.hot_value) }));
  }

  /** Retention: snapshots older than `before` go, and items not seen since then with them. */
  async prune(before: Date): Promise<{ snapshots: number; items: number }> {
    const snapshots = await this.database.query(`DELETE FROM trend_snapshots WHERE seen_at < $1 RETURNING 1`, [before]);
    const items = await this.database.query(`DELETE FROM trend_items WHERE last_seen_at < $1 RETURNING 1`, [before]);
    return { snapshots: snapshots.length, items: items.length };
  }

  // Custom sources

  async customSources(workspaceId?: string): Promise<CustomSourceRow[]> {
    const rows = await this.database.query<CustomSourceRow>(
      `SELECT * FROM trend_custom_sources WHERE ($1::uuid IS NULL OR workspace_id = $1) AND enabled ORDER BY created_at`,
      [workspaceId ?? null],
    );
    return rows.map((r) => ({ ...r, created_at: date(r.created_at) }));
  }

  async customSource(workspaceId: string, id: string): Promise<CustomSourceRow | undefined> {
    const rows = await this.database.query<CustomSourceRow>(`SELECT * FROM trend_custom_sources WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    return rows[0] ? { ...rows[0], created_at: date(rows[0].created_at) } : undefined;
  }

  async insertCustomSource(workspaceId: string, name: string, tier: RefreshTier, spec: CustomSourceSpec, now: Date): Promise<CustomSourceRow> {
    const id = `custom-${newUuid()}`;
    const rows = await this.database.query<CustomSourceRow>(
      `INSERT INTO trend_custom_sources (id, workspace_id, name, tier_minutes, spec) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (workspace_id, name) DO NOTHING RETURNING *`,
      [id, workspaceId, name, tier, JSON.stringify(spec)],
    );
    if (!rows[0]) throw Object.assign(new Error('duplicate'), { duplicate: true });
    await this.ensureStates([{ id, workspaceId }], now);
    return { ...rows[0], created_at: date(rows[0].created_at) };
  }

  async deleteCustomSource(workspaceId: string, id: string): Promise<boolean> {
    const rows = await this.database.query(`DELETE FROM trend_custom_sources WHERE id = $1 AND workspace_id = $2 RETURNING id`, [id, workspaceId]);
    if (rows.length === 0) return false;
    await this.database.query(`DELETE FROM trend_items WHERE source_id = $1 AND workspace_id = $2`, [id, workspaceId]);
    await this.database.query(`DELETE FROM trend_source_state WHERE source_id = $1`, [id]);
    return true;
  }

  // Niches

  async niches(workspaceId: string): Promise<NicheRow[]> {
    return this.database.query<NicheRow>(`SELECT * FROM trend_niches WHERE workspace_id = $1 ORDER BY name`, [workspaceId]);
  }

  async niche(workspaceId: string, idOrName: string): Promise<NicheRow | undefined> {
    const rows = await this.database.query<NicheRow>(
      `SELECT * FROM trend_niches WHERE workspace_id = $1 AND (name = $2 OR id::text = $2)`,
      [workspaceId, idOrName],
    );
    return rows[0];
  }

  async upsertNiche(workspaceId: string, name: string, rules: string, now: Date): Promise<NicheRow> {
    const rows = await this.database.query<NicheRow>(
      `INSERT INTO trend_niches (id, workspace_id, name, rules, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (workspace_id, name) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at RETURNING *`,
      [newUuid(), workspaceId, name, rules, now],
    );
    return rows[0]!;
  }

  async deleteNiche(workspaceId: string, id: string): Promise<boolean> {
    return (await this.database.query(`DELETE FROM trend_niches WHERE workspace_id = $1 AND id::text = $2 RETURNING id`, [workspaceId, id])).length > 0;
  }

  // Suggestions

  async insertSuggestion(workspaceId: string, niche: string, status: 'ok' | 'thin', payload: unknown, now: Date): Promise<SuggestionRow> {
    const rows = await this.database.query<SuggestionRow>(
      `INSERT INTO trend_suggestions (id, workspace_id, niche, status, payload, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING *`,
      [newUuid(), workspaceId, niche, status, JSON.stringify(payload), now],
    );
    return rows[0]!;
  }

  async suggestions(workspaceId: string, limit: number): Promise<SuggestionRow[]> {
    return this.database.query<SuggestionRow>(`SELECT * FROM trend_suggestions WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT $2`, [workspaceId, limit]);
  }

  async suggestion(workspaceId: string, id: string): Promise<SuggestionRow | undefined> {
    const rows = await this.database.query<SuggestionRow>(`SELECT * FROM trend_suggestions WHERE workspace_id = $1 AND id::text = $2`, [workspaceId, id]);
    return rows[0];
  }
}
