import { describe, expect, it } from 'vitest';
import { clusterItems } from './cluster.ts';
import { heatOf, velocityOf } from './heat.ts';
import { normaliseTitle, titleKeywords } from './text.ts';

const item = (id: string, sourceId: string, title: string) => ({ id, sourceId, normTitle: normaliseTitle(title), keywords: titleKeywords(title) });

describe('clustering the same story across platforms (Chinese fixture)', () => {
  const items = [
    item('a', 'weibo', '#C929首飞成功#'),
    item('b', 'toutiao', '国产大飞机C929首飞成功'),
    item('c', 'baidu', '央行宣布降准0.5个百分点'),
    item('d', 'qq-news', '央行降准0.5个百分点 释放长期资金'),
    item('e', 'douyin', '秋冬口红试色合集：这5支黄皮显白'),
    item('f', 'xiaohongshu', '【美妆】秋冬口红试色：黄皮显白的5支'),
    item('g', 'zhihu', '考研报名人数创新高'),
    item('h', 'hupu', '国足世预赛最新名单出炉'),
  ];
  const clusters = clusterItems(items);
  const of = (id: string) => clusters.find((c) => c.members.some((m) => m.id === id))!;

  it('normalises decoration away', () => {
    expect(normaliseTitle('#C929首飞成功#')).toBe('c929首飞成功');
    expect(normaliseTitle('【美妆】秋冬口红试色')).toBe('秋冬口红试色');
    expect(normaliseTitle('独家｜某明星官宣')).toBe('某明星官宣');
  });

  it('joins a title contained in another', () => {
    expect(of('a').members.map((m) => m.id).sort()).toEqual(['a', 'b']);
    expect(of('a').reason.rule).toBe('same_title');
  });

  it('joins reworded headlines by shared jieba keywords and says which', () => {
    expect(of('c').members.map((m) => m.id).sort()).toEqual(['c', 'd']);
    expect(of('c').reason.rule).toBe('shared_keywords');
    expect(of('c').reason.keywords).toEqual(expect.arrayContaining(['央行', '降准']));
    expect(of('e').members.map((m) => m.id).sort()).toEqual(['e', 'f']);
    expect(of('e').reason.keywords).toEqual(expect.arrayContaining(['口红']));
  });

  it('keeps unrelated stories apart', () => {
    expect(of('g').members).toHaveLength(1);
    expect(of('h').members).toHaveLength(1);
    expect(of('g').reason.rule).toBe('single');
    expect(clusters).toHaveLength(5);
  });
});

describe('heat and velocity', () => {
  it('scores a story at rank 1 on five platforms, always in the top 5, as 100', () => {
    expect(heatOf({ currentRanks: [1, 1, 1, 1, 1], recentRanks: [1, 2, 3], platforms: 5 }).heat).toBe(100);
  });
  it('scores rank past 10 on one list low but not negative', () => {
    const h = heatOf({ currentRanks: [40], recentRanks: [40, 38], platforms: 1 });
    expect(h.heat).toBe(6);
    expect(h.rank).toBe(0);
  });
  it('counts breadth across platforms, not crawl appearances', () => {
    const one = heatOf({ currentRanks: [3], recentRanks: Array(100).fill(3), platforms: 1 });
    const three = heatOf({ currentRanks: [3, 3, 3], recentRanks: [3, 3, 3], platforms: 3 });
    expect(three.heat - one.heat).toBe(12);
  });
  it('velocity is rank positions gained per hour; a newcomer climbs from below the list', () => {
    const now = new Date('2026-12-02T09:00:00Z');
    expect(velocityOf([{ at: new Date('2026-12-02T08:00:00Z'), rank: 20 }, { at: now, rank: 5 }], now, 50, 60, new Date('2026-12-01T00:00:00Z'))).toBe(15);
    expect(velocityOf([{ at: new Date('2026-12-02T08:30:00Z'), rank: 2 }, { at: now, rank: 8 }], now, 50, 60, new Date('2026-12-01T00:00:00Z'))).toBe(-12);
    expect(velocityOf([{ at: now, rank: 1 }], now, 50, 60, new Date('2026-12-02T08:55:00Z'))).toBe(200);
  });
});
