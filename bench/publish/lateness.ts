import { newUuid } from '@creatorflow/core';
import { openBench, percentile } from './setup.ts';

/**
 * Scheduler lateness: `sample` jobs due over `windowMs`, while `backlog` other
 * jobs wait in the same queue for later. Lateness = job start − its run_at.
 * The sample jobs use the assist method only, so the figure is the scheduler's
 * (queue claim → runner start), not a browser's.
 */
export async function lateness(backlog: number, sample: number, windowMs: number): Promise<{ backlog: number; sample: number; p50: number; p99: number; max: number; setupSeconds: number }> {
  const bench = await openBench({ start: false });
  try {
    const account = await bench.runtime.accounts.create({ workspaceId: bench.actor.workspaceId, createdBy: bench.actor.userId, platform: 'weibo', name: 'sched', credentialMode: 'local', settings: {} });
    const content = { kind: 'short_post' as const, title: '', body: '定时任务', images: [], tags: [] };
    const setupStart = Date.now();
    const far = new Date(Date.now() + 24 * 3600_000);
    // The backlog goes in with two set-based statements: what is measured is the
    // scheduler with 10,000 waiting jobs, not how fast we can create them one by one.
    await bench.database.query(
      `INSERT INTO publish_jobs (id, workspace_id, created_by, work_id, account_id, platform, content, methods, status, run_at, queue_job_id)
       SELECT id, $1, $2, 'later-' || n, $3, 'weibo', $4::jsonb, '["assist"]'::jsonb, 'scheduled', $5::timestamptz + n * interval '1 second', id::text || ':0'
       FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $6::int) AS n) g`,
      [bench.actor.workspaceId, bench.actor.userId, account.id, JSON.stringify(content), far, backlog],
    );
    await bench.database.query(
      `INSERT INTO jobs (queue, id, backend, data, status, run_at, max_attempts, backoff_ms, group_key)
       SELECT 'publish', queue_job_id, 'db', jsonb_build_object('jobId', id), 'queued', run_at, 1, 1000, 'user:backlog'
       FROM publish_jobs WHERE work_id LIKE 'later-%'`,
    );
    const sampleJobs = await bench.runtime.service.create(
      Array.from({ length: sample }, (_, i) => ({ workId: `due-${i}`, content, accountId: account.id, methods: ['assist' as const] })),
      { workspaceId: bench.actor.workspaceId, userId: newUuid(), runAt: far },
    );
    const setupSeconds = (Date.now() - setupStart) / 1000;
    // Spread the sample over the window from now, in one statement per table.
    const t0 = Date.now() + 2000;
    const ids = sampleJobs.map((j) => j.id);
    await bench.database.query(
      `UPDATE publish_jobs p SET run_at = $2::timestamptz + ((x.n - 1) * $3::double precision) * interval '1 millisecond'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) WHERE p.id = x.id`,
      [ids, new Date(t0), windowMs / sample],
    );
    await bench.database.query(`UPDATE jobs q SET run_at = p.run_at FROM publish_jobs p WHERE q.queue = 'publish' AND q.id = p.queue_job_id AND p.id = ANY($1::uuid[])`, [ids]);
    bench.queue.process<{ jobId: string }>('publish', (job, signal) => bench.runtime.runner.run(job.data.jobId, job.id, signal), { concurrency: 5 });
    const deadline = Date.now() + windowMs + 300_000;
    for (;;) {
      const [row] = await bench.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM publish_jobs WHERE id = ANY($1::uuid[]) AND status = 'needs_action'`, [ids]);
      if (row!.n >= sample || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const rows = await bench.database.query<{ late: number }>(
      `SELECT EXTRACT(EPOCH FROM (e.created_at - p.run_at)) * 1000 AS late FROM publish_jobs p
       JOIN publish_events e ON e.job_id = p.id AND e.type = 'job_started' WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const values = rows.map((r) => Number(r.late));
    return { backlog, sample: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values), setupSeconds };
  } finally {
    await bench.close();
  }
}
