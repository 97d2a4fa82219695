// Local-mode startup benchmark: real `creatorflow start` processes, timed from
// spawn until GET /api/health answers. Usage: node --import tsx bench/startup/run.ts [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.argv[2] ?? 3);

interface Timing {
  /** ms from spawn until /api/health answered 200 */
  ready: number;
  /** ms from SIGINT until the process exited */
  stop: number;
}

async function timeStart(args: string[], env: Record<string, string> = {}): Promise<Timing> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let url: string | undefined;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited early (${child.exitCode}): ${err}`);
    url ??= /API:\s+(http:\/\/[^\s]+)\/api/.exec(out)?.[1];
    if (url) {
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ready = performance.now() - started;
  const stopping = performance.now();
  child.kill('SIGINT');
  await exited;
  return { ready, stop: performance.now() - stopping };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cli = (home: string) => ['apps/cli/src/main.ts', 'start', '--home', home, '--port', '0'];

const results: Record<string, Timing[]> = { baseline: [], firstBundled: [], firstInitdb: [], second: [] };
for (let i = 0; i < RUNS; i++) {
  results.baseline!.push(await timeStart(['bench/startup/baseline-server.ts']));
  const home = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  const other = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  try {
    results.firstBundled!.push(await timeStart(cli(home)));
    results.second!.push(await timeStart(cli(home)));
    results.firstInitdb!.push(await timeStart(cli(other), { CREATORFLOW_PGLITE_SEED: 'initdb' }));
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  }
  process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
}

const base = median(results.baseline!.map((t) => t.ready));
const rows = [
  ['baseline (node + tsx + http server)', 'baseline'],
  ['first start, bundled PGlite snapshot (default)', 'firstBundled'],
  ['first start, initdb in WASM (CREATORFLOW_PGLITE_SEED=initdb)', 'firstInitdb'],
  ['second start (existing home)', 'second'],
] as const;
process.stdout.write(
  `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${RUNS} runs, medians\n\n` +
    '| case | ready (ms) | × baseline | stop (ms) |\n|---|---:|---:|---:|\n' +
    rows
      .map(([label, key]) => {
        const ready = median(results[key]!.map((t) => t.ready));
        return `| ${label} | ${ready.toFixed(0)} | ${(ready / base).toFixed(1)} | ${median(results[key]!.map((t) => t.stop)).toFixed(0)} |`;
      })
      .join('\n') +
    `\n\nBundled snapshot vs initdb on first start: ${(median(results.firstInitdb!.map((t) => t.ready)) / median(results.firstBundled!.map((t) => t.ready))).toFixed(2)}× faster\n`,
);
