import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';

process.env.CREATORFLOW_FLOW_MAX_WAIT_MS = '8000';
vi.setConfig({ testTimeout: 180_000 });

const APP_SECRET = 'wx-app-secret-workflow-77';
const ARTICLE = `# 通勤骑行一年\n\n${Array.from({ length: 6 }, (_, i) => `## 第${i + 1}节\n\n地铁单程 5 元，一天往返 10 元，一年按 250 个工作日算就是 2,500 元；再加上偶尔打车的钱，差不多 3,200 元。`).join('\n\n')}`;

interface JobResult { job_id: string; status: string; url: string | null; platform: string; run_at: string; account_name: string }
interface PublishResult { platform: string; scheduled: boolean; settled: boolean; jobs: JobResult[] }

/** publish-workflow end to end: load → format per platform → approval → publish_work on a 公众号 (fake official API) and a 小红书 replica. */
describe('publish-workflow graph', () => {
  let home: string;
  let server: PublishTestServer;
  let wx: FakeWechatMp;
  let xhs: ReplicaSite;
  let workId: string;

  const waitRun = async (id: string, statuses: string[]) => {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const run = (await server.api<Record<string, unknown>>('GET', `/api/runs/${id}`)).body;
      if (statuses.includes(run.status as string)) return run;
      if (Date.now() > deadline) throw new Error(`run stayed ${String(run.status)}: ${JSON.stringify(run.error)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-pub-graph-'));
    wx = await startFakeWechatMp({ apps: { wx_graph: APP_SECRET } });
    xhs = await startReplica('xiaohongshu');
    server = await openPublishServer(home);
    expect((await server.api('POST', '/api/publish/vault/init', { password: 'graph-master-password-31' })).status).toBe(201);
    expect((await server.api('POST', '/api/publish/accounts', { platform: 'wechat_mp', name: 'main', app_id: 'wx_graph', app_secret: APP_SECRET, api_base_url: wx.url })).status).toBe(201);
    const account = await server.api<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: 'xhs', credential_mode: 'sync', base_url: xhs.url });
    const cookie = xhs.issueSession();
    expect((await server.api('POST', `/api/publish/accounts/${account.body.id}/cookies`, { cookies: `${cookie.name}=${cookie.value}` })).status).toBe(200);
    const work = await server.api<{ id: string }>('POST', '/api/works', { kind: 'article', title: '通勤骑行一年，我省下了3200元和一身赘肉', body: ARTICLE, tags: ['骑行'] });
    workId = work.body.id;
  });
  afterAll(async () => {
    await server?.close();
    await wx?.close();
    await xhs?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('is listed runnable and routed as high-risk work (it publishes)', async () => {
    const graphs = await server.api<{ items: Array<{ name: string; runnable: boolean }> }>('GET', '/api/graphs');
    expect(graphs.body.items.find((g) => g.name === 'publish-workflow')).toMatchObject({ runnable: true });
  });

  it('formats, waits for approval, then publishes now and returns each platform’s post', async () => {
    const started = await server.api<{ id: string }>('POST', '/api/runs', { graph: 'publish-workflow', inputs: { work_id: workId, platforms: ['wechat_mp', 'xiaohongshu'] } });
    expect(started.status).toBe(202);
    const waiting = await waitRun(started.body.id, ['waiting', 'failed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    expect(JSON.stringify(waiting.route)).toContain('critical work stays on the local runtime');
    // Nothing goes out before the approval.
    expect((await server.api<{ items: unknown[] }>('GET', '/api/publish/jobs')).body.items).toHaveLength(0);
    await server.api('POST', `/api/runs/${started.body.id}/resume`, { data: { approved: true } });
    const done = await waitRun(started.body.id, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const results = (done.output as { results: PublishResult[] }).results;
    expect(results.map((r) => r.platform)).toEqual(['wechat_mp', 'xiaohongshu']);
    const [toWechat, toXhs] = results;
    expect(toWechat).toMatchObject({ scheduled: false, settled: true, jobs: [{ status: 'published', account_name: 'main', url: expect.stringContaining('/s/ART_') }] });
    expect(toXhs!.jobs[0], JSON.stringify(toXhs)).toMatchObject({ status: 'published', url: expect.stringContaining(xhs.posts.at(-1)!.id) });
    // The article went to 小红书 as an image note: a title of at most 20 characters and the article as cards.
    const post = xhs.posts.at(-1)!;
    expect([...post.title].length).toBeLessThanOrEqual(20);
    expect(post.uploads.length).toBeGreaterThanOrEqual(2);
    expect(post.uploads.length).toBeLessThanOrEqual(18);
    expect(post.uploads[0]!.name).toBe('card-01.png');
    const job = await server.api<{ work_id: string; status: string }>('GET', `/api/publish/jobs/${toWechat!.jobs[0]!.job_id}`);
    expect(job.body).toMatchObject({ work_id: workId, status: 'published' });
  });

  it('schedules instead when given a time, and the job waits for it', async () => {
    const at = new Date(Date.now() + 3 * 3600_000).toISOString();
    const started = await server.api<{ id: string }>('POST', '/api/runs', { graph: 'publish-workflow', inputs: { work_id: workId, platforms: ['wechat_mp'], publish_at: at } });
    await waitRun(started.body.id, ['waiting']);
    await server.api('POST', `/api/runs/${started.body.id}/resume`, { data: { approved: true } });
    const done = await waitRun(started.body.id, ['completed', 'failed']);
    const [result] = (done.output as { results: PublishResult[] }).results;
    expect(result).toMatchObject({ scheduled: true, jobs: [{ status: 'scheduled', run_at: at }] });
    expect((await server.api('POST', `/api/publish/jobs/${result!.jobs[0]!.job_id}/cancel`)).status).toBe(200);
  });

  it('publishes nothing when the person declines', async () => {
    const before = (await server.api<{ items: unknown[] }>('GET', '/api/publish/jobs')).body.items.length;
    const started = await server.api<{ id: string }>('POST', '/api/runs', { graph: 'publish-workflow', inputs: { work_id: workId, platforms: ['wechat_mp'] } });
    await waitRun(started.body.id, ['waiting']);
    await server.api('POST', `/api/runs/${started.body.id}/resume`, { data: { approved: false } });
    expect((await waitRun(started.body.id, ['completed', 'failed'])).status).toBe('completed');
    expect((await server.api<{ items: unknown[] }>('GET', '/api/publish/jobs')).body.items).toHaveLength(before);
  });
});
