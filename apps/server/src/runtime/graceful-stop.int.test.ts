import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplate } from '@creatorflow/testing';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { buildApp } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';
import { createLogger, loadConfig } from '@creatorflow/runtime';
import { TEST_ENV } from '../testing/harness.ts';

/**
 * Stopping a local server (Ctrl-C on `npm start`) in the middle of a run must
 * leave the run resumable: the run is interrupted at a checkpoint while the
 * database, the LLM layer and the event bus are still open, and the next start
 * continues it without redoing finished nodes.
 */
describe('graceful stop in the middle of a run', () => {
  let fake: FakeLlm;
  let home: string;
  beforeAll(async () => {
    fake = await startFakeLlm({
      rules: [
        { match: '生成大纲', reply: { text: '## 一\n## 二' } },
        { match: '撰写正文', reply: { chunks: ['正文', '很长'], delayMs: 4_000 }, times: 1 },
        { match: '撰写正文', reply: { chunks: ['# 标题\n\n', '正文。'] } },
        { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
        { match: '标题候选', reply: { json: { titles: ['标题一', '标题二', '标题三'] } } },
      ],
    });
    home = mkdtempSync(join(tmpdir(), 'cf-stop-'));
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function open(): Promise<{ ctx: AppContext; call: (method: 'GET' | 'POST', url: string, payload?: object) => Promise<Record<string, unknown>> }> {
    const config = loadConfig(
      { mode: 'local', home, port: 0 },
      { ...TEST_ENV, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' },
    );
    const ctx = await createContext(config, { logger: createLogger('silent'), pgliteTemplate: await pgliteTemplate() });
    const app = await buildApp(ctx);
    await app.ready();
    ctx.onClose(() => app.close());
    const headers = { authorization: `Bearer ${ctx.local!.token}`, host: '127.0.0.1' };
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
      (await app.inject({ method, url, headers, ...(payload ? { payload } : {}) })).json() as Record<string, unknown>;
    return { ctx, call };
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('interrupts the run at a checkpoint, keeps its usage, and the next start finishes it without redoing a node', async () => {
    const first = await open();
    const { id } = (await first.call('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '骑行' } })) as { id: string };
    await until('the draft call to reach the model', async () => (fake.requests.some((r) => r.prompt.includes('撰写正文')) ? true : undefined));
    await first.ctx.close();

    const outlineCalls = fake.requests.filter((r) => r.prompt.includes('生成大纲')).length;
    expect(outlineCalls).toBe(1);

    const second = await open();
    try {
      const run = await until('the run to wait for approval again', async () => {
        const r = await second.call('GET', `/api/runs/${id}`);
        if (r.status === 'failed') throw new Error(`run failed after restart: ${JSON.stringify(r.error)}`);
        return r.status === 'waiting' ? r : undefined;
      });
      expect(run).toMatchObject({ status: 'waiting' });
      // The outline finished before the stop: it is not asked for again.
      expect(fake.requests.filter((r) => r.prompt.includes('生成大纲')).length).toBe(outlineCalls);
      await second.ctx.llm.usage.flush();
      const usage = await second.ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM llm_usage WHERE run_id = $1 AND status = 'ok'`, [id]);
      // outline before the stop; draft, review and titles after it.
      expect(usage[0]!.n).toBeGreaterThanOrEqual(4);
      const events = (await second.call('GET', `/api/runs/${id}/events?format=json`)).items as Array<{ seq: number; type: string; node: string | null }>;
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((e) => e.type === 'node_completed' && e.node === 'outline')).toHaveLength(1);
    } finally {
      await second.ctx.close();
    }
  });
});
