import { createHash } from 'node:crypto';
import type { Clock, LlmPort } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/**
 * The optional LLM interest filter of a niche (issue 14 item 3): keyword rules
 * miss stories that belong to a niche without naming it (「这支口红色号」 for 美妆),
 * so the model is asked, in batches, which current items belong to the niche.
 *
 * - Cached: one verdict per workspace, niche and story (hash of the normalised
 *   title), so a story is asked about once however many lists carry it and
 *   however often the feed is opened.
 * - Budgeted: at most `budgetPerDay` new verdicts per workspace in 24 h (every
 *   verdict is a row, so the budget holds across restarts and server copies);
 *   what is over the budget is left out and reported, never guessed.
 * - A batch whose answer is not the JSON asked for is dropped, not cached.
 */
export interface InterestVerdict {
  relevant: boolean;
  tag: string | null;
  reason: string;
  /** 'llm' = asked now, 'cache' = an earlier verdict. */
  by: 'llm' | 'cache';
}

export interface InterestResult {
  verdicts: Map<string, InterestVerdict>;
  asked: number;
  cached: number;
  /** Items not classified because the budget was used up. */
  overBudget: number;
  budgetLeft: number;
}

export interface InterestOptions {
  budgetPerDay?: number;
  batchSize?: number;
  model?: string;
  signal?: AbortSignal;
  userId?: string | null;
}

export function titleHash(title: string): string {
  return createHash('sha256').update(title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).digest('hex').slice(0, 32);
}

export class InterestFilter {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** Verdicts for `items` in niche `niche` (described by its rules text), asking the model only for stories not seen before. */
  async classify(workspaceId: string, niche: { name: string; description: string }, items: Array<{ id: string; title: string }>, llm: Pick<LlmPort, 'chat'>, options: InterestOptions = {}): Promise<InterestResult> {
    const byHash = new Map<string, Array<{ id: string; title: string }>>();
    for (const item of items) {
      const h = titleHash(item.title);
      byHash.set(h, [...(byHash.get(h) ?? []), item]);
    }
    const verdicts = new Map<string, InterestVerdict>();
    const known = byHash.size === 0 ? [] : await this.database.query<{ title_hash: string; relevant: boolean; tag: string | null; reason: string }>(
      `SELECT title_hash, relevant, tag, reason FROM trend_interest WHERE workspace_id = $1 AND niche = $2 AND title_hash = ANY($3::text[])`,
      [workspaceId, niche.name, [...byHash.keys()]],
    );
    for (const row of known) for (const item of byHash.get(row.title_hash) ?? []) verdicts.set(item.id, { relevant: row.relevant, tag: row.tag, reason: row.reason, by: 'cache' });
    const cached = verdicts.size;
    const todo = [...byHash.entries()].filter(([h]) => !known.some((k) => k.title_hash === h));
    const budget = options.budgetPerDay ?? 300;
    const [used] = await this.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM trend_interest WHERE workspace_id = $1 AND created_at > $2`, [workspaceId, new Date(this.clock.nowMs() - 86_400_000)]);
    let left = Math.max(0, budget - (used?.n ?? 0));
    const allowed = todo.slice(0, left);
    const overBudget = todo.slice(left).reduce((n, [, list]) => n + list.length, 0);
    const size = options.batchSize ?? 40;
    let asked = 0;
    for (let i = 0; i < allowed.length; i += size) {
      const batch = allowed.slice(i, i + size);
      const answer = await llm.chat({
        model: options.model ?? 'default',
        messages: [
          { role: 'system', content: '你是内容创作者的选题助手。判断每条热点是否属于给定的内容领域（创作者能围绕它在该领域写内容），只依据标题，不确定时判为不属于。只输出 JSON。' },
          { role: 'user', content: prompt(niche, batch.map(([, list], n) => ({ n, title: list[0]!.title }))) },
        ],
        responseFormat: { type: 'json_object' },
        temperature: 0,
        signal: options.signal,
        attribution: { workspaceId, userId: options.userId ?? undefined, node: 'trend_interest' },
      });
      const parsed = parseVerdicts(answer.text, batch.length);
      if (!parsed) continue;
      asked += batch.length;
      const now = this.clock.now();
      await this.database.query(
        `INSERT INTO trend_interest (workspace_id, niche, title_hash, relevant, tag, reason, created_at)
         SELECT $1, $2, x.h, x.r, NULLIF(x.t, ''), x.why, $3 FROM unnest($4::text[], $5::boolean[], $6::text[], $7::text[]) AS x(h, r, t, why)
         ON CONFLICT DO NOTHING`,
        [workspaceId, niche.name, now, batch.map(([h]) => h), parsed.map((v) => v.relevant), parsed.map((v) => v.tag ?? ''), parsed.map((v) => v.reason)],
      );
      left -= batch.length;
      for (const [n, [, list]] of batch.entries()) for (const item of list) verdicts.set(item.id, { ...parsed[n]!, by: 'llm' });
    }
    return { verdicts, asked, cached, overBudget, budgetLeft: Math.max(0, left) };
  }
}

function prompt(niche: { name: string; description: string }, items: Array<{ n: number; title: string }>): string {
  return [
    `内容领域：${niche.name}`,
    niche.description.trim() && niche.description.trim() !== niche.name ? `领域说明（关键词规则）：\n${niche.description.trim().slice(0, 1000)}` : '',
    '热点（n 为编号）：',
    JSON.stringify(items),
    '输出格式：{"items":[{"n":编号,"relevant":true或false,"tag":"该领域下的细分标签（不属于时为空）","reason":"不超过20字的理由"}]}，每个编号一项。',
  ].filter(Boolean).join('\n');
}

/** The model's verdicts in batch order, or undefined when the answer is not what was asked. */
export function parseVerdicts(text: string, count: number): Array<Omit<InterestVerdict, 'by'>> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return undefined;
  }
  const list = (json as { items?: unknown }).items;
  if (!Array.isArray(list)) return undefined;
  const out: Array<Omit<InterestVerdict, 'by'> | undefined> = Array.from({ length: count }, () => undefined);
  for (const raw of list) {
    const v = raw as { n?: unknown; relevant?: unknown; tag?: unknown; reason?: unknown };
    if (typeof v.n !== 'number' || !Number.isInteger(v.n) || v.n < 0 || v.n >= count || typeof v.relevant !== 'boolean') continue;
    out[v.n] = { relevant: v.relevant, tag: v.relevant && typeof v.tag === 'string' && v.tag.trim() ? v.tag.trim().slice(0, 30) : null, reason: typeof v.reason === 'string' ? v.reason.slice(0, 120) : '' };
  }
  // A batch with any item unanswered is not trusted (the model lost track of the numbering).
  return out.every(Boolean) ? (out as Array<Omit<InterestVerdict, 'by'>>) : undefined;
}
