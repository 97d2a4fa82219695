import type { MetricValues } from '../metrics/types.ts';

/**
 * The 爆款分 (viral score), 0–100, from documented features; every feature's
 * contribution is returned so the number is never a black box.
 *
 * - weighted interactions W = like×1 + comment×5 + (share + favorite + coin)×10 + view×0.1 + danmaku×0.5
 *   (the weights BettaFish starts from), against the account's own median W;
 * - early velocity: W per hour in the first 24 h, against the account's median early velocity;
 * - engagement rate: (likes + comments + shares + favorites + coins) / views, against the account's median;
 * - topic heat (0–100) of the post's topic when the trends side knows it.
 * A ratio r against the account's own baseline maps to r / (r + 1): 0.5 means "as good as your typical post",
 * 0.75 three times as good, 0.9 nine times. Without a baseline (fewer than 3 earlier posts) W is placed on a
 * log scale against a platform reference instead, and the result says so.
 */
export const INTERACTION_WEIGHTS = { likes: 1, comments: 5, shares: 10, favorites: 10, coins: 10, views: 0.1, danmaku: 0.5 } as const;
export const FEATURE_WEIGHTS = { interactions: 35, velocity: 30, engagement: 20, heat: 15 } as const;
/** W of a strong post per platform when an account has no history yet (order of magnitude, documented in docs/insights.md). */
export const REFERENCE_W: Record<string, number> = { wechat_mp: 3000, bilibili: 8000, xiaohongshu: 3000, douyin: 20000, default: 5000 };

export type FeatureName = keyof typeof FEATURE_WEIGHTS;

export interface ScoreFeature {
  name: FeatureName;
  /** The raw measure (W, W/hour, rate or heat). */
  value: number | null;
  /** The account's baseline for it (median of earlier posts), when there is one. */
  baseline: number | null;
  /** 0..1 after normalisation. */
  normalized: number | null;
  weight: number;
  /** Points this feature adds to the score. */
  contribution: number;
  explanation: string;
}

export interface ViralScore {
  score: number;
  estimate: boolean;
  features: ScoreFeature[];
  notes: string[];
}

export interface AccountBaseline {
  /** Earlier posts this baseline comes from. */
  posts: number;
  interactions: number | null;
  velocity: number | null;
  engagement: number | null;
}

export function weightedInteractions(v: MetricValues): number {
  let w = 0;
  for (const [key, weight] of Object.entries(INTERACTION_WEIGHTS)) w += (v[key as keyof MetricValues] ?? 0) * weight;
  return w;
}

export function engagementRate(v: MetricValues): number | null {
  if (!v.views) return null;
  return ((v.likes ?? 0) + (v.comments ?? 0) + (v.shares ?? 0) + (v.favorites ?? 0) + (v.coins ?? 0)) / v.views;
}

/** W per hour over the first 24 h, from the snapshot closest to 24 h (within 48 h). */
export function earlyVelocity(publishedAt: Date, snapshots: Array<MetricValues & { collectedAt: Date }>): number | null {
  const early = snapshots.filter((s) => s.collectedAt.getTime() - publishedAt.getTime() <= 48 * 3_600_000 && s.collectedAt > publishedAt);
  const best = early.sort((a, b) => Math.abs(hoursAfter(publishedAt, a) - 24) - Math.abs(hoursAfter(publishedAt, b) - 24))[0];
  if (!best) return null;
  return weightedInteractions(best) / Math.max(1, hoursAfter(publishedAt, best));
}

const hoursAfter = (publishedAt: Date, s: { collectedAt: Date }) => (s.collectedAt.getTime() - publishedAt.getTime()) / 3_600_000;
const ratio = (value: number, baseline: number) => (baseline > 0 ? value / baseline : value > 0 ? 9 : 0);
const squash = (r: number) => r / (r + 1);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function median(xs: number[]): number | null {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Scores a published post from its latest numbers, its early snapshots and the account's baseline. */
export function viralScore(input: {
  platform: string;
  latest: MetricValues;
  velocity: number | null;
  baseline: AccountBaseline;
  heat?: number | null;
}): ViralScore {
  const notes: string[] = [];
  const hasBaseline = input.baseline.posts >= 3;
  const w = weightedInteractions(input.latest);
  const features: ScoreFeature[] = [];

  let nInter: number;
  if (hasBaseline && input.baseline.interactions !== null) {
    nInter = squash(ratio(w, input.baseline.interactions));
  } else {
    const ref = REFERENCE_W[input.platform] ?? REFERENCE_W.default!;
    nInter = Math.min(1, Math.log10(1 + w) / Math.log10(1 + ref)) * 0.9;
    notes.push('Fewer than 3 earlier posts of this account: interactions are compared with a platform reference instead of your own baseline.');
  }
  features.push({ name: 'interactions', value: round1(w), baseline: hasBaseline ? input.baseline.interactions : null, normalized: nInter, weight: FEATURE_WEIGHTS.interactions, contribution: 0, explanation: '加权互动 = 赞×1 + 评论×5 + (转发+收藏+投币)×10 + 播放/阅读×0.1 + 弹幕×0.5，与账号过往中位数相比' });

  const nVel = input.velocity !== null && hasBaseline && input.baseline.velocity !== null ? squash(ratio(input.velocity, input.baseline.velocity)) : null;
  if (input.velocity === null) notes.push('No snapshot within 48 h of publishing: early velocity is left out.');
  features.push({ name: 'velocity', value: input.velocity === null ? null : round1(input.velocity), baseline: hasBaseline ? input.baseline.velocity : null, normalized: nVel, weight: FEATURE_WEIGHTS.velocity, contribution: 0, explanation: '前 24 小时每小时加权互动（早期速度），与账号过往中位数相比' });

  const rate = engagementRate(input.latest);
  const nEng = rate !== null && hasBaseline && input.baseline.engagement ? squash(ratio(rate, input.baseline.engagement)) : rate !== null ? Math.min(1, rate / 0.1) * 0.9 : null;
  features.push({ name: 'engagement', value: rate === null ? null : Math.round(rate * 10000) / 10000, baseline: hasBaseline ? input.baseline.engagement : null, normalized: nEng, weight: FEATURE_WEIGHTS.engagement, contribution: 0, explanation: '互动率 = (赞+评论+转发+收藏+投币) / 播放或阅读' });

  const heat = input.heat ?? null;
  features.push({ name: 'heat', value: heat, baseline: null, normalized: heat === null ? null : Math.max(0, Math.min(1, heat / 100)), weight: FEATURE_WEIGHTS.heat, contribution: 0, explanation: '话题热度（0–100，来自热榜）' });
  if (heat === null) notes.push('Topic heat unknown: its weight is spread over the other features.');

  // Features without a value do not count; the others share all 100 points in proportion to their weights.
  const present = features.filter((f) => f.normalized !== null);
  const total = present.reduce((s, f) => s + f.weight, 0);
  for (const f of present) f.contribution = round1(((f.normalized ?? 0) * f.weight * 100) / total);
  const score = Math.round(Math.max(0, Math.min(100, present.reduce((s, f) => s + f.contribution, 0))));
  return { score, estimate: false, features, notes };
}

/** The account's baseline from its earlier posts (latest numbers and early velocity of each). */
export function baselineOf(history: Array<{ latest: MetricValues | undefined; velocity: number | null }>): AccountBaseline {
  const withNumbers = history.filter((h) => h.latest);
  return {
    posts: withNumbers.length,
    interactions: median(withNumbers.map((h) => weightedInteractions(h.latest!))),
    velocity: median(withNumbers.flatMap((h) => (h.velocity === null ? [] : [h.velocity]))),
    engagement: median(withNumbers.flatMap((h) => {
      const r = engagementRate(h.latest!);
      return r === null ? [] : [r];
    })),
  };
}

/**
 * An ESTIMATE for a draft: the account's median score, moved by the topic's
 * current heat and by how the draft's tags did before. Labelled `estimate`;
 * docs/insights.md reports how well it ranked a held-out fixture set.
 */
export function estimateDraftScore(input: { historyScores: number[]; tagScores: number[]; heat?: number | null }): ViralScore {
  const notes = ['This is an estimate from your history and the topic heat, not a measurement: the real score exists only after publishing.'];
  const base = median(input.historyScores);
  const tags = median(input.tagScores);
  const heat = input.heat ?? null;
  const parts: Array<{ name: FeatureName; value: number | null; weight: number; explanation: string }> = [
    { name: 'interactions', value: base, weight: 55, explanation: '账号近期作品爆款分的中位数' },
    { name: 'engagement', value: tags, weight: 25, explanation: '相同标签作品爆款分的中位数' },
    { name: 'heat', value: heat, weight: 20, explanation: '话题当前热度（0–100）' },
  ];
  if (base === null) notes.push('No scored posts yet: the estimate starts from 50.');
  const present = parts.filter((p) => p.value !== null);
  const total = present.reduce((s, p) => s + p.weight, 0);
  const features: ScoreFeature[] = parts.map((p) => ({
    name: p.name,
    value: p.value,
    baseline: null,
    normalized: p.value === null ? null : p.value / 100,
    weight: p.weight,
    contribution: p.value === null || total === 0 ? 0 : round1((p.value * p.weight) / total),
    explanation: p.explanation,
  }));
  const score = total === 0 ? 50 : Math.round(features.reduce((s, f) => s + f.contribution, 0));
  return { score, estimate: true, features, notes };
}

/** Spearman rank correlation of two equally long lists (ties get their average rank). */
export function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
