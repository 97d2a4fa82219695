import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { newUuid } from '@creatorflow/core';
import { seedMetrics } from '@creatorflow/insights';
import { seedAccounts } from '@creatorflow/insights/testing/metrics';
import { hasPostgres } from '@creatorflow/testing';
import { startFakeBilibili, type FakeBilibili } from '@creatorflow/testing/fake-bilibili/server';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

const BV = 'BV1xx411c7mD';

describe('数据看板 and own-post metrics API (local mode, fake B站 and LLM upstream)', () => {
  let server: TestServer;
  let bili: FakeBilibili;
  let llm: FakeLlm;
  let workspaceId: string;
  let biliAccount: string;

  beforeAll(async () => {
    bili = await startFakeBilibili();
    bili.videos.set(BV, {
      bvid: BV, aid: 170001, stat: { view: 12000, danmaku: 300, reply: 3, favorite: 800, coin: 500, share: 120, like: 2400 },
      replies: [
        { rpid: 1, uname: '小明', message: '太强了，干货满满！', like: 40, ctime: 1_780_000_000 },
        { rpid: 2, uname: '阿花', message: '请问用的是什么相机？', like: 25, ctime: 1_780_000_100 },
        { rpid: 3, uname: '路人', message: '标题党，浪费时间', like: 3, ctime: 1_780_000_200 },
      ],
    });
    process.env.CREATORFLOW_BILIBILI_API_BASE = bili.url;
    llm = await startFakeLlm({
      rules: [
        { match: '评论情感分析器', reply: { json: { items: [{ i: 0, sentiment: 'very_positive', question: false }, { i: 1, sentiment: 'neutral', question: true }, { i: 2, sentiment: 'negative', question: false }] } } },
        { match: '内容运营分析师', reply: { json: { summary: '本周 B站 视频表现最好', top_posts: ['相机测评'], suggestions: [{ topic: '入门相机怎么选', why: '评论里有人问相机' }] } } },
      ],
    });
    server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
    workspaceId = server.ctx.local!.workspaceId;
    biliAccount = newUuid();
    await server.ctx.database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, 'bilibili', '我的B站', 'local', '{}'::jsonb)`, [biliAccount, workspaceId]);
  });
  afterAll(async () => {
    delete process.env.CREATORFLOW_BILIBILI_API_BASE;
    await server?.close();
    await bili?.close();
    await llm?.close();
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => server.app.inject({ method, url, headers: server.localHeaders, payload: payload as object });

  it('我已发布: follows a post by its link, collects it now, classifies its comments with the model and turns a question into an idea', async () => {
    const created = await call('POST', '/api/metrics/posts', { url: `https://www.bilibili.com/video/${BV}?spm=1`, account_id: biliAccount, title: '相机测评', published_at: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json();
    expect(post).toMatchObject({ platform: 'bilibili', platform_post_id: BV, source: 'manual', account_id: biliAccount });
    expect(post.next_collect_at).not.toBeNull();
    // The same link again is the same post.
    expect((await call('POST', '/api/metrics/posts', { url: `https://www.bilibili.com/video/${BV}` })).json().id).toBe(post.id);

    const collected = await call('POST', `/api/metrics/posts/${post.id}/collect`);
    expect(collected.statusCode, collected.body).toBe(200);
    const detail = collected.json();
    expect(detail.snapshots).toHaveLength(1);
    expect(detail.snapshots[0]).toMatchObject({ views: 12000, likes: 2400, coins: 500, danmaku: 300, favorites: 800, shares: 120 });
    expect(detail.viral_score.score).toBeGreaterThan(0);
    expect(detail.viral_score.features.map((f: { name: string }) => f.name)).toEqual(['interactions', 'velocity', 'engagement', 'heat']);
    const shown = detail.viral_score.features.filter((f: { normalized: number | null }) => f.normalized !== null).reduce((s: number, f: { contribution: number }) => s + f.contribution, 0);
    expect(Math.round(shown)).toBe(detail.viral_score.score);
    expect(detail.sentiment).toMatchObject({ total: 3, method: 'llm' });
    expect(detail.sentiment.distribution.find((d: { sentiment: string }) => d.sentiment === 'very_positive').count).toBe(1);
    expect(detail.sentiment.questions).toEqual([expect.objectContaining({ text: '请问用的是什么相机？', likes: 25 })]);
    expect(llm.requests.some((r) => JSON.stringify(r.body).includes('评论情感分析器'))).toBe(true);

    const idea = await call('POST', `/api/metrics/posts/${post.id}/questions/${detail.sentiment.questions[0].id}/idea`);
    expect(idea.statusCode, idea.body).toBe(201);
    expect(idea.json().text).toContain('请问用的是什么相机？');
    const saved = (await call('GET', '/api/ideas')).json();
    expect(JSON.stringify(saved)).toContain('观众提问');

    expect((await call('GET', `/api/metrics/posts/${post.id}`)).json().snapshots).toHaveLength(1);
  });

  it('refuses bad links, unknown posts and posts it cannot collect with problem+json codes', async () => {
    const bad = await call('POST', '/api/metrics/posts', { url: 'ftp://example.com/x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect((await call('POST', '/api/metrics/posts', { url: 'https://example.com/post/1' })).json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'platform' }] });
    expect((await call('GET', '/api/metrics/posts/not-a-post')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await call('GET', `/api/metrics/posts/${newUuid()}`)).statusCode).toBe(404);
    const xhs = (await call('POST', '/api/metrics/posts', { url: 'https://www.xiaohongshu.com/explore/66aa01', title: '手工帖' })).json();
    // 小红书 numbers come from the account's logged-in data page: a post without an account cannot be read.
    const refused = await call('POST', `/api/metrics/posts/${xhs.id}/collect`);
    expect(refused.json()).toMatchObject({ code: 'METRICS_CREDENTIAL_MISSING', detail: expect.stringContaining('choose the account') });
  });

  it('serves the dashboard: overview per platform and account, the post table, heatmap, breakdown and exports', async () => {
    const wechat = newUuid();
    await server.ctx.database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, 'wechat_mp', '公众号A', 'local', '{}'::jsonb)`, [wechat, workspaceId]);
    await seedMetrics(server.ctx.database, { workspaceId, accounts: [{ id: wechat, platform: 'wechat_mp' }], postsPerAccount: 10, days: 14, now: new Date() });
    const overview = (await call('GET', '/api/analytics/overview?days=30')).json();
    expect(overview.platforms.map((p: { platform: string }) => p.platform)).toEqual(['bilibili', 'wechat_mp', 'xiaohongshu']);
    expect(overview.gains.filter((g: { platform: string }) => g.platform === 'wechat_mp').length).toBeGreaterThan(5);
    expect(overview.accounts.find((a: { account_id: string }) => a.account_id === wechat).series.length).toBeGreaterThan(10);
    expect(overview.collectable_platforms).toEqual(expect.arrayContaining(['bilibili', 'wechat_mp']));

    const page = (await call('GET', '/api/analytics/posts?platform=wechat_mp&sort=views&limit=5')).json();
    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(5);
    expect(page.items[0].views).toBeGreaterThanOrEqual(page.items[4].views);
    expect(page.items[0].sparkline.length).toBeGreaterThan(1);
    expect((await call('GET', '/api/analytics/posts?sort=nope')).statusCode).toBe(400);

    const heat = (await call('GET', '/api/analytics/heatmap')).json();
    expect(heat.cells.reduce((s: number, c: { posts: number }) => s + c.posts, 0)).toBe(heat.scored_posts);
    expect((await call('GET', '/api/analytics/breakdown')).json().tags.length).toBeGreaterThan(0);

    const csv = await call('GET', '/api/analytics/export?format=csv&platform=wechat_mp');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(11);
    expect(csv.body).toContain('公众号');
    const xlsx = await call('GET', '/api/analytics/export?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('作品数据')!.rowCount).toBe(13);
  });

  it('runs graphs/analytics.yaml end to end: collect_metrics reads the period, trends and history feed the review', { timeout: 90_000 }, async () => {
    const started = (await call('POST', '/api/runs', { graph: 'analytics', inputs: { niche: '摄影', platform: 'bilibili', days: 7 } })).json();
    expect(started.id, JSON.stringify(started)).toBeTruthy();
    let run: { status: string; output?: { report: { summary: string } }; error?: unknown } = started;
    for (const t0 = Date.now(); !['completed', 'failed'].includes(run.status); ) {
      if (Date.now() - t0 > 60_000) throw new Error(`run stayed ${run.status}`);
      await new Promise((r) => setTimeout(r, 150));
      run = (await call('GET', `/api/runs/${started.id}`)).json();
    }
    expect(run.status, JSON.stringify(run.error)).toBe('completed');
    expect(run.output!.report.summary).toBe('本周 B站 视频表现最好');
    const prompt = llm.requests.map((r) => JSON.stringify(r.body)).find((b) => b.includes('内容运营分析师'))!;
    // The model saw the numbers collect_metrics gathered for the period.
    expect(prompt).toContain('相机测评');
    expect(prompt).toContain('viral_score');
  });
});

describe('the collection schedule', () => {
  it('local mode: the in-process scheduler collects a due post on its own, without a request', { timeout: 60_000 }, async () => {
    const bili = await startFakeBilibili();
    bili.videos.set(BV, { bvid: BV, aid: 170001, stat: { view: 10, danmaku: 0, reply: 0, favorite: 0, coin: 0, share: 0, like: 1 } });
    process.env.CREATORFLOW_BILIBILI_API_BASE = bili.url;
    const server = await createTestServer();
    try {
      const { startMetricsCollection, metricsFor } = await import('./service.ts');
      const post = (await server.app.inject({ method: 'POST', url: '/api/metrics/posts', headers: server.localHeaders, payload: { url: `https://www.bilibili.com/video/${BV}`, published_at: new Date(Date.now() - 2 * 3_600_000).toISOString() } })).json();
      startMetricsCollection(server.ctx, { force: true });
      let snaps = 0;
      for (const t0 = Date.now(); snaps === 0 && Date.now() - t0 < 30_000; ) {
        await new Promise((r) => setTimeout(r, 200));
        snaps = (await metricsFor(server.ctx).scheduler.store.snapshots(server.ctx.local!.workspaceId, post.id)).length;
      }
      expect(snaps).toBe(1);
      const after = await metricsFor(server.ctx).scheduler.store.getPost(server.ctx.local!.workspaceId, post.id);
      // Published 2 h ago: the 1 h checkpoint was collected late once; next is the 6 h one.
      expect(after!.nextCollectAt!.getTime()).toBe(new Date(post.published_at).getTime() + 6 * 3_600_000);
    } finally {
      delete process.env.CREATORFLOW_BILIBILI_API_BASE;
      await server.close();
      await bili.close();
    }
  });
});

describe.skipIf(!hasPostgres())('the collection schedule in cloud mode', () => {
  it('a BullMQ job per minute slot ticks the scheduler and collects a due post', { timeout: 90_000 }, async () => {
    const bili = await startFakeBilibili();
    bili.videos.set(BV, { bvid: BV, aid: 170001, stat: { view: 99, danmaku: 0, reply: 0, favorite: 0, coin: 0, share: 0, like: 9 } });
    process.env.CREATORFLOW_BILIBILI_API_BASE = bili.url;
    const server = await createTestServer({ cloud: 'postgres' });
    try {
      const { startMetricsCollection, metricsFor, METRICS_QUEUE, METRICS_SLOT_MS } = await import('./service.ts');
      const { workspaceId, accountIds } = await seedAccounts(server.ctx.database, [{ platform: 'bilibili' }]);
      const domain = metricsFor(server.ctx);
      const post = await domain.metrics.trackManual({ workspaceId, accountId: accountIds[0], url: `https://www.bilibili.com/video/${BV}`, publishedAt: new Date(Date.now() - 30 * 60_000) });
      // Due at the 1 h checkpoint; make it due now.
      await server.ctx.database.query('UPDATE metric_posts SET next_collect_at = now() WHERE id = $1', [post.id]);
      startMetricsCollection(server.ctx, { force: true });
      let snaps = 0;
      for (const t0 = Date.now(); snaps === 0 && Date.now() - t0 < 60_000; ) {
        await new Promise((r) => setTimeout(r, 250));
        snaps = (await domain.scheduler.store.snapshots(workspaceId, post.id)).length;
      }
      expect(snaps).toBe(1);
      const slot = Math.floor(Date.now() / METRICS_SLOT_MS);
      const job = await server.ctx.jobs.get!(METRICS_QUEUE, `metrics-${slot}`);
      expect(job?.queue).toBe(METRICS_QUEUE);
    } finally {
      delete process.env.CREATORFLOW_BILIBILI_API_BASE;
      await server.close();
      await bili.close();
    }
  });
});
