import { ConflictError, NotFoundError, ValidationError, systemClock, type Clock, type LlmPort } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { clusterItems } from './cluster.ts';
import { customSource, customSourceSpec, customTier, type CustomSourceSpec } from './custom.ts';
import { heatOf, velocityOf, type HeatBreakdown } from './heat.ts';
import { InterestFilter } from './interest.ts';
import { matchNiche, nicheFromText, parseNiche, type NicheMatch, type NicheRules } from './niche.ts';
import { refreshSource, type RefreshOutcome } from './refresher.ts';
import { BUILTIN_SOURCES, builtinSource } from './sources/index.ts';
import { TrendStore, type ItemRow, type SourceStateRow } from './store.ts';
import type { FetchPort, RefreshTier, SessionCookies, TrendSource } from './types.ts';

export interface TrendServiceDeps {
  database: Database;
  clock?: Clock;
  /** Fetch for the built-in lists (fixed public hosts). */
  http: FetchPort;
  /** Fetch for user-defined URLs: the SSRF-guarded fetch in cloud mode. */
  userFetch: FetchPort;
  sessions?: SessionCookies;
  owner: string;
  /** Snapshot retention in days (default 30). */
  retentionDays?: number;
  refresh?: { timeoutMs?: number; attempts?: number; backoffMs?: number; sleep?: (ms: number) => Promise<void>; random?: () => number };
}

export interface SourceHealth {
  id: string;
  name: string;
  name_en: string;
  list: string;
  platform: string;
  category: string;
  home: string;
  tier_minutes: number;
  ttl_minutes: number;
  shape: string;
  custom: boolean;
  needs_session: boolean;
  anchors: string[];
  checked: string;
  status: 'ok' | 'stale' | 'failing' | 'never';
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_code: string | null;
  last_error: string | null;
  consecutive_failures: number;
  item_count: number;
  next_due_at: string | null;
}

export interface TrendItemView {
  id: string;
  source_id: string;
  source_name: string;
  platform: string;
  title: string;
  url: string;
  summary: string | null;
  rank: number;
  best_rank: number;
  hot_value: number | null;
  first_seen_at: string;
  last_seen_at: string;
  minutes_on_list: number;
  velocity: number;
  heat: number;
  heat_breakdown: HeatBreakdown;
  keywords: string[];
  niche?: NicheMatch;
  /** Set when the niche's LLM interest filter put the item in the niche (its keyword rules did not). */
  interest?: { tag: string | null; reason: string; by: 'llm' | 'cache' };
}

export interface TrendClusterView {
  id: string;
  title: string;
  heat: number;
  heat_breakdown: HeatBreakdown;
  velocity: number;
  platforms: string[];
  reason: { rule: string; keywords: string[] };
  items: TrendItemView[];
}

const DAY = 86_400_000;

function healthStatus(source: TrendSource, state: SourceStateRow | undefined, now: Date): SourceHealth['status'] {
  if (!state?.last_success_at) return state?.last_error_at ? 'failing' : 'never';
  const failedSince = state.last_error_at && state.last_error_at > state.last_success_at;
  if (!failedSince) return 'ok';
  return now.getTime() - state.last_success_at.getTime() <= source.ttlMinutes * 60_000 ? 'stale' : 'failing';
}

export class TrendService {
  readonly store: TrendStore;
  readonly #clock: Clock;

  constructor(private readonly deps: TrendServiceDeps) {
    this.store = new TrendStore(deps.database);
    this.#clock = deps.clock ?? systemClock;
  }

  /** The built-in lists plus a workspace's own (all workspaces' when omitted: the scheduler). */
  async sourcesOf(workspaceId?: string): Promise<Array<{ source: TrendSource; workspaceId: string | null }>> {
    const custom = await this.store.customSources(workspaceId);
    return [
      ...BUILTIN_SOURCES.map((source) => ({ source, workspaceId: null })),
      ...custom.map((row) => ({
        source: customSource({ id: row.id, workspaceId: row.workspace_id, name: row.name, tier: row.tier_minutes, spec: row.spec }, this.deps.userFetch),
        workspaceId: row.workspace_id,
      })),
    ];
  }

  async resolve(workspaceId: string, sourceId: string): Promise<{ source: TrendSource; workspaceId: string | null }> {
    const builtin = builtinSource(sourceId);
    if (builtin) return { source: builtin, workspaceId: null };
    const row = await this.store.customSource(workspaceId, sourceId);
    if (!row) throw new NotFoundError('trend source', sourceId);
    return { source: customSource({ id: row.id, workspaceId: row.workspace_id, name: row.name, tier: row.tier_minutes, spec: row.spec }, this.deps.userFetch), workspaceId: row.workspace_id };
  }

  async health(workspaceId: string): Promise<SourceHealth[]> {
    const all = await this.sourcesOf(workspaceId);
    const states = await this.store.states(all.map((s) => s.source.id));
    const now = this.#clock.now();
    return all.map(({ source, workspaceId: owner }) => {
      const state = states.get(source.id);
      return {
        id: source.id, name: source.name, name_en: source.nameEn, list: source.list, platform: source.platform, category: source.category, home: source.home,
        tier_minutes: source.tier, ttl_minutes: source.ttlMinutes, shape: source.shape, custom: owner !== null, needs_session: !!source.needsSession,
        anchors: source.anchors, checked: source.checked, status: healthStatus(source, state, now),
        last_success_at: state?.last_success_at?.toISOString() ?? null, last_error_at: state?.last_error_at?.toISOString() ?? null,
        last_error_code: state?.last_error_code ?? null, last_error: state?.last_error ?? null, consecutive_failures: state?.consecutive_failures ?? 0,
        item_count: state?.item_count ?? 0, next_due_at: state?.next_due_at.toISOString() ?? null,
      };
    });
  }

  async refresh(workspaceId: string, sourceId: string, force = true): Promise<RefreshOutcome> {
    const { source, workspaceId: owner } = await this.resolve(workspaceId, sourceId);
    return refreshSource(this.store, source, owner, { ...this.deps.refresh, http: this.deps.http, sessions: this.deps.sessions, clock: this.#clock, owner: this.deps.owner, force });
  }

  /** Refreshes one source of any workspace (the job worker's entry). */
  async refreshById(sourceId: string, force = false): Promise<RefreshOutcome> {
    const all = await this.sourcesOf();
    const found = all.find((s) => s.source.id === sourceId);
    if (!found) return { status: 'failed', sourceId, code: 'TREND_SOURCE_UNKNOWN', message: `no source ${sourceId}`, attempts: 0, stale: false };
    return refreshSource(this.store, found.source, found.workspaceId, { ...this.deps.refresh, http: this.deps.http, sessions: this.deps.sessions, clock: this.#clock, owner: this.deps.owner, force });
  }

  /** Sources whose interval has passed, for the scheduler. */
  async due(): Promise<Array<{ id: string; tier: number }>> {
    const all = await this.sourcesOf();
    await this.store.ensureStates(all.map((s) => ({ id: s.source.id, workspaceId: s.workspaceId })), this.#clock.now());
    const due = new Set(await this.store.dueSources(this.#clock.now(), all.map((s) => s.source.id)));
    return all.filter((s) => due.has(s.source.id)).map((s) => ({ id: s.source.id, tier: s.source.tier }));
  }

  async prune(): Promise<{ snapshots: number; items: number }> {
    return this.store.prune(new Date(this.#clock.now().getTime() - (this.deps.retentionDays ?? 30) * DAY));
  }

  /** Items on the lists now, with heat, velocity and time on list; sources past their TTL without a good refresh are left out. */
  async items(workspaceId: string, options: { sourceIds?: string[] } = {}): Promise<TrendItemView[]> {
    const now = this.#clock.now();
    const all = await this.sourcesOf(workspaceId);
    const byId = new Map(all.map((s) => [s.source.id, s.source]));
    const rows = (await this.store.currentItems(workspaceId, { sourceIds: options.sourceIds, since: new Date(now.getTime() - DAY) })).filter((row) => {
      const source = byId.get(row.source_id);
      return !!source && now.getTime() - row.last_seen_at.getTime() <= Math.max(source.ttlMinutes, source.tier * 3) * 60_000;
    });
    const stats = await this.store.itemStats(rows.map((r) => r.id), new Date(now.getTime() - DAY), new Date(now.getTime() - 3_600_000));
    const listSize = new Map<string, number>();
    for (const row of rows) listSize.set(row.source_id, Math.max(listSize.get(row.source_id) ?? 0, row.last_rank));
    return rows.map((row) => this.view(row, byId.get(row.source_id)!, stats.get(row.id), listSize.get(row.source_id) ?? row.last_rank, now));
  }

  private view(row: ItemRow, source: TrendSource, stats: { n24: number; top5: number; window_first_rank: number | null; window_first_at: Date | null } | undefined, listSize: number, now: Date): TrendItemView {
    const points = [{ at: row.last_seen_at, rank: row.last_rank }];
    if (stats?.window_first_at && stats.window_first_rank !== null) points.unshift({ at: stats.window_first_at, rank: stats.window_first_rank });
    const recentRanks = stats ? [...Array(stats.top5).fill(1), ...Array(Math.max(0, stats.n24 - stats.top5)).fill(10)] as number[] : [row.last_rank];
    const heat = heatOf({ currentRanks: [row.last_rank], recentRanks, platforms: 1 });
    return {
      id: row.id, source_id: row.source_id, source_name: source.name, platform: source.platform, title: row.title, url: row.url, summary: row.summary,
      rank: row.last_rank, best_rank: row.best_rank, hot_value: row.last_hot, first_seen_at: row.first_seen_at.toISOString(), last_seen_at: row.last_seen_at.toISOString(),
      // From first to last sighting, plus the interval the last sighting stands for.
      minutes_on_list: Math.round((row.last_seen_at.getTime() - row.first_seen_at.getTime()) / 60_000) + source.tier,
      velocity: velocityOf(points, now, listSize, 60, row.first_seen_at), heat: heat.heat, heat_breakdown: heat, keywords: row.keywords,
    };
  }

  /** One source's list, in its rank order. */
  async board(workspaceId: string, sourceId: string): Promise<TrendItemView[]> {
    await this.resolve(workspaceId, sourceId);
    return (await this.items(workspaceId, { sourceIds: [sourceId] })).sort((a, b) => a.rank - b.rank);
  }

  /** Every list merged: the same story across platforms is one cluster, ranked by heat. */
  async merged(workspaceId: string, options: { limit?: number; rules?: NicheRules } = {}): Promise<TrendClusterView[]> {
    let items = await this.items(workspaceId);
    if (options.rules) items = this.inNiche(items, options.rules);
    const clusters = clusterItems(items.map((item) => ({ ...item, sourceId: item.source_id, normTitle: item.title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), keywords: item.keywords })));
    const views = clusters.map((cluster) => {
      const members = cluster.members.sort((a, b) => b.heat - a.heat || a.rank - b.rank);
      const platforms = [...new Set(members.map((m) => m.platform))];
      const heat = heatOf({
        currentRanks: members.map((m) => m.rank),
        recentRanks: members.flatMap((m) => (m.heat_breakdown.hotness >= 50 ? [1] : [10])),
        platforms: platforms.length,
      });
      return {
        id: cluster.id, title: members[0]!.title, heat: heat.heat, heat_breakdown: heat, velocity: Math.max(...members.map((m) => m.velocity)),
        platforms, reason: cluster.reason, items: members.map(({ ...m }) => m),
      };
    });
    return views.sort((a, b) => b.heat - a.heat || b.velocity - a.velocity).slice(0, options.limit ?? 100);
  }

  inNiche(items: TrendItemView[], rules: NicheRules): TrendItemView[] {
    const counts = new Map<string, number>();
    const out: TrendItemView[] = [];
    for (const item of items) {
      const match = matchNiche(rules, item.title);
      if (!match) continue;
      const group = rules.groups.find((g) => g.name === match.group);
      const seen = counts.get(match.group) ?? 0;
      if (group?.max && seen >= group.max) continue;
      counts.set(match.group, seen + 1);
      out.push({ ...item, niche: match });
    }
    return out;
  }

  /** "Rising in my niche": items matching the niche, fastest climbers first. */
  async rising(workspaceId: string, niche: string, limit = 50): Promise<TrendItemView[]> {
    const rules = await this.rulesFor(workspaceId, niche);
    const items = (await this.items(workspaceId)).sort((a, b) => b.velocity - a.velocity || b.heat - a.heat);
    return this.inNiche(items, rules).slice(0, limit);
  }

  /**
   * "Rising in my niche" with the LLM interest filter: besides the items the keyword rules
   * match, the model is asked (cached, budgeted: trends/interest.ts) which of the other fastest
   * climbers belong to the niche; those join the feed tagged as the model's.
   */
  async risingWithInterest(workspaceId: string, niche: string, llm: Pick<LlmPort, 'chat'>, options: { limit?: number; candidates?: number; budgetPerDay?: number; userId?: string | null; signal?: AbortSignal } = {}) {
    const rules = await this.rulesFor(workspaceId, niche);
    const saved = await this.store.niche(workspaceId, niche);
    const items = (await this.items(workspaceId)).sort((a, b) => b.velocity - a.velocity || b.heat - a.heat);
    const matched = this.inNiche(items, rules);
    const inRules = new Set(matched.map((m) => m.id));
    const others = items.filter((i) => !inRules.has(i.id)).slice(0, options.candidates ?? 200);
    const result = await new InterestFilter(this.deps.database, this.#clock).classify(workspaceId, { name: saved?.name ?? niche, description: saved?.rules ?? niche }, others, llm, options);
    const picked = others.flatMap((item) => {
      const v = result.verdicts.get(item.id);
      return v?.relevant ? [{ ...item, niche: { group: v.tag ?? 'AI', words: [] }, interest: { tag: v.tag, reason: v.reason, by: v.by } }] : [];
    });
    const feed = [...matched, ...picked].sort((a, b) => b.velocity - a.velocity || b.heat - a.heat).slice(0, options.limit ?? 50);
    return { items: feed, interest: { asked: result.asked, cached: result.cached, overBudget: result.overBudget, budgetLeft: result.budgetLeft, added: picked.length } };
  }

  /** A saved niche by name or id, else the text itself as rules or keywords. */
  async rulesFor(workspaceId: string, niche: string): Promise<NicheRules> {
    const saved = await this.store.niche(workspaceId, niche);
    return saved ? parseNiche(saved.rules) : nicheFromText(niche);
  }

  async item(workspaceId: string, id: string, days = 7): Promise<{ item: TrendItemView; history: Array<{ seen_at: string; rank: number; hot_value: number | null }> }> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.store.item(workspaceId, id) : undefined;
    if (!row) throw new NotFoundError('trend item', id);
    const { source } = await this.resolve(workspaceId, row.source_id);
    const now = this.#clock.now();
    const stats = await this.store.itemStats([row.id], new Date(now.getTime() - DAY), new Date(now.getTime() - 3_600_000));
    const history = await this.store.snapshots(row.id, new Date(now.getTime() - days * DAY));
    return { item: this.view(row, source, stats.get(row.id), 50, now), history: history.map((h) => ({ seen_at: h.seen_at.toISOString(), rank: h.rank, hot_value: h.hot_value })) };
  }

  async addCustomSource(workspaceId: string, input: { name: string; tier_minutes: number; spec: unknown }): Promise<SourceHealth> {
    const spec = customSourceSpec.safeParse(input.spec);
    if (!spec.success) throw new ValidationError(`The source definition is not valid: ${spec.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, spec.error.issues.map((i) => ({ path: `spec.${i.path.join('.')}`, message: i.message })));
    const tier = customTier.safeParse(input.tier_minutes);
    if (!tier.success) throw new ValidationError('tier_minutes must be 2, 5, 10, 30 or 60', [{ path: 'tier_minutes', message: 'one of 2, 5, 10, 30, 60' }]);
    const name = input.name.trim();
    if (!name || name.length > 60) throw new ValidationError('A source needs a name of 1 to 60 characters', [{ path: 'name', message: '1–60 characters' }]);
    try {
      const row = await this.store.insertCustomSource(workspaceId, name, tier.data as RefreshTier, spec.data as CustomSourceSpec, this.#clock.now());
      return (await this.health(workspaceId)).find((h) => h.id === row.id)!;
    } catch (error) {
      if ((error as { duplicate?: boolean }).duplicate) throw new ConflictError('TREND_SOURCE_EXISTS', `A source named '${name}' already exists in this workspace`);
      throw error;
    }
  }

  async removeCustomSource(workspaceId: string, id: string): Promise<void> {
    if (!(await this.store.deleteCustomSource(workspaceId, id))) throw new NotFoundError('trend source', id);
  }

  async saveNiche(workspaceId: string, name: string, rules: string) {
    parseNiche(rules);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 60) throw new ValidationError('A niche needs a name of 1 to 60 characters', [{ path: 'name', message: '1–60 characters' }]);
    return this.store.upsertNiche(workspaceId, trimmed, rules, this.#clock.now());
  }
}
