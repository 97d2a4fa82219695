import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

const shot = (s: number, n: number) => ({ scene: `镜头${n}`, durationSeconds: s, visuals: '手机屏幕特写', voiceOver: `第${n}句口播`, onScreenText: '重点', musicCue: '轻快' });

let fake: FakeLlm;
let server: TestServer;

beforeAll(async () => {
  fake = await startFakeLlm({
    rules: [
      { match: '短视频编导', reply: { json: { title: '一分钟学会记账', hook: '月光族看过来', cta: '关注我', shots: [10, 10, 10, 10, 10, 10].map((s, i) => shot(s, i + 1)) } } },
      { match: '为文章写 5 个标题', reply: { json: { titles: [{ title: '3 个记账技巧，月底不再吃土', angle: '数字' }] } } },
    ],
  });
  server = await createTestServer({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' } });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

async function api(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
  return res.json() as Record<string, unknown>;
}

async function waitFor(id: string, statuses: string[]): Promise<Record<string, unknown>> {
  const start = Date.now();
  for (;;) {
    const run = await api('GET', `/api/runs/${id}`);
    if (statuses.includes(run.status as string)) return run;
    if (Date.now() - start > 40_000) throw new Error(`run stayed ${String(run.status)}: ${JSON.stringify(run.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('video-script graph end to end against the fake LLM upstream', () => {
  it('writes a 60 s shot list, offers scored titles, waits for approval and saves a video_script work', { timeout: 90_000 }, async () => {
    const started = await api('POST', '/api/runs', { graph: 'video-script', inputs: { topic: '月光族如何开始记账', format: '60s', platform: 'douyin' } });
    const id = started.id as string;
    const waiting = await waitFor(id, ['waiting', 'failed']);
    expect(waiting.status, JSON.stringify(waiting.error)).toBe('waiting');
    await api('POST', `/api/runs/${id}/resume`, { data: { approved: true, title: '3 个记账技巧，月底不再吃土' } });
    const done = await waitFor(id, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const output = done.output as { work_id: string; title: string; total_seconds: number };
    expect(output).toMatchObject({ title: '3 个记账技巧，月底不再吃土', total_seconds: 60 });
    const work = await api('GET', `/api/works/${output.work_id}`);
    expect(work).toMatchObject({ kind: 'video_script', platforms: ['douyin'] });
    expect(work.body).toContain('| 2 | 镜头2 | 00:10 | 10 |');
  });
});
