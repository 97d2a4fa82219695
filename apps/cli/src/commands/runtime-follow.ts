import type { RunEvent } from '@creatorflow/core';
import type { ApiClient } from '../api-client.ts';

export const EXIT_SUCCESS = 0;
export const EXIT_FAILED = 1;
export const EXIT_WAITING = 3;

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
}

/**
 * Follows a run's events until it completes, fails, is cancelled or waits for
 * a human; prints live progress (node, streamed text, cost) or NDJSON.
 * Returns the exit code: 0 completed, 1 failed/cancelled, 3 waiting.
 */
export async function followRun(client: ApiClient, runId: string, after: number, options: FollowOptions): Promise<number> {
  const response = await client.fetch(`/api/runs/${runId}/events?after=${after}`, { headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`cannot follow run ${runId}: HTTP ${response.status} ${await response.text()}`);
  let streaming = false;
  const line = (text: string) => {
    if (streaming) options.out.write('\n');
    streaming = false;
    options.out.write(`${text}\n`);
  };
  for await (const event of readSse(response.body)) {
    if (options.json) options.out.write(`${JSON.stringify(event)}\n`);
    else render(event);
    if (event.type === 'run_completed') return EXIT_SUCCESS;
    if (event.type === 'run_failed' || event.type === 'run_cancelled') return EXIT_FAILED;
    if (event.type === 'human_required') {
      if (!options.json) line(`  → creatorflow resume ${runId} --data '{…}'   (request ${String(event.data.request_id)})`);
      return EXIT_WAITING;
    }
  }
  return EXIT_FAILED;

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

const fmt = (value: unknown) => (Math.round(Number(value ?? 0) * 1000) / 1000).toString();
