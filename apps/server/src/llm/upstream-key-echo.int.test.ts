import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretRedactor } from '@creatorflow/core';
import { createLogger } from '@creatorflow/runtime';
import { startFakeLlm, type FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { createTestServer, type TestServer } from '../testing/harness.ts';

// Issue 17 item 5: an upstream that echoes the API key in its error body must not
// get the key into runs.error, run events, logs or API answers.
// Not sk-shaped on purpose: the key must be caught because the process knows it, not by its look.
const KEY = `cfprov${randomBytes(16).toString('hex')}`;
const lines: string[] = [];
let fake: FakeLlm;
let server: TestServer;

async function api(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  const response = await server.app.inject({ method, url, payload: payload as object, headers: server.localHeaders });
  return { status: response.statusCode, text: response.body, body: response.json() as Record<string, unknown> };
}

beforeAll(async () => {
  fake = await startFakeLlm({ echoKey: true });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  server = await createTestServer({
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' },
    logger: createLogger('debug', sink),
  });
  // A worker that never saw the key at start-up learns it when it opens the stored copy.
  secretRedactor.forget(KEY);
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('an upstream that echoes the API key', () => {
  it('really echoes it (the fake is hostile)', async () => {
    fake.script('gpt-4o-mini', [{ error: { status: 400, message: 'invalid request' } }]);
    const response = await fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }) });
    expect(await response.text()).toContain(KEY);
  });

  it('keeps the key out of the failed run, its events, the API and the logs', async () => {
    fake.script('gpt-4o-mini', [{ error: { status: 400, message: 'invalid request' } }]);
    const started = await api('POST', '/api/runs', { source: 'version: 1\nname: echo\nstart: a\nnodes:\n  a: { type: llm, prompt: hi, output: x }\n' });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    let run = await api('GET', `/api/runs/${id}`);
    for (let i = 0; i < 400 && !['failed', 'completed'].includes(run.body.status as string); i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = await api('GET', `/api/runs/${id}`);
    }
    expect(run.body.status).toBe('failed');
    expect(fake.requests.at(-1)?.response).toContain(KEY);
    expect(run.text).not.toContain(KEY);
    expect(run.text).toContain('[redacted]');
    const events = await api('GET', `/api/runs/${id}/events?format=json`);
    expect(events.text).toContain('run_failed');
    expect(events.text).not.toContain(KEY);
    const rows = await server.ctx.database.query<{ dump: string }>(
      `SELECT (SELECT coalesce(string_agg(r::text, ''), '') FROM runs r WHERE r.id = $1) || (SELECT coalesce(string_agg(e::text, ''), '') FROM run_events e WHERE e.run_id = $1) || (SELECT coalesce(string_agg(j.last_error, ''), '') FROM jobs j) AS dump`,
      [id],
    );
    expect(rows[0]!.dump.length).toBeGreaterThan(0);
    expect(rows[0]!.dump).not.toContain(KEY);
    expect(lines.join('')).not.toContain(KEY);
  });

  it('keeps the key out of “test connection”', async () => {
    await fake.close();
    fake = await startFakeLlm({ echoKey: true, apiKey: 'another-key-entirely' });
    await api('PATCH', '/api/llm/providers/openai', { base_url: `${fake.url}/v1`, api_key: KEY });
    secretRedactor.forget(KEY);
    const tested = await api('POST', '/api/llm/providers/openai/test');
    expect(tested.body.ok).toBe(false);
    expect(fake.requests.at(-1)?.response).toContain(KEY);
    expect(tested.text).not.toContain(KEY);
    expect(lines.join('')).not.toContain(KEY);
  });
});
