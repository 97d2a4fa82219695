import { readFileSync } from 'node:fs';
import { runLoad } from './load.ts';
import { chatBody, startServers, type BenchChild } from './processes.ts';

/**
 * CPU time per request, read from /proc for each process: the gateway against the bare
 * proxy (the least any Node proxy does), same fake upstream, same load, same run.
 * Unlike requests per second on a shared 2-core machine, this does not depend on how
 * the three processes share the cores. Linux only.
 * Usage: `npx tsx bench/gateway/cpu.ts` (BENCH_MODE=cloud as in run.ts; BENCH_REQUESTS=10000).
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 10_000);

/** User + system CPU of a process so far, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const servers = await startServers();
const { fake, gateway, bare } = servers;
const json = { 'content-type': 'application/json' };

async function measure(target: BenchChild, headers: Record<string, string>, payload: string, concurrency: number): Promise<{ cpu: number; rps: number }> {
  await runLoad(target.info.url!, '/v1/chat/completions', headers, payload, 1000, concurrency);
  fake.child.send({ type: 'reset' });
  const before = cpuMs(target.child.pid!);
  const result = await runLoad(target.info.url!, '/v1/chat/completions', headers, payload, requests, concurrency);
  fake.child.send({ type: 'reset' });
  if (result.errors > 0) throw new Error(`${result.errors} requests failed`);
  return { cpu: (cpuMs(target.child.pid!) - before) / requests, rps: result.count / result.seconds };
}

const rows: string[] = [];
for (const stream of [false, true]) {
  for (const concurrency of [1, 50, 200]) {
    const g = await measure(gateway, { ...json, authorization: `Bearer ${gateway.info.key}` }, chatBody(stream, 'bench'), concurrency);
    const b = await measure(bare, json, chatBody(stream, 'gpt-4o-mini'), concurrency);
    rows.push(`| ${stream ? 'stream' : 'non-stream'} | ${concurrency} | ${requests} | ${g.cpu.toFixed(3)} | ${b.cpu.toFixed(3)} | ${(g.cpu / b.cpu).toFixed(2)}× | ${g.rps.toFixed(0)} | ${b.rps.toFixed(0)} |`);
    process.stdout.write(`${rows.at(-1)}\n`);
  }
}
process.stdout.write(
  [
    '',
    '| mode | clients | requests | gateway CPU ms/request | bare proxy CPU ms/request | gateway / bare | gateway req/s | bare proxy req/s |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
servers.stop();
