import { describe, expect, it } from 'vitest';
import { orderMembers } from './failover.ts';
import type { Member } from './member.ts';

const member = (id: string, tier: number, weight: number): Member => ({
  id,
  providerId: id,
  provider: id,
  wire: 'openai',
  baseUrl: 'http://127.0.0.1:1',
  apiKey: undefined,
  model: id,
  tier,
  weight,
  prices: { input: 0, output: 0, cachedInput: 0 },
  maxOutput: 0,
});

/** A seeded generator, so the statistics below are reproducible. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('orderMembers', () => {
  it('puts every tier-1 member before any tier-2 member', () => {
    const order = orderMembers([member('b', 2, 100), member('a', 1, 1), member('c', 1, 1)], mulberry32(1));
    expect(order.map((m) => m.tier)).toEqual([1, 1, 2]);
  });

  it('picks first members in proportion to their weights', () => {
    const random = mulberry32(42);
    const members = [member('a', 1, 5), member('b', 1, 3), member('c', 1, 2)];
    const firsts = { a: 0, b: 0, c: 0 } as Record<string, number>;
    const n = 20_000;
    for (let i = 0; i < n; i++) firsts[orderMembers(members, random)[0]!.id]!++;
    expect(firsts.a! / n).toBeCloseTo(0.5, 1);
    expect(firsts.b! / n).toBeCloseTo(0.3, 1);
    expect(firsts.c! / n).toBeCloseTo(0.2, 1);
  });
});
