/**
 * bench/insights (issues 14 and 15):
 * - dashboard: 10,000 published posts over 50 accounts with 30 days of snapshots; p95 of every
 *   数据看板 API read (overview, follower series, post table pages and filters, heatmap,
 *   breakdown). Baseline: the same reads on a tenth of the data, in the same run.
 * - schedule: metrics collection lateness (collector call − the post's next_collect_at) for posts
 *   falling due over a window while 10,000 others wait; baseline the same without the backlog.
 * - trends: 30 sources × 50 items refreshed every 5 minutes for 30 days (12.96 M snapshots):
 *   ingest throughput of the real store, storage per day, p95 of "rising in my niche".
 *   Baseline: the same query after one day of history.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/insights/run.ts
 *     [--driver pglite|postgres] [--section dashboard|schedule|trends] [--posts 10000] [--accounts 50] [--days 30] [--rounds 20]
 */
import { ManualClock, newUuid, systemClock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { AnalyticsService, MetricsScheduler, TrendService, seedMetrics, BUILTIN_SOURCES, type MetricsCollector } from '@creatorflow/insights';
import { createTestDatabase } from '@creatorflow/testing';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const POSTS = Number(arg('posts', '10000'));
const ACCOUNTS = Number(arg('accounts', '50'));
const DAYS = Number(arg('days', '30'));
const ROUNDS = Number(arg('rounds', '20'));
const drivers = (arg('driver', '') ? [arg('driver', '')] : ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])]) as Array<'pglite' | 'postgres'>;
const sections = arg('section', '') ? [arg('section', '')] : ['dashboard', 'schedule', 'trends'];
const DAY = 86_400_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function seedWorkspace(database: Database, accounts: number): Promise<{ workspaceId: string; accounts: Array<{ id: string; platform: string }> }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.query('INSERT INTO users (id, name, email) VALUES ($1, $2, $3)', [userId, 'bench', `${userId}@bench.test`]);
  await database.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, 'bench', 'personal', $2)`, [workspaceId, userId]);
  const platforms = ['wechat_mp', 'bilibili', 'xiaohongshu', 'douyin', 'kuaishou', 'weibo', 'zhihu', 'toutiao', 'wechat_channels'];
  const list: Array<{ id: string; platform: string }> = [];
  for (let i = 0; i < accounts; i++) {
    const id = newUuid();
    const platform = platforms[i % platforms.length]!;
    await database.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode, settings) VALUES ($1, $2, $3, $4, 'local', '{}'::jsonb)`, [id, workspaceId, platform, `账号${i + 1}`]);
    list.push({ id, platform });
  }
  return { workspaceId, accounts: list };
}

/** Every read the 数据看板 makes, timed one by one. */
async function dashboardReads(database: Database, workspaceId: string, rounds: number): Promise<Map<string, number[]>> {
  const service = new AnalyticsService(database, systemClock);
  const now = new Date();
  const reads: Array<[string, () => Promise<unknown>]> = [
    ['overview (30 days)', () => service.overview(workspaceId, 30)],
    ['follower series per account', () => service.accountFollowers(workspaceId, new Date(now.getTime() - 30 * DAY), now)],
    ['post table, page 1 by score', () => service.posts(workspaceId, { sort: 'viral_score', limit: 50, offset: 0 })],
    ['post table, page 20 by views', () => service.posts(workspaceId, { sort: 'views', limit: 50, offset: 950 })],
    ['post table, one platform + tag', () => service.posts(workspaceId, { platform: 'douyin', tag: '美食', limit: 50, offset: 0 })],
    ['heatmap (weekday × hour)', () => service.heatmap(workspaceId)],
    ['breakdown (tag / kind / graph)', () => service.breakdown(workspaceId)],
  ];
  // One untimed round: pooled connections load their caches once, as a running server has.
  for (const [, read] of reads) await read();
  const times = new Map<string, number[]>(reads.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, read] of reads) {
      const t = performance.now();
      await read();
      times.get(name)!.push(performance.now() - t);
    }
  }
  // A cold read: a new snapshot makes every figure be computed again (first load after a collection).
  const cold: number[] = [];
  const [post] = await database.query<{ id: string; platform: string }>('SELECT id, platform FROM metric_posts WHERE workspace_id = $1 LIMIT 1', [workspaceId]);
  for (let r = 0; r < Math.min(rounds, 5); r++) {
    await database.query(`INSERT INTO metric_snapshots (workspace_id, post_id, platform, collected_at, views, source) VALUES ($1, $2, $3, now(), $4, 'bench')`, [workspaceId, post!.id, post!.platform, 10_000 + r]);
    const t = performance.now();
    await service.overview(workspaceId, 30);
    cold.push(performance.now() - t);
  }
  times.set('overview, cold (after a new snapshot)', cold);
  return times;
}

async function dashboard(driver: 'pglite' | 'postgres'): Promise<string[]> {
  const lines: string[] = [];
  const results: Array<{ label: string; times: Map<string, number[]>; seedSeconds: number; snapshots: number }> = [];
  for (const [label, posts, accounts] of [['baseline (1/10)', Math.round(POSTS / 10), Math.max(1, Math.round(ACCOUNTS / 10))], ['full', POSTS, ACCOUNTS]] as const) {
    const test = await createTestDatabase(driver);
    try {
      const ws = await seedWorkspace(test.database, accounts);
      const t = performance.now();
      await seedMetrics(test.database, { workspaceId: ws.workspaceId, accounts: ws.accounts, postsPerAccount: Math.round(posts / accounts), days: DAYS, now: new Date() });
      await test.database.exec('ANALYZE');
      const seedSeconds = (performance.now() - t) / 1000;
      const [row] = await test.database.query<{ n: number }>('SELECT count(*)::int AS n FROM metric_snapshots');
      results.push({ label: `${label}: ${posts} posts / ${accounts} accounts`, times: await dashboardReads(test.database, ws.workspaceId, ROUNDS), seedSeconds, snapshots: row!.n });
    } finally {
      await test.dispose();
    }
  }
  const [base, full] = results as [(typeof results)[0], (typeof results)[0]];
  lines.push(`dashboard (${driver}): ${full.label}, ${full.snapshots} snapshots (seeded in ${full.seedSeconds.toFixed(1)} s); ${base.label}, ${base.snapshots} snapshots; ${ROUNDS} rounds`);
  let worst = 0;
  for (const [name, times] of full.times) {
    const p95 = percentile(times, 95);
    if (!name.includes('cold')) worst = Math.max(worst, p95);
    const b = percentile(base.times.get(name)!, 95);
    lines.push(`  ${name.padEnd(32)} p50 ${ms(percentile(times, 50))}  p95 ${ms(p95)}   (baseline p95 ${ms(b)}, ×${(p95 / b).toFixed(2)})`);
  }
  lines.push(`  worst warm read p95: ${ms(worst)} (goal < 100 ms: ${worst < 100 ? 'met' : 'NOT met'})`);
  return lines;
}

/** Lateness of collection: posts due over `windowMs` from now, `backlog` others due tomorrow. */
async function schedule(driver: 'pglite' | 'postgres'): Promise<string[]> {
  const lines: string[] = [];
  const sample = 300;
  const windowMs = 60_000;
  for (const backlog of [0, 10_000]) {
    const test = await createTestDatabase(driver);
    try {
      const ws = await seedWorkspace(test.database, ACCOUNTS);
      const late: number[] = [];
      const collector = (platform: string): MetricsCollector => ({
        platform,
        sources: [],
        concurrency: 2,
        async collectPost(post) {
          if (post.nextCollectAt) late.push(Date.now() - post.nextCollectAt.getTime());
          return { source: 'bench', values: { views: 1 } };
        },
      });
      const platforms = [...new Set(ws.accounts.map((a) => a.platform))];
      const insert = async (n: number, from: number, spreadMs: number) => {
        await test.database.query(
          `INSERT INTO metric_posts (id, workspace_id, account_id, platform, platform_post_id, title, tags, published_at, next_collect_at, source, checkpoint)
           SELECT gen_random_uuid(), $1, a.id, a.platform, 'p-' || g.n || '-' || $5::text, '作品 ' || g.n, '[]'::jsonb, $2::timestamptz - interval '1 hour', $2::timestamptz + (g.n * $3::double precision) * interval '1 millisecond', 'manual', 0
             FROM generate_series(1, $4::int) AS g(n)
             JOIN LATERAL (SELECT id, platform FROM publish_accounts WHERE workspace_id = $1 ORDER BY id OFFSET (g.n % ${ACCOUNTS}) LIMIT 1) a ON true`,
          [ws.workspaceId, new Date(from), spreadMs / n, n, String(from)],
        );
      };
      if (backlog > 0) await insert(backlog, Date.now() + DAY, 3_600_000);
      const scheduler = new MetricsScheduler({ database: test.database, clock: systemClock, collectors: platforms.map(collector), readSecret: async () => undefined, log: { warn: () => undefined, error: () => undefined } });
      const t0 = Date.now() + 3000;
      await insert(sample, t0, windowMs);
      scheduler.start();
      const deadline = t0 + windowMs + 30_000;
      while (late.length < sample && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      await scheduler.stop();
      lines.push(`schedule (${driver}), backlog ${backlog}: ${late.length}/${sample} collected, lateness p50 ${ms(percentile(late, 50))}, p99 ${ms(percentile(late, 99))}, max ${ms(Math.max(...late))}`);
    } finally {
      await test.dispose();
    }
  }
  return lines;
}

const NICHE_WORDS = ['美妆', '数码', '旅行', '美食', '职场', '健身', '育儿', '汽车', '游戏', '财经'];

/**
 * Fills `days` of history for 30 sources × 50 ranks every 5 minutes with set-based SQL: each
 * rank slot holds an item for 6 hours (72 refreshes), then the next one; ranks drift so items
 * climb and fall. Item ids are derived from (source, slot, generation), so snapshots need no join.
 */
async function fillTrends(database: Database, sources: string[], now: number, days: number): Promise<void> {
  const rounds = Math.round((days * DAY) / 300_000);
  const start = now - (rounds - 1) * 300_000;
  const gens = Math.ceil((rounds + 7 * 49) / 72) + 1;
  await database.query(
    `INSERT INTO trend_items (id, source_id, workspace_id, item_key, title, url, summary, norm_title, keywords, first_seen_at, last_seen_at, best_rank, last_rank, last_hot, snapshot_count, on_list)
     SELECT md5(s.src || '|' || k || '|' || g)::uuid, s.src, NULL, k || '-' || g, '第' || g || '条 ' || (ARRAY[${NICHE_WORDS.map((w) => `'${w}'`).join(',')}])[1 + ((k + g) % 10)] || ' 新闻 ' || s.src,
            'https://example.test/' || s.src || '/' || k || '-' || g, NULL, 'norm' || k || '-' || g, ARRAY[(ARRAY[${NICHE_WORDS.map((w) => `'${w}'`).join(',')}])[1 + ((k + g) % 10)]],
            to_timestamp(($2::bigint + greatest(0, g * 72 - 7 * k)::bigint * 300000) / 1000.0),
            to_timestamp(($2::bigint + least($3::int - 1, g * 72 - 7 * k + 71)::bigint * 300000) / 1000.0),
            1, 1 + ((k + g) % 50), 1000 * (50 - k), 72,
            (g * 72 - 7 * k <= $3::int - 1 AND g * 72 - 7 * k + 71 >= $3::int - 1)
       FROM unnest($1::text[]) AS s(src), generate_series(0, 49) AS k, generate_series(0, $4::int) AS g
      WHERE g * 72 - 7 * k + 71 >= 0 AND g * 72 - 7 * k <= $3::int - 1`,
    [sources, start, rounds, gens],
  );
  // One statement per source keeps each transaction at ~430k rows.
  for (const src of sources) {
    await database.query(
      `INSERT INTO trend_snapshots (item_id, seen_at, rank, hot_value)
       SELECT md5($1 || '|' || k || '|' || ((r + 7 * k) / 72))::uuid, to_timestamp(($2::bigint + r::bigint * 300000) / 1000.0), 1 + ((k + r / 12) % 50), 1000 * (50 - k)
         FROM generate_series(0, $3::int - 1) AS r, generate_series(0, 49) AS k`,
      [src, start, rounds],
    );
  }
}

async function trends(driver: 'pglite' | 'postgres'): Promise<string[]> {
  const lines: string[] = [];
  const sources = BUILTIN_SOURCES.slice(0, 30).map((s) => s.id);
  const now = Date.now();
  for (const days of [1, DAYS]) {
    const test = await createTestDatabase(driver);
    try {
      const ws = await seedWorkspace(test.database, 1);
      const clock = new ManualClock(now);
      const service = new TrendService({ database: test.database, clock, http: { fetch }, userFetch: { fetch }, owner: 'bench' });
      await test.database.query(`INSERT INTO trend_source_state (source_id, workspace_id, next_due_at, last_success_at) SELECT s, NULL, $2, $2 FROM unnest($1::text[]) AS s`, [sources, new Date(now)]);
      await service.saveNiche(ws.workspaceId, '美妆', '美妆\n彩妆');
      const t = performance.now();
      await fillTrends(test.database, sources, now, days);
      await test.database.exec('ANALYZE');
      const fillSeconds = (performance.now() - t) / 1000;
      const [size] = await test.database.query<{ snaps: string; items: string; n: string }>(
        `SELECT pg_total_relation_size('trend_snapshots') AS snaps, pg_total_relation_size('trend_items') AS items, (SELECT count(*) FROM trend_snapshots) AS n`,
      );
      // Ingest through the real store: one more hour of refreshes (12 rounds × 30 sources) on top.
      const ingest = performance.now();
      let rows = 0;
      for (let round = 1; round <= 12; round++) {
        const at = new Date(now + round * 300_000);
        for (const src of sources) {
          const items = Array.from({ length: 50 }, (_, k) => {
            const g = Math.floor((Math.round((days * DAY) / 300_000) - 1 + round + 7 * k) / 72);
            return { key: `${k}-${g}`, title: `第${g}条 ${NICHE_WORDS[(k + g) % 10]} 新闻 ${src}`, url: `https://example.test/${src}/${k}-${g}`, summary: null, normTitle: `norm${k}-${g}`, keywords: [NICHE_WORDS[(k + g) % 10]!], rank: 1 + ((k + round) % 50), hot: 1000 * (50 - k) };
          });
          await service.store.recordSuccess(src, null, items as never, at, new Date(at.getTime() + 300_000));
          rows += items.length;
        }
      }
      const ingestSeconds = (performance.now() - ingest) / 1000;
      clock.advance(12 * 300_000);
      await service.rising(ws.workspaceId, '美妆');
      const times: number[] = [];
      let found = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const q = performance.now();
        found = (await service.rising(ws.workspaceId, '美妆')).length;
        times.push(performance.now() - q);
      }
      const perDay = (Number(size!.snaps) + Number(size!.items)) / days / 1024 / 1024;
      lines.push(
        `trends (${driver}), ${days} day(s): ${Number(size!.n).toLocaleString('en')} snapshots (filled in ${fillSeconds.toFixed(1)} s), storage ${(Number(size!.snaps) / 1024 / 1024).toFixed(0)} MB snapshots + ${(Number(size!.items) / 1024 / 1024).toFixed(0)} MB items = ${perDay.toFixed(1)} MB/day; ` +
          `ingest ${rows} items in ${ingestSeconds.toFixed(1)} s = ${(rows / ingestSeconds).toFixed(0)} items/s (${((ingestSeconds / 12) * 288 / 60).toFixed(1)} min of work per simulated day); ` +
          `rising in my niche (${found} items): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`,
      );
    } finally {
      await test.dispose();
    }
  }
  return lines;
}

for (const driver of drivers) {
  for (const section of sections) {
    const run = section === 'dashboard' ? dashboard : section === 'schedule' ? schedule : trends;
    for (const line of await run(driver)) process.stdout.write(`${line}\n`);
  }
}
process.exit(0);
