import type { MetricsDomain } from '../metrics/domain.ts';
import { matchNiche, nicheFromText } from '../trends/niche.ts';
import type { TrendItemView, TrendService } from '../trends/service.ts';
import { estimateDraftScore, type ViralScore } from './score.ts';

/**
 * 预估爆款分 for a draft: the account's (or platform's) last 30 scored posts, those
 * sharing a tag, and the heat of the hottest trend on the lists now that matches
 * the draft's topic. Always an estimate (docs/insights.md says how well it ranks).
 */
export interface DraftEstimate extends ViralScore {
  basedOn: { posts: number; tagPosts: number; trend: Pick<TrendItemView, 'id' | 'title' | 'source_name' | 'rank' | 'heat'> | null };
}

export async function estimateDraft(domain: MetricsDomain, trends: Pick<TrendService, 'items'>, workspaceId: string, draft: { topic: string; platform?: string; accountId?: string; tags: string[] }): Promise<DraftEstimate> {
  const scored = (await domain.analytics.scoredPosts(workspaceId))
    .filter((p) => p.viralScore !== null && (draft.accountId ? p.accountId === draft.accountId : !draft.platform || p.platform === draft.platform))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, 30);
  const tagged = scored.filter((p) => p.tags.some((t) => draft.tags.includes(t)));
  const rules = nicheFromText(draft.topic);
  const trend = (await trends.items(workspaceId)).filter((i) => matchNiche(rules, i.title)).sort((a, b) => b.heat - a.heat)[0];
  const estimate = estimateDraftScore({ historyScores: scored.map((p) => p.viralScore!), tagScores: tagged.map((p) => p.viralScore!), heat: trend?.heat ?? null });
  return { ...estimate, basedOn: { posts: scored.length, tagPosts: tagged.length, trend: trend ? { id: trend.id, title: trend.title, source_name: trend.source_name, rank: trend.rank, heat: trend.heat } : null } };
}
