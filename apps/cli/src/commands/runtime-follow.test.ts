import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '@creatorflow/core';
import { openClient } from '../api-client.ts';
import { EXIT_SUCCESS, EXIT_WAITING, followRun } from './runtime-follow.ts';

const RUN = 'run-00000000-0000-7000-8000-000000000001';
const event = (seq: number, type: RunEvent['type'], data: Record<string, unknown> = {}): RunEvent => ({
  run_id: RUN,
  trace_id: 'tr-x',
  span_id: 'sp-x',
  seq,
  type,
  node: type.startsWith('run_') ? null : 'a',
  ts: new Date(0).toISOString(),
  data,
});
const sse = (e: RunEvent) => `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

/** A stand-in for the runs API: each SSE connection is handled by the next script entry. */
async function fakeApi(run: { status: string; last_seq: number }, log: RunEvent[], connections: Array<(res: ServerResponse, after: number) => void>) {
  const afters: number[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === `/api/runs/${RUN}`) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(run));
    if (url.searchParams.get('format') === 'json') {
      const after = Number(url.searchParams.get('after'));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: log.filter((e) => e.seq > after).slice(0, 1) }));
    }
    const after = Number(url.searchParams.get('after'));
    afters.push(after);
    const next = connections.shift();
    if (!next) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    next(res, after);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = await openClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't' });
  return { server, client, afters };
}

describe('followRun', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });
  const follow = async (api: Awaited<ReturnType<typeof fakeApi>>, after: number, json = true) => {
    servers.push(api.server);
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const code = await followRun(api.client, RUN, after, { json, out, err: new PassThrough(), retryDelayMs: 1 });
    return { code, text };
  };

  it('picks a dropped stream up from the last event it printed, printing each event once', async () => {
    const log = [event(1, 'run_started'), event(2, 'node_started'), event(3, 'message_delta', { text: 'hi' }), event(4, 'run_completed', { output: 'hi' })];
    const api = await fakeApi({ status: 'running', last_seq: 2 }, log, [
      (res) => {
        // A proxy cutting the connection mid-run, once the first two events are out.
        res.write(sse(log[0]!) + sse(log[1]!), () => res.socket!.destroy());
      },
      (res, after) => {
        for (const e of log.slice(Math.max(0, after - 1))) res.write(sse(e));
        res.end();
      },
    ]);
    const { code, text } = await follow(api, 0);
    expect(code).toBe(EXIT_SUCCESS);
    expect(text.trim().split('\n').map((l) => (JSON.parse(l) as RunEvent).seq)).toEqual([1, 2, 3, 4]);
    expect(api.afters).toEqual([0, 2]);
  });

  it('reports a run that had already finished when the stream opened (a replayed resume) by its terminal event', async () => {
    const log = [event(1, 'run_started'), event(2, 'human_required'), event(3, 'human_responded'), event(4, 'run_completed', { output: { ok: true } })];
    const api = await fakeApi({ status: 'completed', last_seq: 4 }, log, [(res) => res.end()]);
    const { code, text } = await follow(api, 4, false);
    expect(code).toBe(EXIT_SUCCESS);
    expect(text).toBe('✔ completed\n{\n  "ok": true\n}\n');
  });

  it('still stops at a human request after a reconnect', async () => {
    const log = [event(1, 'run_started'), event(2, 'human_required', { request_id: 'ask#1', message: 'ok?' })];
    const api = await fakeApi({ status: 'running', last_seq: 1 }, log, [(res) => res.end(sse(log[0]!)), (res) => res.end(sse(log[0]!) + sse(log[1]!))]);
    const { code, text } = await follow(api, 0);
    expect(code).toBe(EXIT_WAITING);
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('gives up with a clear error when the server stays away', async () => {
    const api = await fakeApi({ status: 'running', last_seq: 0 }, [], []);
    await expect(follow(api, 0)).rejects.toMatchObject({ code: 'RUN_FOLLOW_LOST', message: expect.stringContaining(`creatorflow runs show ${RUN}`) });
  });

  it('fails at once when the run does not exist', async () => {
    const api = await fakeApi({ status: 'running', last_seq: 0 }, [], []);
    servers.push(api.server);
    api.server.removeAllListeners('request');
    api.server.on('request', (_req, res: ServerResponse) =>
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ code: 'NOT_FOUND', detail: `Run '${RUN}' was not found` })),
    );
    await expect(followRun(api.client, RUN, 0, { json: true, out: new PassThrough(), err: new PassThrough(), retryDelayMs: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
