import type { ChildProcess } from 'node:child_process';
import { percentile, runLoad, type LoadResult } from './load.ts';
import { chatBody, startServers } from './processes.ts';

/**
 * Gateway benchmark: the same requests straight to the fake upstream and through
 * the CreatorFlow gateway, measured in the same run. Prints added latency
 * (p50/p99 of time to last byte), throughput ratio, and the gateway's memory
 * over a long run. Usage: `npx tsx bench/gateway/run.ts` (BENCH_SCALE=0.2 for a quick run; BENCH_UPSTREAM_MS=200 for an upstream that takes 200 ms to its first byte, like a real model; BENCH_CLIENTS=50,200 for some rows only).
 */
const scale = Number(process.env.BENCH_SCALE ?? 1);
// BENCH_CLIENTS=50,200 runs only those rows (the 1-client rows take minutes against a slow upstream).
const clientCounts = (process.env.BENCH_CLIENTS ?? '1,50,200').split(',').map(Number);
const memoryRequests = Math.round(Number(process.env.BENCH_MEMORY_REQUESTS ?? 100_000) * scale);

function ask(child: ChildProcess, type: string): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const onMessage = (m: Record<string, number> & { type?: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send({ type });
  });
}

const servers = await startServers(['--expose-gc', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/cf-bench-prof'] : [])]);
const { fake, gateway, bare } = servers;
const json = { 'content-type': 'application/json' };
const viaGateway = { ...json, authorization: `Bearer ${gateway.info.key}` };

const rows: string[] = [];
const fmt = (n: number, d = 2) => n.toFixed(d);
for (const stream of [false, true]) {
  for (const concurrency of clientCounts) {
    const count = Math.max(200, Math.round((concurrency === 1 ? 2000 : 10_000) * scale));
    await runLoad(fake.info.url!, '/v1/chat/completions', json, chatBody(stream, 'gpt-4o-mini'), Math.min(500, count), concurrency);
    await runLoad(gateway.info.url!, '/v1/chat/completions', viaGateway, chatBody(stream, 'bench'), Math.min(500, count), concurrency);
    await runLoad(bare.info.url!, '/v1/chat/completions', json, chatBody(stream, 'gpt-4o-mini'), Math.min(500, count), concurrency);
    // Alternate them a few times so drift in machine load hits all alike.
    const direct: LoadResult[] = [];
    const gw: LoadResult[] = [];
    const proxied: LoadResult[] = [];
    for (let round = 0; round < 2; round++) {
      direct.push(await runLoad(fake.info.url!, '/v1/chat/completions', json, chatBody(stream, 'gpt-4o-mini'), count / 2, concurrency));
      gw.push(await runLoad(gateway.info.url!, '/v1/chat/completions', viaGateway, chatBody(stream, 'bench'), count / 2, concurrency));
      proxied.push(await runLoad(bare.info.url!, '/v1/chat/completions', json, chatBody(stream, 'gpt-4o-mini'), count / 2, concurrency));
      fake.child.send({ type: 'reset' });
    }
    const merge = (rs: LoadResult[]) => {
      const all = Float64Array.from(rs.flatMap((r) => [...r.latencies])).sort();
      return { latencies: all, rps: rs.reduce((s, r) => s + r.count, 0) / rs.reduce((s, r) => s + r.seconds, 0), errors: rs.reduce((s, r) => s + r.errors, 0) };
    };
    const d = merge(direct);
    const g = merge(gw);
    const b = merge(proxied);
    const row = [
      stream ? 'stream' : 'non-stream',
      String(concurrency),
      String(count),
      fmt(percentile(d.latencies, 50)),
      fmt(percentile(g.latencies, 50)),
      fmt(percentile(g.latencies, 50) - percentile(d.latencies, 50)),
      fmt(percentile(d.latencies, 99)),
      fmt(percentile(g.latencies, 99)),
      fmt(percentile(g.latencies, 99) - percentile(d.latencies, 99)),
      fmt(d.rps, 0),
      fmt(g.rps, 0),
      `${fmt((g.rps / d.rps) * 100, 1)} %`,
      fmt(percentile(b.latencies, 50) - percentile(d.latencies, 50)),
      fmt(b.rps, 0),
      `${fmt((g.rps / b.rps) * 100, 1)} %`,
      String(d.errors + g.errors + b.errors),
    ];
    rows.push(`| ${row.join(' | ')} |`);
    process.stdout.write(`${rows.at(-1)}\n`);
  }
}

process.stdout.write(`\nmemory over ${memoryRequests} gateway requests (non-stream, 50 concurrent):\n`);
const memory: string[] = [];
const step = Math.max(1000, Math.round(memoryRequests / 10));
const before = await ask(gateway.child, 'memory');
memory.push(`| 0 | ${fmt(before.rss! / 2 ** 20, 1)} | ${fmt(before.heapUsed! / 2 ** 20, 1)} |`);
for (let done = 0; done < memoryRequests; done += step) {
  const result = await runLoad(gateway.info.url!, '/v1/chat/completions', viaGateway, chatBody(false, 'bench'), Math.min(step, memoryRequests - done), 50);
  fake.child.send({ type: 'reset' });
  const m = await ask(gateway.child, 'memory');
  memory.push(`| ${done + result.count} | ${fmt(m.rss! / 2 ** 20, 1)} | ${fmt(m.heapUsed! / 2 ** 20, 1)} |`);
  process.stdout.write(`${memory.at(-1)}\n`);
}

process.stdout.write(
  [
    '',
    '| mode | clients | requests | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms | added p99 ms | direct req/s | gateway req/s | throughput | bare proxy added p50 ms | bare proxy req/s | gateway vs bare proxy | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '| requests done | gateway RSS MiB | heap after GC MiB |',
    '|---|---|---|',
    ...memory,
    '',
  ].join('\n'),
);
servers.stop();
