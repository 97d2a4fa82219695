import { Writable } from 'node:stream';
import { pgliteTemplate } from '@creatorflow/testing';
import { buildApp } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';
import { createLogger, loadConfig } from '@creatorflow/runtime';
import type { App } from '../http/types.ts';
import type { PublishOverrides } from '../publish/runtime.ts';
import type { PublishJob } from '@creatorflow/publish';

export interface PublishTestServer {
  ctx: AppContext;
  app: App;
  headers: Record<string, string>;
  /** Every log line written, at trace level (credential scans). */
  logs: string[];
  api<T = Record<string, unknown>>(method: string, url: string, payload?: unknown): Promise<{ status: number; body: T; raw: string }>;
  waitForJob(id: string, statuses: string[], timeoutMs?: number): Promise<PublishJob>;
  close(): Promise<void>;
}

/** A local-mode server on a given home (so a test can stop it and start another on the same data). */
export async function openPublishServer(home: string, overrides: PublishOverrides = {}): Promise<PublishTestServer> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({ mode: 'local', home, port: 0 }, { LOG_LEVEL: 'trace' });
  const ctx = await createContext(config, { logger: createLogger('trace', sink), pgliteTemplate: await pgliteTemplate(), publish: { policy: { retryBackoffMs: 200 }, wechatPollIntervalMs: 20, ...overrides } });
  const app = await buildApp(ctx);
  await app.ready();
  const headers = { authorization: `Bearer ${ctx.local!.token}`, host: '127.0.0.1' };
  const server: PublishTestServer = {
    ctx,
    app,
    headers,
    logs,
    async api(method, url, payload) {
      const res = await app.inject({ method: method as 'GET', url, headers, payload: payload as Record<string, unknown> | undefined });
      return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : {}) as never, raw: res.body };
    },
    async waitForJob(id, statuses, timeoutMs = 120_000) {
      const rt = ctx.publish;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await rt.repo.get(id);
        if (job && statuses.includes(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`job ${id} is ${job?.status} (${job?.errorCode}: ${job?.errorMessage}), expected ${statuses.join('|')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await app.close();
      await ctx.close();
    },
  };
  return server;
}
