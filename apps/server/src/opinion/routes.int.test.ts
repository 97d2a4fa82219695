import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBettaFish, type FakeBettaFish } from '@creatorflow/testing/fake-bettafish/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('舆情报告 API over a fake BettaFish', () => {
  let server: TestServer;
  let fake: FakeBettaFish;
  beforeAll(async () => {
    fake = await startFakeBettaFish({ searchPolls: 1, step: 100 });
    server = await createTestServer();
  });
  afterAll(async () => {
    delete process.env.BETTAFISH_URL;
    await server.close();
    await fake.close();
  });
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => server.app.inject({ method, url, headers: server.localHeaders, payload: payload as object });

  it('says when no BettaFish is connected, connects the workspace\'s own after it answers, and disconnects', async () => {
    delete process.env.BETTAFISH_URL;
    expect((await call('GET', '/api/opinion/status')).json()).toEqual({ configured: false, source: null, host: null });
    const refused = await call('POST', '/api/opinion/reports', { topic: '新能源汽车' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'BETTAFISH_NOT_CONFIGURED' });
    const tools = (await call('GET', '/api/tools')).json() as { items: Array<{ name: string; status: { available: boolean } }> };
    expect(tools.items.find((t) => t.name === 'public_opinion_report')?.status.available).toBe(true);
    expect((await call('PUT', '/api/opinion/connection', { url: 'http://127.0.0.1:9' })).json()).toMatchObject({ code: 'BETTAFISH_UNREACHABLE' });
    expect((await call('PUT', '/api/opinion/connection', { url: fake.url })).json()).toEqual({ configured: true, source: 'workspace', host: new URL(fake.url).host });
    expect((await call('PUT', '/api/opinion/connection', { url: null })).json()).toEqual({ configured: false, source: null, host: null });
  });

  it('starts a report, shows its progress and then the finished HTML', async () => {
    process.env.BETTAFISH_URL = fake.url;
    expect((await call('GET', '/api/opinion/status')).json()).toEqual({ configured: true, source: 'server', host: new URL(fake.url).host });
    const started = await call('POST', '/api/opinion/reports', { topic: '新能源汽车降价' });
    expect(started.statusCode).toBe(201);
    const id = started.json().id as string;
    expect(started.json()).toMatchObject({ stage: 'searching', html: null });
    const generating = (await call('GET', `/api/opinion/reports/${id}`)).json();
    expect(generating).toMatchObject({ stage: 'generating', progress: 5 });
    const done = (await call('GET', `/api/opinion/reports/${id}`)).json();
    expect(done).toMatchObject({ stage: 'completed', progress: 100, html: expect.stringContaining('舆情分析报告') });
    const list = (await call('GET', '/api/opinion/reports')).json();
    expect(list.items[0]).toMatchObject({ id, stage: 'completed' });
    expect(list.items[0]).not.toHaveProperty('html');
    expect((await call('GET', '/api/opinion/reports/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await call('POST', '/api/opinion/reports', { topic: '  ' })).statusCode).toBe(400);
  });
});

describe('舆情报告 in cloud mode', () => {
  it('refuses a BettaFish address on an internal network (egress guard)', async () => {
    const fake = await startFakeBettaFish();
    const server = await createTestServer({ cloud: 'pglite', egress: { allow: [] } });
    try {
      const reports = (await import('./routes.ts')).opinionReports(server.ctx);
      const ws = (await server.ctx.database.query<{ id: string }>(`INSERT INTO users (id, email, name) VALUES (gen_random_uuid(), 'o@example.test', 'o') RETURNING id`))[0]!.id;
      const workspace = (await server.ctx.database.query<{ id: string }>(`INSERT INTO workspaces (id, name, kind, created_by) VALUES (gen_random_uuid(), 'w', 'personal', $1) RETURNING id`, [ws]))[0]!.id;
      await expect(reports.connect(workspace, fake.url)).rejects.toMatchObject({ code: 'FETCH_BLOCKED_HOST' });
    } finally {
      await server.close();
      await fake.close();
    }
  });
});
