import { CreatorFlowError, TERMINAL_EVENT_TYPES, type RunEvent } from '@creatorflow/core';
import { problemToError, type ApiClient } from '../api-client.ts';

export const EXIT_SUCCESS = 0;
export const EXIT_FAILED = 1;
export const EXIT_WAITING = 3;
/** The user stopped following (Ctrl-C); the run itself was not cancelled. */
export const EXIT_INTERRUPTED = 130;

/** Parses an SSE byte stream into events (`id`/`event`/`data` lines, blank line ends one). */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<RunEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield JSON.parse(data) as RunEvent;
    }
  }
}

export interface FollowOptions {
  json: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** First wait before reconnecting a dropped event stream (doubles each time; default 250 ms). */
  retryDelayMs?: number;
  /** Reconnects in a row without a new event before giving up (default 6). */
  maxRetries?: number;
  /** Stops following (Ctrl-C): resolves EXIT_INTERRUPTED after saying how to pick the run up again. */
  signal?: AbortSignal;
}

const TERMINAL_STATUS: Record<string, number> = { completed: EXIT_SUCCESS, failed: EXIT_FAILED, cancelled: EXIT_FAILED };

/**
 * Follows a run's events until it completes, fails, is cancelled or waits for
 * a human; prints live progress (node, streamed text, cost) or NDJSON.
 * Returns the exit code: 0 completed, 1 failed/cancelled, 3 waiting.
 *
 * A stream that ends early (a proxy cut it, the server restarted) is resumed
 * from the last seq seen, so every event is printed once; a run that had
 * already ended when the stream opened (a replayed `resume`) is reported from
 * its terminal event instead of looking like a failure.
 */
export async function followRun(client: ApiClient, runId: string, after: number, options: FollowOptions): Promise<number> {
  let streaming = false;
  const line = (text: string) => {
    if (streaming) options.out.write('\n');
    streaming = false;
    options.out.write(`${text}\n`);
  };
  let last = after;
  let misses = 0;
  let reason = '';
  const { signal } = options;
  const interrupted = () => {
    if (streaming) options.out.write('\n');
    streaming = false;
    options.err.write(
      `stopped following ${runId}; the run was not cancelled and goes on in the runtime (or at the next creatorflow command on this home when none is running).\n` +
        `  status: creatorflow runs show ${runId}    cancel: creatorflow runs cancel ${runId}    quit now: Ctrl-C again\n`,
    );
    return EXIT_INTERRUPTED;
  };
  for (;;) {
    const before = last;
    if (signal?.aborted) return interrupted();
    try {
      const response = await client.fetch(`/api/runs/${runId}/events?after=${last}`, { headers: { accept: 'text/event-stream' }, signal });
      if (!response.ok || !response.body) {
        const text = await response.text();
        // The server answered: no such run, no access… Retrying will not change that.
        if (response.status < 500) throw problemToError(response.status, safeJson(text), text);
        reason = `HTTP ${response.status}`;
      } else {
        for await (const event of readSse(response.body)) {
          const code = show(event);
          if (code !== undefined) return code;
        }
        reason = 'the event stream ended';
      }
    } catch (error) {
      if (signal?.aborted) return interrupted();
      if (CreatorFlowError.isInstance(error)) throw error;
      reason = (error as Error).message;
    }
    // The stream ended before the run did, or dropped: ask where the run stands.
    const run = await client.request<{ status: string; last_seq: number }>('GET', `/api/runs/${runId}`).catch(() => undefined);
    if (run && run.status in TERMINAL_STATUS && run.last_seq <= last) {
      const page = await client.request<{ items: RunEvent[] }>('GET', `/api/runs/${runId}/events?format=json&after=${Math.max(0, run.last_seq - 1)}&limit=1`);
      const terminal = page.items.find((e) => TERMINAL_EVENT_TYPES.has(e.type));
      if (terminal) {
        last = terminal.seq - 1;
        return show(terminal) ?? TERMINAL_STATUS[run.status]!;
      }
      return TERMINAL_STATUS[run.status]!;
    }
    misses = last > before ? 0 : misses + 1;
    if (misses > (options.maxRetries ?? 6)) {
      throw new CreatorFlowError('RUN_FOLLOW_LOST', `lost the events of run ${runId} (${reason}); the run itself goes on — see \`creatorflow runs show ${runId}\``, { status: 503 });
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min((options.retryDelayMs ?? 250) * 2 ** misses, 5000));
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    });
  }

  /** Prints one event (once, whatever reconnects replay) and says whether following ends here. */
  function show(event: RunEvent): number | undefined {
    if (event.seq <= last) return undefined;
    last = event.seq;
    if (options.json) options.out.write(`${JSON.stringify(event)}\n`);
    else render(event);
    if (event.type === 'run_completed') return EXIT_SUCCESS;
    if (event.type === 'run_failed' || event.type === 'run_cancelled') return EXIT_FAILED;
    if (event.type === 'human_required') {
      if (!options.json) line(`  → creatorflow resume ${runId} --data '{…}'   (request ${String(event.data.request_id)})`);
      return EXIT_WAITING;
    }
    return undefined;
  }

  function render(event: RunEvent): void {
    const d = event.data;
    switch (event.type) {
      case 'run_started':
        return line(`▶ run ${event.run_id} (${String(d.graph)})  trace ${event.trace_id}`);
      case 'node_started':
        return line(`● ${event.node} [${String(d.type)}]`);
      case 'message_delta':
        streaming = true;
        options.out.write(String(d.text ?? ''));
        return;
      case 'node_completed':
        return line(`✓ ${event.node}${d.next ? ` → ${String(d.next)}` : ''}`);
      case 'node_failed':
        return line(`✗ ${event.node}: [${String(d.code)}] ${String(d.message)}${d.retry_in_ms ? ` (retrying in ${String(d.retry_in_ms)} ms)` : d.handled ? ` (handled: ${String(d.handled)})` : ''}`);
      case 'tool_called':
        return line(`  ⚙ ${String(d.tool)}`);
      case 'tool_result':
        return d.ok ? undefined : line(`  ⚙ ${String(d.tool)} failed: ${String(d.error)}`);
      case 'cost_update':
        return line(`  ¢ ${String(d.model)} ${String(d.input_tokens)}+${String(d.output_tokens)} tokens, ${fmt(d.cost_cents)}¢ (total ${fmt(d.total_cost_cents)}¢)`);
      case 'budget_warning':
        return line(`  ⚠ budget: ${String(d.kind)} at ${Math.round(Number(d.ratio ?? 0) * 100)}% (${String(d.used ?? '')}/${String(d.limit ?? '')})`);
      case 'human_required':
        line(`⏸ ${event.node} waits for you:\n${String(d.message)}`);
        return line(`  form: ${JSON.stringify(d.form)}`);
      case 'human_responded':
        return line(`▶ ${event.node} answered`);
      case 'run_completed':
        return line(`✔ completed\n${JSON.stringify(d.output, null, 2)}`);
      case 'run_failed': {
        const error = d.error as { code?: string; message?: string } | undefined;
        return line(`✘ failed [${error?.code}] ${error?.message}`);
      }
      case 'run_cancelled':
        return line('✘ cancelled');
      default:
        return undefined;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const fmt = (value: unknown) => (Math.round(Number(value ?? 0) * 1000) / 1000).toString();
