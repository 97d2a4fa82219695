import { CreatorFlowError, TERMINAL_EVENT_TYPES, type RunEvent } from '@creatorflow/core';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { z } from 'zod';
import type { ApiClient } from '../api-client.ts';
import { readSse } from '../commands/runtime-follow.ts';
import { SIDECAR_METHODS, SIDECAR_VERSION } from './methods.ts';

/** JSON-RPC error codes: -32602 for bad params (spec), -32000 for CreatorFlow errors, with `data.code` the stable code. */
const INVALID_PARAMS = -32602;
const SERVER_ERROR = -32000;

const runStartParams = z.object({
  graph: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  inputs: z.record(z.string(), z.unknown()).default({}),
  /** Send `run.event` notifications for this run (default true). */
  follow: z.boolean().default(true),
  budget: z.record(z.string(), z.number()).optional(),
});
const runIdParams = z.object({ run_id: z.string().min(1) });
const runResumeParams = runIdParams.extend({ data: z.unknown(), request_id: z.string().optional(), follow: z.boolean().default(true) });
const validateParams = z.object({ source: z.string().min(1), file: z.string().optional() });
const toolCallParams = z.object({ name: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) });

export interface SidecarOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  client: ApiClient;
  version: string;
}

/**
 * `creatorflow sidecar`: JSON-RPC 2.0 over stdio for desktop shells (docs/sidecar.md).
 * Every method goes through the same HTTP API the web app uses (the running local
 * server, or a private one this process starts), so a shell sees exactly what the
 * web app sees. Resolves when the shell closes stdin (or calls `shutdown`).
 */
export async function serveSidecar(options: SidecarOptions): Promise<void> {
  const connection = createMessageConnection(new StreamMessageReader(options.input), new StreamMessageWriter(options.output));
  const following = new Map<string, AbortController>();
  const { client } = options;

  const handle = <P extends z.ZodType, R>(method: string, params: P | undefined, fn: (p: z.output<P>) => Promise<R>) =>
    connection.onRequest(method, async (raw: unknown) => {
      const parsed = params ? params.safeParse(raw ?? {}) : { success: true as const, data: undefined };
      if (!parsed.success) {
        throw new ResponseError(INVALID_PARAMS, `invalid params for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
      }
      try {
        return await fn(parsed.data as z.output<P>);
      } catch (error) {
        throw toResponseError(error);
      }
    });

  /** Streams a run's events as `run.event` notifications until it ends; one follower per run. */
  const follow = (runId: string, after: number) => {
    if (following.has(runId)) return;
    const controller = new AbortController();
    following.set(runId, controller);
    void (async () => {
      let last = after;
      try {
        for (let attempt = 0; attempt < 6 && !controller.signal.aborted; attempt++) {
          const response = await client.fetch(`/api/runs/${runId}/events?after=${last}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
          if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
          for await (const event of readSse(response.body)) {
            last = event.seq;
            attempt = 0;
            await connection.sendNotification('run.event', { run_id: runId, event });
            if (isTerminal(event)) return;
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) await connection.sendNotification('run.stream_error', { run_id: runId, message: (error as Error).message }).catch(() => undefined);
      } finally {
        following.delete(runId);
      }
    })();
  };

  handle('health', undefined, async () => ({ ...(await client.request<Record<string, unknown>>('GET', '/api/health')), sidecar: SIDECAR_VERSION, version: options.version, methods: SIDECAR_METHODS }));
  handle('graphs.list', undefined, async () => client.request('GET', '/api/graphs'));
  handle('graphs.validate', validateParams, async (p) => client.request('POST', '/api/graphs/validate', p));
  handle('run.start', runStartParams, async (p) => {
    if (!p.graph === !p.source) throw new ResponseError(INVALID_PARAMS, 'run.start needs exactly one of graph (a name) or source (YAML)');
    const run = await client.request<{ id: string }>('POST', '/api/runs', {
      ...(p.graph ? { graph: p.graph } : { source: p.source }),
      inputs: p.inputs,
      client: 'sidecar',
      ...(p.budget ? { budget: p.budget } : {}),
    });
    if (p.follow) follow(run.id, 0);
    return run;
  });
  handle('run.get', runIdParams, async (p) => client.request('GET', `/api/runs/${encodeURIComponent(p.run_id)}`));
  handle('run.resume', runResumeParams, async (p) => {
    const result = await client.request<{ run: { last_seq?: number } }>('POST', `/api/runs/${encodeURIComponent(p.run_id)}/resume`, { data: p.data, ...(p.request_id ? { request_id: p.request_id } : {}) });
    // A follower still open from run.start carries the rest; otherwise start one from where the run is now.
    if (p.follow) follow(p.run_id, 0);
    return result;
  });
  handle('run.cancel', runIdParams, async (p) => client.request('POST', `/api/runs/${encodeURIComponent(p.run_id)}/cancel`));
  handle('tools.list', undefined, async () => client.request('GET', '/api/tools'));
  handle('tools.call', toolCallParams, async (p) => client.request('POST', `/api/tools/${encodeURIComponent(p.name)}/call`, { args: p.args }));

  const closed = new Promise<void>((resolve) => {
    connection.onClose(() => resolve());
    options.input.on('end', () => resolve());
  });
  handle('shutdown', undefined, async () => {
    setImmediate(() => connection.end());
    return { ok: true };
  });
  connection.listen();
  await closed;
  for (const controller of following.values()) controller.abort();
  connection.dispose();
}

function isTerminal(event: RunEvent): boolean {
  return TERMINAL_EVENT_TYPES.has(event.type);
}

function toResponseError(error: unknown): ResponseError<{ code: string; status?: number }> {
  if (error instanceof ResponseError) return error;
  if (error instanceof CreatorFlowError) return new ResponseError(SERVER_ERROR, error.message, { code: error.code, status: error.status });
  return new ResponseError(SERVER_ERROR, error instanceof Error ? error.message : String(error), { code: 'INTERNAL' });
}
