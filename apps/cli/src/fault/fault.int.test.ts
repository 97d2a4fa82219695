import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '@creatorflow/core';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { cli, waitFor, type CliProcess } from '../testing/cli-process.ts';
import { freePort, startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './private-services.ts';

/**
 * Fault suite (issue 17): a real `creatorflow server` and `creatorflow worker` on a PRIVATE
 * PostgreSQL and a PRIVATE Redis that this test starts, kills and restarts (the shared 5432 /
 * 6379 are never touched). What the design promises, and what is asserted:
 * - a write the API acknowledged (2xx) survives PostgreSQL being killed (-9) and restarted,
 *   Redis being gone, and the API server being killed (-9);
 * - the API recovers by itself once a dependency is back;
 * - a run the API accepted is never lost — the `jobs` row is written before BullMQ hears of it and
 *   a sweep re-offers queued rows, so even a Redis that lost everything is caught up — and it
 *   completes exactly once (one `run_completed`, no finished node run again);
 * - a worker killed (-9) mid-run: its lease runs out and another worker finishes the run from the
 *   checkpoint (the node cut off runs again — at-least-once for the node in flight — the ones
 *   finished before do not).
 * It runs in CI (no skip): a missing PostgreSQL or Redis binary fails with a message naming it.
 */

const NOOP_GRAPH = 'version: 1\nname: fault-noop\nstart: a\nnodes:\n  a: { type: noop, next: b }\n  b: { type: noop }\n';
const SLOW_GRAPH =
  'version: 1\nname: fault-slow\nstart: first\nnodes:\n  first: { type: noop, next: slow }\n  slow:\n    type: llm\n    prompt: FAULT-SLOW\n    output: text\n    next: after\n  after:\n    type: llm\n    prompt: FAULT-QUICK\n    output: more\n';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  contentType: string;
}

describe('fault suite: kill -9 and restarts under load (private PostgreSQL and Redis)', () => {
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let fake: FakeLlm;
  let env: Record<string, string>;
  let base: string;
  let port: number;
  let server: CliProcess | undefined;
  const workers: CliProcess[] = [];
  let token = '';

  const startServer = async () => {
    const s = cli(['server', '--port', String(port), '--host', '127.0.0.1'], env);
    await waitFor(() => s.stdout().includes('listening on') || s.child.exitCode !== null, 'the API server to listen');
    if (s.child.exitCode !== null) throw new Error(`the API server exited: ${s.stderr()}`);
    server = s;
  };
  const startWorker = async () => {
    const w = cli(['worker'], env);
    workers.push(w);
    await waitFor(() => w.stdout().includes('worker started') || w.child.exitCode !== null, 'a worker to start');
    if (w.child.exitCode !== null) throw new Error(`the worker exited: ${w.stderr()}`);
    return w;
  };

  /** One API call; a refused connection or no answer within 30 s is status 0 (a client gives up then). */
  const api = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, contentType: res.headers.get('content-type') ?? '' };
    } catch {
      return { status: 0, body: {}, contentType: '' };
    }
  };
  const events = async (runId: string) => ((await api('GET', `/api/runs/${runId}/events?format=json`)).body.items ?? []) as RunEvent[];
  const types = (list: RunEvent[]) => list.map((e) => `${e.type}${e.node ? `:${e.node}` : ''}`);

  /** Writes ideas and submits runs from three clients at once until `stop()`; records what was acknowledged. */
  function load(tag: string) {
    const ideas: string[] = [];
    const runs: string[] = [];
    const refusals: string[] = [];
    /** Answers that are neither a kept write nor a problem document (a refused connection counts as a refusal). */
    const odd: string[] = [];
    let running = true;
    let n = 0;
    const client = async () => {
      while (running) {
        const i = n++;
        const res = i % 4 === 3 ? await api('POST', '/api/runs', { source: NOOP_GRAPH, client: 'cli' }) : await api('POST', '/api/ideas', { text: `${tag}-${i}` });
        if (res.status >= 200 && res.status < 300) (i % 4 === 3 ? runs : ideas).push(String(res.body.id));
        else {
          // Refused while a dependency is down: a problem document or no connection.
          if (res.status !== 0 && !res.contentType.includes('application/problem+json')) odd.push(`${res.status} ${res.contentType} ${JSON.stringify(res.body).slice(0, 200)}`);
          refusals.push(`${res.status} ${String(res.body.code ?? '')}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const clients = [client(), client(), client()];
    return {
      ideas,
      runs,
      refusals,
      odd,
      acked: () => ideas.length + runs.length,
      async stop() {
        running = false;
        await Promise.all(clients);
      },
    };
  }

  async function expectIdeasKept(ids: string[]) {
    const missing: string[] = [];
    for (const id of ids) if ((await api('GET', `/api/ideas/${id}`)).status !== 200) missing.push(id);
    expect(missing, 'acknowledged ideas lost').toEqual([]);
  }

  /** Every run finishes, exactly once: one run_completed, every node completed once, events numbered without gaps. */
  async function expectRunsCompletedOnce(ids: string[], nodes: string[]) {
    for (const id of ids) {
      await waitFor(async () => (await api('GET', `/api/runs/${id}`)).body.status === 'completed', `run ${id} to complete`, 240_000);
      const all = await events(id);
      expect(all.map((e) => e.seq), id).toEqual(all.map((_, i) => i + 1));
      expect(types(all).filter((t) => t === 'run_completed'), id).toHaveLength(1);
      for (const node of nodes) expect(types(all).filter((t) => t === `node_completed:${node}`), `${id} ${node}`).toHaveLength(1);
    }
  }

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    fake = await startFakeLlm({
      rules: [
        // Slow enough that a worker killed mid-answer is still in it on a loaded machine.
        { match: 'FAULT-SLOW', reply: { chunks: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'], chunkDelayMs: 600 } },
        { match: 'FAULT-QUICK', reply: { chunks: ['好'] } },
      ],
    });
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      LOG_LEVEL: 'warn',
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      CREATORFLOW_JWT_SECRET: 'fault-jwt-secret-0123456789abcdef0123456789',
      CREATORFLOW_SECRET_KEY: 'fault-secret-key-0123456789abcdef0123456789',
      CREATORFLOW_REDIS_PREFIX: `cf-fault-${randomBytes(4).toString('hex')}:`,
      CREATORFLOW_EGRESS_ALLOW: '127.0.0.1,localhost',
      CREATORFLOW_RATE_LIMIT_API: '100000',
      CREATORFLOW_RATE_LIMIT_AUTH: '100000',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      OPENAI_API_KEY: 'sk-fake-fault',
    };
    await startServer();
    await startWorker();
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'fault@example.com', password: 'correct horse battery' }),
    });
    expect(registered.status).toBe(201);
    token = ((await registered.json()) as { access_token: string }).access_token;
  }, 300_000);

  afterAll(async () => {
    for (const p of [server, ...workers]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all([pg?.stop(), redis?.stop(), fake?.close()]);
  });

  it('PostgreSQL killed (-9) and restarted under load: every acknowledged write survives, the API recovers, every accepted run completes once', async () => {
    const traffic = load('pg');
    await waitFor(() => traffic.acked() >= 12, 'writes before the crash');
    await pg.kill();
    const ackedWhileDown = traffic.acked();
    try {
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      await pg.start();
    }
    await waitFor(() => traffic.acked() >= ackedWhileDown + 12, 'writes after PostgreSQL is back', 180_000);
    await traffic.stop();
    expect(traffic.odd).toEqual([]);
    await expectIdeasKept(traffic.ideas);
    await expectRunsCompletedOnce(traffic.runs, ['a', 'b']);
  }, 600_000);

  it('Redis gone for a while (killed, back empty): idea writes keep being acknowledged meanwhile, every accepted run completes once', async () => {
    await redis.kill();
    const traffic = load('redis');
    try {
      // Ideas live in PostgreSQL only: they go on being acknowledged while Redis is gone.
      await waitFor(() => traffic.ideas.length >= 6, 'idea writes while Redis is down', 120_000);
      // Sign-in too (its per-account backoff counts in memory meanwhile): an answer, not a hang.
      const login = await api('POST', '/api/auth/login', { email: 'fault@example.com', password: 'correct horse battery' });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      await redis.start();
    }
    await waitFor(() => traffic.runs.length >= 3, 'runs accepted', 180_000);
    await traffic.stop();
    expect(traffic.odd).toEqual([]);
    await expectIdeasKept(traffic.ideas);
    // Accepted while Redis was gone or after: none is lost, none runs twice.
    await expectRunsCompletedOnce(traffic.runs, ['a', 'b']);
    // Nothing the API knows of is stranded in queued (the sweep re-offered what Redis lost).
    const listed = ((await api('GET', '/api/runs?limit=100')).body.items ?? []) as Array<{ id: string; status: string }>;
    expect(listed.filter((r) => r.status !== 'completed').map((r) => `${r.id} ${r.status}`)).toEqual([]);
  }, 600_000);

  it('the API server killed (-9) under load and started again: every acknowledged write survives, accepted runs complete once', async () => {
    const traffic = load('server');
    await waitFor(() => traffic.acked() >= 12, 'writes before the crash');
    server!.child.kill('SIGKILL');
    await server!.done;
    const before = traffic.acked();
    await startServer();
    await waitFor(() => traffic.acked() >= before + 12, 'writes after the restart', 180_000);
    await traffic.stop();
    expect(traffic.odd).toEqual([]);
    await expectIdeasKept(traffic.ideas);
    await expectRunsCompletedOnce(traffic.runs, ['a', 'b']);
  }, 600_000);

  it('a worker killed (-9) mid-run: another worker finishes it from the checkpoint; finished nodes do not run again', async () => {
    const created = await api('POST', '/api/runs', { source: SLOW_GRAPH, client: 'cli' });
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
    const id = String(created.body.id);
    await waitFor(async () => (await events(id)).some((e) => e.type === 'message_delta'), 'the worker to stream the slow node');
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.done));
    expect((await api('GET', `/api/runs/${id}`)).body.status).toMatch(/^(running|queued)$/);
    await startWorker();
    // The dead worker's lease runs out (30 s), the run is offered again and finished.
    await waitFor(async () => (await api('GET', `/api/runs/${id}`)).body.status === 'completed', 'the new worker to finish the run', 240_000);
    const all = await events(id);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(types(all).filter((t) => t === 'node_completed:first')).toHaveLength(1);
    expect(types(all).filter((t) => t === 'node_completed:slow')).toHaveLength(1);
    expect(types(all).filter((t) => t === 'node_started:slow').length).toBeGreaterThanOrEqual(2);
    expect(types(all).filter((t) => t === 'run_completed')).toHaveLength(1);
    expect(all.at(-1)!.data.output).toEqual({ text: '一二三四五六七八九十', more: '好' });
  }, 600_000);
});
