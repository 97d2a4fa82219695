// Local-mode startup benchmark: real `creatorflow start` processes, timed from
// spawn until GET /api/health answers, and their resident memory once idle.
// Usage: node --import tsx bench/startup/run.ts [runs]
//   BENCH_BEFORE=<checkout>  also runs that checkout's compiled CLI (e.g. a worktree of main with
//                            `node scripts/build-server.mjs` run in it): before/after in the same run
//   BENCH_TSX=1              also the sources through tsx and a first start with initdb in WASM
//
// The compiled CLI (what `npm start` runs, decision 0004) is measured against a baseline
// process that only answers HTTP, in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /** MB resident 5 s after it answered, with nothing asked of it */
  idleRss: number;
  /** CPU ms (user + system) the process had used when it answered: less sensitive to a busy machine than wall time */
  cpu: number;
}

/** User + system CPU of a process so far, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

async function timeStart(args: string[], env: Record<string, string> = {}): Promise<Timing> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
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
  const cpu = cpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, 5000));
  const idleRss = rssMb(child.pid!);
  const stopping = performance.now();
  child.kill('SIGINT');
  await exited;
  return { ready, stop: performance.now() - stopping, idleRss, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const startArgs = (home: string) => ['start', '--home', home, '--port', '0'];
/** The compiled CLI, as `npm start` and `npx creatorflow` run it. */
const built = (home: string) => ['--enable-source-maps', 'apps/cli/dist/main.js', ...startArgs(home)];
const BEFORE = process.env.BENCH_BEFORE;
const ALL = process.env.BENCH_TSX === '1';
/** Another checkout's compiled CLI (the code before a change), run the same way. */
const before = (home: string) => ['--enable-source-maps', join(BEFORE!, 'apps/cli/dist/main.js'), ...startArgs(home)];
/** The same sources through tsx, as every start ran before decision 0004. */
const viaTsx = (home: string) => ['--import', 'tsx', 'apps/cli/src/main.ts', ...startArgs(home)];

const { ensureServerBuild } = (await import(new URL('../../scripts/build-server.mjs', import.meta.url).href)) as {
  ensureServerBuild(options?: { log?: (line: string) => void }): Promise<boolean>;
};
await ensureServerBuild();

const results: Record<string, Timing[]> = { baseline: [], firstBundled: [], firstInitdb: [], second: [], secondTsx: [], firstTsx: [], firstBefore: [], secondBefore: [] };
for (let i = 0; i < RUNS; i++) {
  results.baseline!.push(await timeStart(['--import', 'tsx', 'bench/startup/baseline-server.ts']));
  const home = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  const other = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  const tsxHome = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  const beforeHome = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  try {
    // Before and after alternate, so a change in the machine's load falls on both.
    if (BEFORE) results.firstBefore!.push(await timeStart(before(beforeHome)));
    results.firstBundled!.push(await timeStart(built(home)));
    if (BEFORE) results.secondBefore!.push(await timeStart(before(beforeHome)));
    results.second!.push(await timeStart(built(home)));
    if (ALL) {
      results.firstTsx!.push(await timeStart(viaTsx(tsxHome)));
      results.secondTsx!.push(await timeStart(viaTsx(tsxHome)));
      results.firstInitdb!.push(await timeStart(built(other), { CREATORFLOW_PGLITE_SEED: 'initdb' }));
    }
  } finally {
    for (const dir of [home, other, tsxHome, beforeHome]) rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(`run ${i + 1}/${RUNS} done\n`);
}

const base = median(results.baseline!.map((t) => t.ready));
const rows = (
  [
    ['baseline (node + tsx + http server)', 'baseline'],
    ['first start, compiled, bundled PGlite snapshot (default)', 'firstBundled'],
    ['first start, compiled, initdb in WASM (CREATORFLOW_PGLITE_SEED=initdb)', 'firstInitdb'],
    ['later start, compiled (existing home)', 'second'],
    ['first start, sources through tsx', 'firstTsx'],
    ['later start, sources through tsx', 'secondTsx'],
    [`first start, before (${BEFORE})`, 'firstBefore'],
    [`later start, before (${BEFORE})`, 'secondBefore'],
  ] as const
).filter(([, key]) => results[key]!.length > 0);
const med = (key: string, field: keyof Timing) => median(results[key]!.map((t) => t[field]));
process.stdout.write(
  `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${RUNS} runs, medians\n\n` +
    '| case | ready (ms) | × baseline | CPU until ready (ms) | idle RSS (MB) | stop (ms) |\n|---|---:|---:|---:|---:|---:|\n' +
    rows
      .map(([label, key]) => {
        const ready = med(key, 'ready');
        return `| ${label} | ${ready.toFixed(0)} | ${(ready / base).toFixed(1)} | ${med(key, 'cpu').toFixed(0)} | ${med(key, 'idleRss').toFixed(0)} | ${med(key, 'stop').toFixed(0)} |`;
      })
      .join('\n') +
    '\n\n' +
    (ALL
      ? `Later start, compiled vs tsx: ${(med('secondTsx', 'ready') / med('second', 'ready')).toFixed(2)}× faster, idle RSS ${(med('second', 'idleRss') / med('secondTsx', 'idleRss')).toFixed(2)}× of tsx's\n` +
        `Bundled snapshot vs initdb on first start: ${(med('firstInitdb', 'ready') / med('firstBundled', 'ready')).toFixed(2)}× faster\n`
      : '') +
    (BEFORE
      ? `After vs before: first start ${(med('firstBundled', 'ready') / med('firstBefore', 'ready')).toFixed(2)}× the time, later start ${(med('second', 'ready') / med('secondBefore', 'ready')).toFixed(2)}×, ` +
        `later start CPU ${(med('second', 'cpu') / med('secondBefore', 'cpu')).toFixed(2)}×, idle RSS ${(med('second', 'idleRss') / med('secondBefore', 'idleRss')).toFixed(2)}× (later) and ${(med('firstBundled', 'idleRss') / med('firstBefore', 'idleRss')).toFixed(2)}× (first)\n`
      : ''),
);
