import type { MetricValues } from '../metrics/types.ts';

/**
 * A synthetic, seeded fixture of published posts (5 accounts × 40 posts): each
 * account has its own audience size, each tag its own pull, each post a topic
 * heat, and every number carries heavy random noise. Used to check the viral
 * score's features and to measure how well the draft estimate ranks posts it
 * did not see (the last 10 of each account). Synthetic, so the figure says the
 * estimate is sound in principle, not how it does on a real account.
 */
export interface FixturePost {
  account: string;
  index: number;
  tags: string[];
  heat: number;
  publishedAt: Date;
  snapshots: Array<MetricValues & { collectedAt: Date }>;
}

export function viralFixture(seed = 20261202): FixturePost[] {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const tagPull: Record<string, number> = { 美食: 1.4, 旅行: 1.1, 数码: 0.8, 职场: 0.9, 情感: 1.6 };
  const tagNames = Object.keys(tagPull);
  const posts: FixturePost[] = [];
  for (let a = 0; a < 5; a++) {
    const audience = 2000 * (a + 1);
    for (let i = 0; i < 40; i++) {
      const publishedAt = new Date(Date.UTC(2026, 0, 1) + (a * 40 + i) * 86_400_000);
      const tag = tagNames[Math.floor(rand() * tagNames.length)]!;
      const heat = Math.round(rand() * 100);
      const noise = Math.exp((rand() - 0.5) * 1.6);
      const reach = audience * tagPull[tag]! * (0.5 + heat / 100) * noise;
      const at = (hours: number, share: number): MetricValues & { collectedAt: Date } => ({
        collectedAt: new Date(publishedAt.getTime() + hours * 3_600_000),
        views: Math.round(reach * share),
        likes: Math.round(reach * share * 0.05 * (0.7 + rand() * 0.6)),
        comments: Math.round(reach * share * 0.006),
        shares: Math.round(reach * share * 0.004),
        favorites: Math.round(reach * share * 0.01),
      });
      posts.push({ account: `acc-${a}`, index: i, tags: [tag], heat, publishedAt, snapshots: [at(1, 0.1), at(24, 0.6), at(72, 0.85), at(168, 1)] });
    }
  }
  return posts;
}
