import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { startFakeBettaFish, type FakeBettaFish } from '@creatorflow/testing/fake-bettafish/index';
import { egressGuardFor } from '@creatorflow/net';
import { manualClock, seedWorkspace } from '../testing/trends.ts';
import { OpinionReports, reportText } from './reports.ts';
import { publicOpinionReportTool } from './tools.ts';

describe('BettaFish public-opinion reports', () => {
  let test: TestDatabase;
  let workspaceId: string;
  let fake: FakeBettaFish | undefined;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    workspaceId = await seedWorkspace(test.database);
  });
  afterAll(() => test.dispose());
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('walks search → engines ready → generate → progress → result and keeps the HTML', async () => {
    fake = await startFakeBettaFish({ searchPolls: 2, step: 50 });
    const reports = new OpinionReports({ database: test.database, serverUrl: () => fake!.url });
    const started = await reports.start(workspaceId, '新能源汽车降价');
    expect(started.stage).toBe('searching');
    expect((await reports.advance(workspaceId, started.id)).stage).toBe('searching');
    const generating = await reports.advance(workspaceId, started.id);
    expect(generating).toMatchObject({ stage: 'generating', taskId: expect.stringMatching(/^report_\d+$/) });
    const halfway = await reports.advance(workspaceId, started.id);
    expect(halfway).toMatchObject({ stage: 'generating', progress: 55 });
    const done = await reports.advance(workspaceId, started.id);
    expect(done.stage).toBe('completed');
    expect(done.html).toContain('新能源汽车降价 舆情分析报告');
    expect(reportText(done.html!)).toMatch(/正面情绪占 61%/);
    expect(reportText(done.html!)).not.toMatch(/__ran/);
    expect(fake.requests).toEqual(expect.arrayContaining(['POST /api/search', 'GET /api/report/status', 'POST /api/report/generate', `GET /api/report/result/${generating.taskId}`]));
    // Once stored, BettaFish forgetting the task changes nothing.
    fake.forget();
    expect((await reports.advance(workspaceId, started.id)).html).toBe(done.html);
    expect((await reports.list(workspaceId))[0]).toMatchObject({ id: started.id, stage: 'completed', html: null });
  });

  it('ends with the engine\'s own message when the report fails, and says when BettaFish forgot the task', async () => {
    fake = await startFakeBettaFish({ searchPolls: 0, failAt: { progress: 50, message: '尝试将Report Engine的API更换为算力更强、上下文更长的LLM' } });
    const reports = new OpinionReports({ database: test.database, serverUrl: () => fake!.url });
    const r = await reports.start(workspaceId, '某品牌翻车');
    await reports.advance(workspaceId, r.id);
    const failed = await reports.advance(workspaceId, r.id);
    expect(failed).toMatchObject({ stage: 'failed', errorCode: 'BETTAFISH_REPORT_FAILED', errorMessage: expect.stringMatching(/算力更强/) });

    const lost = await reports.start(workspaceId, '另一个话题');
    await reports.advance(workspaceId, lost.id);
    fake.forget();
    // BettaFish answers "completed" for a task it no longer has, then 404 on its result.
    expect(await reports.advance(workspaceId, lost.id)).toMatchObject({ stage: 'failed', errorCode: 'BETTAFISH_TASK_LOST' });
  });

  it('refuses plainly when BettaFish is not connected, not started or down, and times out a search that never ends', async () => {
    const none = new OpinionReports({ database: test.database, serverUrl: () => undefined });
    await expect(none.start(workspaceId, 'x')).rejects.toMatchObject({ code: 'BETTAFISH_NOT_CONFIGURED' });
    fake = await startFakeBettaFish({ notStarted: true });
    await expect(new OpinionReports({ database: test.database, serverUrl: () => fake!.url }).start(workspaceId, 'x')).rejects.toMatchObject({ code: 'BETTAFISH_NOT_STARTED' });
    await expect(new OpinionReports({ database: test.database, serverUrl: () => 'http://127.0.0.1:9' }).start(workspaceId, 'x')).rejects.toMatchObject({ code: 'BETTAFISH_UNREACHABLE' });

    await fake.close();
    fake = await startFakeBettaFish({ searchPolls: 1_000 });
    const clock = manualClock(new Date());
    const slow = new OpinionReports({ database: test.database, serverUrl: () => fake!.url, clock, searchTimeoutMs: 60_000 });
    const r = await slow.start(workspaceId, '慢话题');
    expect((await slow.advance(workspaceId, r.id)).stage).toBe('searching');
    clock.advance(61_000);
    expect(await slow.advance(workspaceId, r.id)).toMatchObject({ stage: 'failed', errorCode: 'BETTAFISH_ENGINES_TIMEOUT' });
  });

  it('the graph tool starts a report, waits for it and hands back its text; without BettaFish it says so', async () => {
    fake = await startFakeBettaFish({ searchPolls: 1, step: 100 });
    const reports = new OpinionReports({ database: test.database, serverUrl: () => fake!.url });
    const tool = publicOpinionReportTool(() => reports, { intervalMs: 10 });
    const out = await tool.run({ topic: '考研报名', wait_minutes: 1 }, { workspaceId, runtime: 'local', signal: new AbortController().signal } as never);
    expect(out).toMatchObject({ stage: 'completed', progress: 100, topic: '考研报名' });
    expect(out.text).toMatch(/考研报名 舆情分析报告/);
    const offline = publicOpinionReportTool(() => new OpinionReports({ database: test.database, serverUrl: () => undefined }));
    const other = await seedWorkspace(test.database, '另一个空间');
    await expect(offline.run({ topic: 'x', wait_minutes: 0 }, { workspaceId: other, runtime: 'local', signal: new AbortController().signal } as never)).rejects.toMatchObject({ code: 'BETTAFISH_NOT_CONFIGURED' });
  });

  it('a workspace connects its own server after BettaFish answers; the server\'s BETTAFISH_URL wins; cloud mode refuses internal addresses', async () => {
    fake = await startFakeBettaFish();
    const own = await seedWorkspace(test.database, '自连空间');
    const reports = new OpinionReports({ database: test.database, serverUrl: () => undefined });
    await expect(reports.connect(own, 'ftp://example.com')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(reports.connect(own, 'http://127.0.0.1:9')).rejects.toMatchObject({ code: 'BETTAFISH_UNREACHABLE' });
    expect(await reports.connection(own)).toBeUndefined();
    expect(await reports.connect(own, `${fake.url}/`)).toEqual({ url: fake.url, source: 'workspace' });
    expect((await reports.start(own, '话题')).stage).toBe('searching');
    expect(await new OpinionReports({ database: test.database, serverUrl: () => 'http://bettafish.internal:5000' }).connection(own)).toEqual({ url: 'http://bettafish.internal:5000', source: 'server' });
    expect(await reports.connect(own, null)).toBeUndefined();
    const guard = egressGuardFor('cloud');
    const cloud = new OpinionReports({ database: test.database, serverUrl: () => undefined, userHttp: { fetch: guard.asFetch() } });
    await expect(cloud.connect(own, fake.url)).rejects.toMatchObject({ code: 'FETCH_BLOCKED_HOST' });
  });
});
