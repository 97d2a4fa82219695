import type { FastifyReply, FastifyRequest } from 'fastify';
import { TERMINAL_EVENT_TYPES, type RunEvent } from '@creatorflow/core';
import { RedisBus, type RunService, type RuntimeBus } from '@creatorflow/runtime';

const PAGE = 500;

/**
 * Streams a run's events as SSE: first every persisted event after
 * `Last-Event-ID` (or `?after=`), then the live tail. Live events are held
 * while the replay runs and de-duplicated by seq; a gap in the live stream is
 * filled from the table, so a client sees every seq exactly once, in order.
 * The stream ends after the run's terminal event.
 */
export async function streamRunEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { workspaceId: string; runId: string; after: number; follow: boolean; runs: Pick<RunService, 'events' | 'get'>; bus: RuntimeBus },
): Promise<void> {
  const { workspaceId, runId, runs, bus } = options;
  let after = options.after;
  let closed = false;
  let replaying = true;
  const held: RunEvent[] = [];
  let chain: Promise<void> = Promise.resolve();

  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-trace-id': request.traceId,
  });
  raw.write('retry: 2000\n\n');

  const finish = () => {
    if (closed) return;
    closed = true;
    off();
    clearInterval(heartbeat);
    raw.end();
  };
  const write = (event: RunEvent) => {
    if (closed || event.seq <= after) return;
    after = event.seq;
    raw.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    if (TERMINAL_EVENT_TYPES.has(event.type)) finish();
  };
  const deliver = (event: RunEvent) => {
    chain = chain.then(async () => {
      if (closed || event.seq <= after) return;
      if (event.seq > after + 1) for (const missing of await runs.events(workspaceId, runId, after, event.seq - after - 1)) write(missing);
      write(event);
    }).catch(() => finish());
  };

  const off = options.follow ? bus.subscribe(runId, (event) => (replaying ? held.push(event) : deliver(event))) : () => undefined;
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  request.raw.on('close', finish);
  if (options.follow && bus instanceof RedisBus) await bus.ready(runId);

  for (;;) {
    const page = await runs.events(workspaceId, runId, after, PAGE);
    for (const event of page) write(event);
    if (page.length < PAGE || closed) break;
  }
  replaying = false;
  for (const event of held.sort((a, b) => a.seq - b.seq)) deliver(event);
  await chain;
  if (!options.follow) return finish();
  // A run that ended before we subscribed has nothing more to send.
  const current = await runs.get(workspaceId, runId);
  if (current && ['completed', 'failed', 'cancelled'].includes(current.status) && after >= current.lastSeq) finish();
}
