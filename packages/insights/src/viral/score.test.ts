import { describe, expect, it } from 'vitest';
import { viralFixture } from '../testing/viral-fixture.ts';
import { baselineOf, earlyVelocity, engagementRate, estimateDraftScore, spearman, viralScore, weightedInteractions } from './score.ts';

describe('viral score (爆款分)', () => {
  it('weighs interactions like BettaFish: like×1, comment×5, share/favorite/coin×10, view×0.1, danmaku×0.5', () => {
    expect(weightedInteractions({ likes: 10, comments: 2, shares: 1, favorites: 1, coins: 1, views: 1000, danmaku: 4 })).toBe(10 + 10 + 30 + 100 + 2);
  });

  it('computes the engagement rate and the early velocity from the snapshot closest to 24 h', () => {
    expect(engagementRate({ views: 200, likes: 10, comments: 5, shares: 5 })).toBe(0.1);
    const published = new Date('2026-01-01T00:00:00Z');
    const v = earlyVelocity(published, [
      { collectedAt: new Date('2026-01-01T01:00:00Z'), likes: 1 },
      { collectedAt: new Date('2026-01-02T00:00:00Z'), likes: 48 },
      { collectedAt: new Date('2026-01-08T00:00:00Z'), likes: 500 },
    ]);
    expect(v).toBe(2);
  });

  it('scores a post as good as the account’s typical one near 50, and shows each feature’s contribution', () => {
    const baseline = { posts: 10, interactions: 300, velocity: 20, engagement: 0.05 };
    const typical = viralScore({ platform: 'bilibili', latest: { views: 2000, likes: 100, comments: 0, shares: 0, favorites: 0, coins: 0, danmaku: 0 }, velocity: 20, baseline, heat: 50 });
    expect(typical.score).toBe(50);
    expect(typical.features.map((f) => f.name)).toEqual(['interactions', 'velocity', 'engagement', 'heat']);
    expect(typical.features.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(50, 0);
    const viral = viralScore({ platform: 'bilibili', latest: { views: 20000, likes: 2000, comments: 300, shares: 200 }, velocity: 300, baseline, heat: 90 });
    expect(viral.score).toBeGreaterThan(80);
    expect(viral.estimate).toBe(false);
  });

  it('leaves out what it does not know and says so', () => {
    const s = viralScore({ platform: 'wechat_mp', latest: { views: 500, likes: 10 }, velocity: null, baseline: { posts: 0, interactions: null, velocity: null, engagement: null } });
    expect(s.features.find((f) => f.name === 'velocity')?.contribution).toBe(0);
    expect(s.notes.join(' ')).toMatch(/platform reference/);
    expect(s.notes.join(' ')).toMatch(/Topic heat unknown/);
  });

  it('labels the draft estimate as an estimate', () => {
    const e = estimateDraftScore({ historyScores: [40, 60, 50], tagScores: [70], heat: 80 });
    expect(e.estimate).toBe(true);
    expect(e.notes[0]).toMatch(/estimate/);
    expect(e.score).toBe(Math.round((50 * 55 + 70 * 25 + 80 * 20) / 100));
  });

  it('ranks held-out fixture posts with a positive rank correlation (reported in docs/insights.md)', () => {
    const { rho, n } = heldOutCorrelation();
    expect(n).toBe(50);
    // A measured figure, not a target: docs/insights.md reports it; this only guards against a regression to noise.
    console.info(`held-out rank correlation of the draft estimate: rho=${rho.toFixed(3)} over ${n} posts`);
    expect(rho).toBeGreaterThan(0.3);
  });

  it('computes Spearman’s rho with ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(spearman([1, 1, 2], [1, 1, 2])).toBeCloseTo(1);
  });
});

/** Scores every fixture post, then estimates the last 10 of each account from the 30 before them. */
function heldOutCorrelation(): { rho: number; n: number } {
  const posts = viralFixture();
  const scored = new Map<string, number>();
  const byAccount = new Map<string, typeof posts>();
  for (const p of posts) byAccount.set(p.account, [...(byAccount.get(p.account) ?? []), p]);
  for (const list of byAccount.values()) {
    for (const [i, p] of list.entries()) {
      const history = list.slice(Math.max(0, i - 20), i).map((h) => ({ latest: h.snapshots.at(-1), velocity: earlyVelocity(h.publishedAt, h.snapshots) }));
      const s = viralScore({ platform: 'bilibili', latest: p.snapshots.at(-1)!, velocity: earlyVelocity(p.publishedAt, p.snapshots), baseline: baselineOf(history), heat: p.heat });
      scored.set(`${p.account}:${p.index}`, s.score);
    }
  }
  const estimates: number[] = [];
  const actual: number[] = [];
  for (const list of byAccount.values()) {
    const train = list.slice(0, 30);
    for (const p of list.slice(30)) {
      const historyScores = train.map((t) => scored.get(`${t.account}:${t.index}`)!);
      const tagScores = train.filter((t) => t.tags.some((tag) => p.tags.includes(tag))).map((t) => scored.get(`${t.account}:${t.index}`)!);
      estimates.push(estimateDraftScore({ historyScores, tagScores, heat: p.heat }).score);
      actual.push(scored.get(`${p.account}:${p.index}`)!);
    }
  }
  return { rho: spearman(estimates, actual), n: actual.length };
}
