// Publishing benchmark: `npx tsx bench/publish/run.ts [--jobs 200] [--backlog 10000]`.
// Prints figures and ratios against baselines measured in the same run.
import { parseArgs } from 'node:util';
import { lateness } from './lateness.ts';
import { throughput } from './throughput.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '200' }, backlog: { type: 'string', default: '10000' }, skip: { type: 'string', default: '' } } });
const jobs = Number(values.jobs);
const backlog = Number(values.backlog);
const skip = new Set(values.skip.split(','));
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');

if (!skip.has('lateness')) {
  // A short discarded round first, so JIT and PGlite warm-up do not land on the baseline.
  await lateness(0, 20, 5_000);
  const base = await lateness(0, 200, 90_000);
  const loaded = await lateness(backlog, 200, 90_000);
  process.stdout.write(
    `scheduler lateness, 200 jobs due over 90 s\n` +
      `  baseline (empty queue):      p50 ${fmt(base.p50, 0)} ms  p99 ${fmt(base.p99, 0)} ms  max ${fmt(base.max, 0)} ms\n` +
      `  with ${backlog} scheduled:  p50 ${fmt(loaded.p50, 0)} ms  p99 ${fmt(loaded.p99, 0)} ms  max ${fmt(loaded.max, 0)} ms  (scheduling them took ${fmt(loaded.setupSeconds)} s)\n` +
      `  ratio p99 loaded/baseline: ${fmt(loaded.p99 / base.p99, 2)}\n`,
  );
}

if (!skip.has('throughput')) {
  const sequential = await throughput(Math.min(6, jobs), 1);
  const parallel = await throughput(jobs, 5);
  process.stdout.write(
    `browser publishing across ${parallel.accounts} replica accounts\n` +
      `  baseline (1 at a time, ${sequential.jobs} jobs): ${fmt(sequential.jobsPerMinute)} jobs/min\n` +
      `  ${parallel.jobs} jobs (caps: user 3, worker 5):  ${fmt(parallel.jobsPerMinute)} jobs/min in ${fmt(parallel.seconds)} s; published ${parallel.published}, other ${JSON.stringify(parallel.otherStatuses)}\n` +
      `  ratio vs baseline: ${fmt(parallel.jobsPerMinute / sequential.jobsPerMinute, 2)}\n` +
      `  browser memory: idle ${fmt(parallel.idleBrowserMb)} MB, peak ${fmt(parallel.peakBrowserMb)} MB with ${parallel.peakContexts} contexts → ${fmt(parallel.mbPerContext)} MB per context\n`,
  );
}
