import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { startFakeTrends, type FakeTrends } from '@creatorflow/testing/fake-trends/index';
import { TrendService } from './service.ts';
import { manualClock, seedWorkspace } from '../testing/trends.ts';

describe.each(testDrivers())('trend service on %s', (kind) => {
  let test: TestDatabase;
  let fake: FakeTrends;
  let workspaceId: string;
  const clock = manualClock();
  const sleeps: number[] = [];
  const make = (owner: string) =>
    new TrendService({
      database: test.database,
      clock,
      http: fake.fetchPort(),
      userFetch: fake.fetchPort(),
      owner,
      sessions: { cookieHeader: async () => undefined },
      refresh: { timeoutMs: 1000, attempts: 3, backoffMs: 100, sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
    });
  let service: TrendService;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    fake = await startFakeTrends();
    workspaceId = await seedWorkspace(test.database);
    service = make('copy-a');
  });
  afterAll(async () => {
    await fake.close();
    await test.dispose();
  });

  it('refreshes a source, stores a snapshot per item and reports health', async () => {
    const outcome = await service.refresh(workspaceId, 'weibo');
    expect(outcome).toMatchObject({ status: 'refreshed', items: 20, attempts: 1 });
    const board = await service.board(workspaceId, 'weibo');
    expect(board.map((i) => i.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(board[0]).toMatchObject({ title: 'C929首飞成功', source_name: '微博热搜', hot_value: 2_000_000, best_rank: 1 });
    expect(board[0]!.heat).toBeGreaterThan(board[19]!.heat);
    const health = (await service.health(workspaceId)).find((h) => h.id === 'weibo')!;
    expect(health).toMatchObject({ status: 'ok', item_count: 20, consecutive_failures: 0, tier_minutes: 2 });
    const count = await test.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM trend_snapshots s JOIN trend_items i ON i.id = s.item_id WHERE i.source_id = 'weibo'`);
    expect(count[0]!.n).toBe(20);
  });

  it('makes one request per interval across two server copies', async () => {
    const other = make('copy-b');
    const before = fake.hits('www.zhihu.com');
    const [a, b] = await Promise.all([service.refreshById('zhihu'), other.refreshById('zhihu')]);
    expect([a.status, b.status].sort()).toEqual(['refreshed', 'skipped']);
    expect(await other.refreshById('zhihu')).toMatchObject({ status: 'skipped', reason: 'not_due' });
    expect(fake.hits('www.zhihu.com') - before).toBe(1);
    clock.advance(11 * 60_000);
    expect((await service.due()).map((d) => d.id)).toContain('zhihu');
    expect(await other.refreshById('zhihu')).toMatchObject({ status: 'refreshed' });
    expect(fake.hits('www.zhihu.com') - before).toBe(2);
  });

  it('tracks rank history, best rank, velocity and time on list across refreshes', async () => {
    fake.setList(20, 0);
    await service.refresh(workspaceId, 'douyin');
    clock.advance(30 * 60_000);
    fake.setList(20, 3); // every story moves up three places; three new ones enter at the bottom
    await service.refresh(workspaceId, 'douyin');
    fake.setList(20, 0);
    const board = await service.board(workspaceId, 'douyin');
    const moved = board.find((i) => i.title.startsWith('年轻人开始流行'))!;
    const detail = await service.item(workspaceId, moved.id);
    expect(detail.history.length).toBe(2);
    expect(detail.history[1]!.rank).toBeLessThan(detail.history[0]!.rank);
    expect(detail.item.velocity).toBeGreaterThan(0);
    expect(detail.item.minutes_on_list).toBeGreaterThanOrEqual(30);
    expect(detail.item.best_rank).toBe(detail.history[1]!.rank);
    // The three stories that fell off the top are no longer on the list.
    expect(board).toHaveLength(20);
    expect(board.some((i) => i.title === '国产大飞机C929首飞成功')).toBe(false);
  });

  it('serves the last good list when the source breaks (stale-on-error), with bounded retries and backoff', async () => {
    clock.advance(3 * 60_000);
    fake.setMode('m.weibo.cn', 'broken');
    sleeps.length = 0;
    const outcome = await service.refresh(workspaceId, 'weibo');
    expect(outcome).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_HTTP', attempts: 3, stale: true });
    expect(sleeps).toEqual([100, 200]);
    const health = (await service.health(workspaceId)).find((h) => h.id === 'weibo')!;
    expect(health).toMatchObject({ status: 'stale', consecutive_failures: 1, last_error_code: 'TREND_SOURCE_HTTP' });
    expect((await service.board(workspaceId, 'weibo')).length).toBe(20);
    // Past the TTL the stale list is no longer shown and the source is failing.
    clock.advance(61 * 60_000);
    await service.refresh(workspaceId, 'weibo');
    expect((await service.health(workspaceId)).find((h) => h.id === 'weibo')!).toMatchObject({ status: 'failing', consecutive_failures: 2 });
    expect(await service.board(workspaceId, 'weibo')).toEqual([]);
    fake.setMode('m.weibo.cn', 'ok');
  });

  it('does not retry a 403 (anti-bot answers get worse with retries) and reports empty and slow answers', async () => {
    fake.setMode('www.toutiao.com', 'forbidden');
    sleeps.length = 0;
    expect(await service.refresh(workspaceId, 'toutiao')).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_BLOCKED', attempts: 3, stale: false });
    expect(sleeps).toEqual([]);
    fake.setMode('www.toutiao.com', 'empty');
    expect(await service.refresh(workspaceId, 'toutiao')).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_EMPTY' });
    fake.setMode('www.toutiao.com', 'slow');
    expect(await service.refresh(workspaceId, 'toutiao')).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_TIMEOUT' });
    fake.setMode('www.toutiao.com', 'ok');
  });

  it('a broken source never blocks the others', async () => {
    fake.setMode('www.zhihu.com', 'changed');
    const outcomes = await Promise.all(['zhihu', 'baidu', 'thepaper'].map((id) => service.refresh(workspaceId, id)));
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'refreshed', 'refreshed']);
    expect(outcomes[0]).toMatchObject({ code: 'TREND_SOURCE_SHAPE' });
    fake.setMode('www.zhihu.com', 'ok');
  });

  it('merges lists into cross-platform clusters with an explained heat', async () => {
    for (const id of ['toutiao', 'qq-news', 'xiaohongshu', 'weibo']) await service.refresh(workspaceId, id);
    const merged = await service.merged(workspaceId);
    const plane = merged.find((c) => c.items.some((i) => i.title.includes('C929')))!;
    expect(plane.platforms.length).toBeGreaterThanOrEqual(3);
    expect(plane.heat).toBeGreaterThan(merged[merged.length - 1]!.heat);
    expect(plane.heat_breakdown.formula).toMatch(/0\.6 × rank/);
    expect(merged[0]!.heat).toBeGreaterThanOrEqual(merged[1]!.heat);
  });

  it('ranks "rising in my niche" by velocity, with the niche words that matched', async () => {
    await service.saveNiche(workspaceId, '美妆', '[美妆]\n口红\n/粉底(液|霜)/ => 粉底\n护肤');
    const rising = await service.rising(workspaceId, '美妆');
    expect(rising.length).toBeGreaterThan(0);
    for (const item of rising) expect(item.niche?.group).toBe('美妆');
    for (let i = 1; i < rising.length; i++) expect(rising[i - 1]!.velocity).toBeGreaterThanOrEqual(rising[i]!.velocity);
    expect((await service.rising(workspaceId, '考研')).every((i) => i.title.includes('考研'))).toBe(true);
  });

  it('runs user-defined RSS and JSON-mapping sources, scoped to their workspace', async () => {
    const feed = await service.addCustomSource(workspaceId, { name: '我的 JSON', tier_minutes: 30, spec: { kind: 'json', url: 'https://m.163.com/fe/api/hot/news/flow', list_path: 'data.list', fields: { title: 'title', key: 'docid' }, url_template: 'https://www.163.com/dy/article/{key}.html' } });
    expect(feed).toMatchObject({ custom: true, tier_minutes: 30, status: 'never' });
    expect(await service.refresh(workspaceId, feed.id)).toMatchObject({ status: 'refreshed', items: 20 });
    const board = await service.board(workspaceId, feed.id);
    expect(board[0]!.url).toMatch(/^https:\/\/www\.163\.com\/dy\/article\/NE\d+\.html$/);
    const stranger = await seedWorkspace(test.database, '别人的空间');
    await expect(service.board(stranger, feed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.items(stranger)).some((i) => i.source_id === feed.id)).toBe(false);
    await expect(service.addCustomSource(workspaceId, { name: '我的 JSON', tier_minutes: 30, spec: { kind: 'feed', url: 'https://example.com/rss' } })).rejects.toMatchObject({ code: 'TREND_SOURCE_EXISTS' });
    await expect(service.addCustomSource(workspaceId, { name: '坏的', tier_minutes: 7, spec: { kind: 'feed', url: 'https://example.com/rss' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(service.addCustomSource(workspaceId, { name: '坏的', tier_minutes: 5, spec: { kind: 'json', url: 'https://example.com/x', list_path: 'data..list', fields: { title: 't' } } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await service.removeCustomSource(workspaceId, feed.id);
    await expect(service.board(workspaceId, feed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('drops snapshots and items past the retention period', async () => {
    clock.advance(31 * 86_400_000);
    const pruned = await service.prune();
    expect(pruned.snapshots).toBeGreaterThan(0);
    expect(pruned.items).toBeGreaterThan(0);
    const left = await test.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM trend_snapshots`);
    expect(left[0]!.n).toBe(0);
  });
});
