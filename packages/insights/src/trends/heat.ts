/**
 * Normalised heat 0–100, from TrendRadar's calculate_news_weight
 * (trendradar/core/analyzer.py, checked 2026-12-02):
 *   weight = rank·0.6 + frequency·0.3 + hotness·0.1, where
 *   rank      = mean over appearances of (11 − min(rank, 10))
 *   frequency = min(count, 10) × 10
 *   hotness   = share of appearances ranked ≤ threshold (5) × 100.
 *
 * What we changed and why:
 * 1. rank is scaled ×10 to 10–100 (TrendRadar's older analyzer leaves it at
 *    1–10 while the other parts are 0–100, so rank barely counted; its newer
 *    shared scoring helper also multiplies by 10). Off-list ranks above 10 score 0,
 *    not 1, so an item at rank 40 is not mistaken for a top-10 item.
 * 2. frequency counts distinct platforms carrying the story (min(platforms, 5) × 20),
 *    not crawl appearances: our sources refresh every 2 to 60 minutes, so
 *    counting appearances would make a 2-minute list look five times hotter
 *    than a 10-minute one. Breadth across platforms is what a creator cares about.
 * 3. hotness uses the appearances of the last 24 h only, so yesterday's
 *    top-5 run does not keep an item hot today.
 * The score is rounded to an integer and always within 0–100.
 */
export const HEAT_WEIGHTS = { rank: 0.6, frequency: 0.3, hotness: 0.1 } as const;
export const HOT_RANK_THRESHOLD = 5;

export interface HeatInput {
  /** Current rank on each platform list carrying the story. */
  currentRanks: number[];
  /** Ranks of every appearance in the last 24 h, across those lists. */
  recentRanks: number[];
  platforms: number;
}

export interface HeatBreakdown {
  heat: number;
  rank: number;
  frequency: number;
  hotness: number;
  formula: string;
}

export const HEAT_FORMULA = 'heat = 0.6 × rank + 0.3 × breadth + 0.1 × top5 — rank = mean of (11 − rank) × 10 over lists (0 past rank 10); breadth = min(platforms, 5) × 20; top5 = share of the last 24 h appearances in the top 5 × 100';

export function heatOf(input: HeatInput): HeatBreakdown {
  const rankScore = (r: number) => (r <= 10 ? (11 - Math.max(1, r)) * 10 : 0);
  const rank = input.currentRanks.length ? input.currentRanks.reduce((s, r) => s + rankScore(r), 0) / input.currentRanks.length : 0;
  const frequency = Math.min(Math.max(input.platforms, 0), 5) * 20;
  const recent = input.recentRanks.length ? input.recentRanks : input.currentRanks;
  const hotness = recent.length ? (recent.filter((r) => r <= HOT_RANK_THRESHOLD).length / recent.length) * 100 : 0;
  const heat = Math.round(Math.min(100, Math.max(0, rank * HEAT_WEIGHTS.rank + frequency * HEAT_WEIGHTS.frequency + hotness * HEAT_WEIGHTS.hotness)));
  return { heat, rank: Math.round(rank), frequency, hotness: Math.round(hotness), formula: HEAT_FORMULA };
}

/**
 * Velocity: rank positions gained per hour over the window (default 60 min).
 * An item that entered the list inside the window counts as having climbed
 * from just below the list's end (listSize + 1), over at least 15 minutes (so a list refreshed
 * a minute ago does not make every newcomer infinitely fast). Negative means falling.
 */
export function velocityOf(points: Array<{ at: Date; rank: number }>, now: Date, listSize: number, windowMinutes = 60, firstSeen?: Date): number {
  if (points.length === 0) return 0;
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = sorted[sorted.length - 1]!;
  const windowStart = now.getTime() - windowMinutes * 60_000;
  const inWindow = sorted.filter((p) => p.at.getTime() >= windowStart);
  const enteredInWindow = firstSeen ? firstSeen.getTime() >= windowStart : sorted[0]!.at.getTime() >= windowStart;
  const from = enteredInWindow ? { at: firstSeen ?? sorted[0]!.at, rank: listSize + 1 } : inWindow[0] ?? latest;
  const hours = Math.max((latest.at.getTime() - from.at.getTime()) / 3_600_000, enteredInWindow ? 0.25 : 0);
  if (hours === 0) return 0;
  return Math.round(((from.rank - latest.rank) / hours) * 10) / 10;
}
