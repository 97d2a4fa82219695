import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ManualClock } from '@creatorflow/core';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { seedAccounts } from '../testing/metrics.ts';
import { postsCsv, postsXlsx } from './export.ts';
import { seedMetrics } from './seed.ts';
import { AnalyticsService } from './service.ts';

describe.each(testDrivers())('analytics dashboard data (%s)', (kind) => {
  let test: TestDatabase;
  let workspaceId: string;
  const now = new Date('2026-06-30T12:00:00Z');
  const service = () => new AnalyticsService(test.database, new ManualClock(now));
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const seeded = await seedAccounts(test.database, [{ platform: 'bilibili' }, { platform: 'wechat_mp' }]);
    workspaceId = seeded.workspaceId;
    await seedMetrics(test.database, { workspaceId, accounts: [{ id: seeded.accountIds[0]!, platform: 'bilibili' }, { id: seeded.accountIds[1]!, platform: 'wechat_mp' }], postsPerAccount: 12, days: 20, now });
  });
  afterAll(() => test.dispose());

  it('sums views gained per platform per day and followers per platform', async () => {
    const o = await service().overview(workspaceId, 30);
    expect(o.posts).toBe(24);
    expect(o.platforms.map((p) => p.platform)).toEqual(['bilibili', 'wechat_mp']);
    const gained = o.gains.filter((g) => g.platform === 'bilibili').reduce((s, g) => s + g.views, 0);
    expect(gained).toBe(o.platforms[0]!.views);
    expect(o.platforms[1]!.followers).toBe(20_000 + 20 * 37 * 2);
    expect(o.followers.length).toBeGreaterThan(30);
  });

  it('one service reuses its scored list until the data changes: a new snapshot shows at once, a sort does not leak into the next read', async () => {
    const shared = service();
    const byViews = await shared.posts(workspaceId, { sort: 'views', limit: 50, offset: 0 });
    const byDate = await shared.posts(workspaceId, { limit: 50, offset: 0 });
    expect(byDate.items.map((i) => i.publishedAt.getTime())).toEqual([...byDate.items.map((i) => i.publishedAt.getTime())].sort((a, b) => b - a));
    const last = byViews.items.at(-1)!;
    await test.database.query(`INSERT INTO metric_snapshots (workspace_id, post_id, platform, collected_at, views, source) VALUES ($1, $2, $3, $4, $5, 'test')`, [workspaceId, last.id, last.platform, new Date(now.getTime() - 60_000), 99_000_000]);
    try {
      const after = await shared.posts(workspaceId, { sort: 'views', limit: 1, offset: 0 });
      expect(after.items[0]).toMatchObject({ id: last.id, views: 99_000_000 });
      expect((await shared.overview(workspaceId, 30)).platforms.find((p) => p.platform === last.platform)!.views).toBeGreaterThan(99_000_000);
    } finally {
      await test.database.query(`DELETE FROM metric_snapshots WHERE source = 'test'`);
    }
  });

  it('lists posts with latest numbers, a score and a sparkline; filters and sorts', async () => {
    const all = await service().posts(workspaceId, { limit: 50, offset: 0 });
    expect(all.total).toBe(24);
    const b = await service().posts(workspaceId, { platform: 'bilibili', sort: 'views', limit: 5, offset: 0 });
    expect(b.total).toBe(12);
    expect(b.items.every((i) => i.platform === 'bilibili')).toBe(true);
    expect(b.items.map((i) => i.views)).toEqual([...b.items.map((i) => i.views)].sort((x, y) => (y ?? 0) - (x ?? 0)));
    expect(b.items[0]!.sparkline.length).toBeGreaterThan(1);
    expect(b.items[0]!.viralScore).toBeGreaterThanOrEqual(0);
    expect(b.items[0]!.coins).not.toBeNull();
  });

  it('builds the weekday × hour heatmap from the posts’ scores', async () => {
    const h = await service().heatmap(workspaceId);
    expect(h.cells.reduce((s, c) => s + c.posts, 0)).toBe(h.scoredPosts);
    expect(h.cells.every((c) => c.weekday >= 0 && c.weekday < 7 && [8, 12, 18, 20, 21].includes(c.hour))).toBe(true);
  });

  it('exports the post table as CSV and as an XLSX a spreadsheet library opens', async () => {
    const { items } = await service().posts(workspaceId, { limit: 1000, offset: 0 });
    const names = (p: string) => ({ bilibili: 'B站', wechat_mp: '公众号' })[p] ?? p;
    const csv = postsCsv(items, names);
    expect(csv.startsWith('\uFEFF平台,账号,标题')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(25);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await postsXlsx(items, names)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('作品数据')!;
    expect(sheet.rowCount).toBe(25);
    expect(sheet.getRow(1).getCell(13).value).toBe('爆款分');
    expect(['B站', '公众号']).toContain(sheet.getRow(2).getCell(1).value);
  });
});
