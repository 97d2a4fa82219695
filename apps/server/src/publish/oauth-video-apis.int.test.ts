import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDouyinOpen, type FakeDouyinOpen } from '@creatorflow/testing/fake-open-apis/douyin';
import { startFakeKuaishouOpen, type FakeKuaishouOpen } from '@creatorflow/testing/fake-open-apis/kuaishou';
import { openPublishServer, type PublishTestServer } from '../testing/publish-server.ts';

vi.setConfig({ testTimeout: 60_000 });

/** 抖音 and 快手 official APIs over HTTP: 授权登录 → consent → callback → a video job published through the open platform first. */
describe('抖音 and 快手 open platforms through the publish API', () => {
  let home: string;
  let server: PublishTestServer;
  let dy: FakeDouyinOpen;
  let ks: FakeKuaishouOpen;
  const video = { name: 'v.mp4', content_type: 'video/mp4', path: '' };
  const cover = { name: 'c.png', content_type: 'image/png', path: '' };

  async function connect(platform: string, baseUrl: string, app: { client_id: string; client_secret: string }): Promise<string> {
    const account = await server.api<{ id: string; methods: string[] }>('POST', '/api/publish/accounts', { platform, name: `${platform}号`, credential_mode: 'oauth', api_base_url: baseUrl });
    expect(account.status, account.raw).toBe(201);
    expect(account.body.methods).toEqual(['official_api', 'browser', 'assist']);
    const started = await server.api<{ authorize_url: string }>('POST', `/api/publish/accounts/${account.body.id}/oauth/authorize`, app);
    expect(started.status, started.raw).toBe(200);
    const consent = await fetch(started.body.authorize_url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const res = await server.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { host: '127.0.0.1' } });
    expect(String(res.headers.location)).toContain('oauth=connected');
    return account.body.id;
  }

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-oauth-video-'));
    video.path = join(home, 'v.mp4');
    cover.path = join(home, 'c.png');
    writeFileSync(video.path, Buffer.alloc(4096, 5));
    writeFileSync(cover.path, Buffer.alloc(256, 1));
    [dy, ks] = await Promise.all([startFakeDouyinOpen(), startFakeKuaishouOpen()]);
    server = await openPublishServer(home);
  });
  afterAll(async () => {
    await server.close();
    await Promise.all([dy.close(), ks.close()]);
    rmSync(home, { recursive: true, force: true });
  });

  it('lists both platforms with an official API', async () => {
    const platforms = await server.api<{ platforms: Array<{ id: string; oauth: boolean; methods: string[] }> }>('GET', '/api/publish/platforms');
    for (const id of ['douyin', 'kuaishou']) expect(platforms.body.platforms.find((p) => p.id === id)).toMatchObject({ oauth: true, methods: ['official_api', 'browser', 'assist'] });
  });

  it.each([
    ['douyin', () => dy.url, { client_id: 'awdouyin0001', client_secret: 'douyin-client-secret-0001' }],
    ['kuaishou', () => ks.url, { client_id: 'ks669628970400001', client_secret: 'kuaishou-app-secret-0001' }],
  ])('%s: connects, then a video job goes out through the official API only', async (platform, url, app) => {
    const accountId = await connect(platform, url(), app);
    const res = await server.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: { kind: 'video', title: '周末骑行去湖边', body: '周末骑行去湖边 #骑行', images: [], video, cover, tags: ['骑行'] }, to: [accountId] });
    expect(res.status, res.raw).toBe(201);
    const job = await server.waitForJob(res.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
    expect(job.status, JSON.stringify(job)).toBe('published');
    expect((await server.ctx.publish.repo.attempts(job.id)).map((a) => [a.method, a.status])).toEqual([['official_api', 'succeeded']]);
    if (platform === 'douyin') expect(dy.items.at(-1)).toMatchObject({ text: '周末骑行去湖边\n周末骑行去湖边 #骑行' });
    else expect(ks.photos.at(-1)).toMatchObject({ caption: '周末骑行去湖边 #骑行', bytes: 4096, coverBytes: 256 });
  });
});
