import { describe, expect, it } from 'vitest';
import type { TrendItemView } from '../trends/service.ts';
import { parseNiche } from '../trends/niche.ts';
import { digestMessage, evaluateRule, inPushWindow, type AlertRule } from './rules.ts';

const item = (id: string, title: string, rank: number, velocity: number): TrendItemView => ({
  id, title, rank, velocity, source_id: 'weibo', source_name: '微博热搜', platform: 'weibo', url: `https://s.weibo.com/${id}`, summary: null, best_rank: rank, hot_value: null,
  first_seen_at: '2026-12-02T00:00:00.000Z', last_seen_at: '2026-12-02T00:00:00.000Z', minutes_on_list: 10, heat: 50, heat_breakdown: { heat: 50, rank: 50, frequency: 20, hotness: 0, formula: '' }, keywords: [],
});

const items = [item('a', '秋冬口红试色合集', 3, 2), item('b', '平价粉底液测评', 30, 25), item('c', '口红广告合集', 1, 40), item('d', '国足名单', 1, 50), item('e', '冬季护肤攻略', 25, 1)];
const rule: AlertRule = { id: 'r1', name: '美妆', niche: parseNiche('口红\n/粉底(液|霜)/\n护肤\n!广告'), topN: 10, minVelocity: 20, window: { start: '08:00', end: '22:00' } };
// 10:00 in China.
const morning = new Date('2026-12-02T02:00:00Z');

describe('alert rules', () => {
  it('alerts niche items that enter the top N or climb fast, excluding filtered and off-niche items', () => {
    const hits = evaluateRule(rule, items, new Set(), morning);
    expect(hits.map((h) => [h.item.id, h.reason])).toEqual([['a', 'top'], ['b', 'velocity']]);
  });

  it('alerts an item once per rule', () => {
    const first = evaluateRule(rule, items, new Set(), morning);
    expect(evaluateRule(rule, items, new Set(first.map((h) => h.key)), morning)).toEqual([]);
  });

  it('holds alerts outside the push window (China time by default; windows may wrap midnight)', () => {
    expect(evaluateRule(rule, items, new Set(), new Date('2026-12-02T15:00:00Z'))).toEqual([]);
    expect(inPushWindow({ start: '22:00', end: '07:00' }, new Date('2026-12-02T15:30:00Z'))).toBe(true);
    expect(inPushWindow({ start: '22:00', end: '07:00' }, new Date('2026-12-02T04:00:00Z'))).toBe(false);
    expect(inPushWindow({ start: '09:00', end: '18:00', utcOffsetMinutes: 0 }, new Date('2026-12-02T10:00:00Z'))).toBe(true);
  });

  it('never fires a rule with no threshold, and makes one digest of a window\'s hits', () => {
    expect(evaluateRule({ ...rule, topN: undefined, minVelocity: undefined }, items, new Set(), morning)).toEqual([]);
    const digest = digestMessage(rule, evaluateRule(rule, items, new Set(), morning));
    expect(digest.title).toBe('「美妆」热点提醒：2 条');
    expect(digest.lines[0]).toMatch(/^1\. 秋冬口红试色合集 — 微博热搜 第3名 ↑2 名\/小时（进入前 10） https:\/\/s\.weibo\.com\/a$/);
    expect(digest.lines[1]).toMatch(/（上升快）/);
  });
});
