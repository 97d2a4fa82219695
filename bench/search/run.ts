import { performance } from 'node:perf_hooks';
import { newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { PgSearchIndex, queryTerms, type SearchDocument } from '@creatorflow/library';
import { seedWorkspace } from '@creatorflow/library/testing/support';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { QUERIES, generateCorpus } from './corpus.ts';

/**
 * Search benchmark: index N generated Chinese documents, then time the same
 * queries through the full-text index (PgSearchIndex) and through a brute-force
 * ILIKE scan (the baseline), on PGlite and on PostgreSQL (when DATABASE_URL is set).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/search/run.ts [--docs 100000] [--rounds 5] [--driver pglite|postgres]
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const DOCS = Number(arg('docs', '100000'));
const ROUNDS = Number(arg('rounds', '5'));
const drivers = (arg('driver', '') ? [arg('driver', '')] : ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])]) as Array<'pglite' | 'postgres'>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function ilike(database: Database, workspaceId: string, q: string): Promise<number> {
  const terms = queryTerms(q);
  const params: unknown[] = [workspaceId];
  const where = terms.map((t) => {
    params.push(`%${t.replace(/[\\%_]/g, '\\$&')}%`);
    return `(title ILIKE $${params.length} OR body ILIKE $${params.length} OR array_to_string(tags, ' ') ILIKE $${params.length})`;
  });
  const rows = await database.query<{ total: string }>(
    `SELECT ref_id, count(*) OVER () AS total FROM search_documents WHERE workspace_id = $1 AND ${where.join(' AND ')} ORDER BY created_at DESC LIMIT 20`,
    params,
  );
  return rows[0] ? Number(rows[0].total) : 0;
}

async function bench(driver: 'pglite' | 'postgres'): Promise<string> {
  const test: TestDatabase = await createTestDatabase(driver);
  try {
    const { workspaceId } = await seedWorkspace(test.database, 'bench');
    const index = new PgSearchIndex(test.database);
    const started = performance.now();
    let batch: SearchDocument[] = [];
    let n = 0;
    const base = Date.UTC(2025, 0, 1);
    for (const doc of generateCorpus(DOCS)) {
      batch.push({ kind: n % 4 === 0 ? 'idea' : n % 4 === 1 ? 'work' : n % 4 === 2 ? 'knowledge' : 'asset', refId: newUuid(), workspaceId, ...doc, createdAt: new Date(base + n * 60_000) });
      n++;
      if (batch.length === 2000) {
        await index.upsert(batch);
        batch = [];
      }
    }
    await index.upsert(batch);
    // A bulk load is followed by autovacuum on a real server (PostgreSQL 13+ vacuums after
    // inserts too); doing it here measures that steady state instead of the first minutes.
    await test.database.exec('VACUUM ANALYZE search_documents');
    const indexSeconds = (performance.now() - started) / 1000;

    const fts: number[] = [];
    const scan: number[] = [];
    const lines: string[] = [];
    // One untimed round first: every pooled connection loads its catalog and dictionary caches
    // once, which a running server has long done; both methods get the same warm-up.
    for (const q of QUERIES) {
      await index.search(workspaceId, { q, limit: 20 });
      await ilike(test.database, workspaceId, q);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of QUERIES) {
        let t = performance.now();
        const result = await index.search(workspaceId, { q, limit: 20 });
        fts.push(performance.now() - t);
        if (process.env.BENCH_VERBOSE) process.stderr.write(`${q}: ${fts.at(-1)!.toFixed(1)} ms\n`);
        t = performance.now();
        const total = await ilike(test.database, workspaceId, q);
        scan.push(performance.now() - t);
        if (round === 0) lines.push(`| ${q} | ${result.total}${result.totalExact ? '' : '+'} (${result.match}) | ${total} |`);
      }
    }
    const row = (name: string, xs: number[]) => `| ${name} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 95).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;
    return [
      `### ${driver}: ${DOCS.toLocaleString('en')} documents, ${QUERIES.length} queries × ${ROUNDS} rounds`,
      '',
      `Index time: ${indexSeconds.toFixed(1)} s (${Math.round(DOCS / indexSeconds)} docs/s, jieba segmentation + INSERT with GIN)`,
      '',
      '| method | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row('tsvector + GIN (PgSearchIndex)', fts),
      row('ILIKE scan (baseline)', scan),
      '',
      `p95 speed-up vs ILIKE: ${(percentile(scan, 95) / percentile(fts, 95)).toFixed(1)}×; p50: ${(percentile(scan, 50) / percentile(fts, 50)).toFixed(1)}×`,
      '',
      '| query | full-text matches | ILIKE matches |',
      '|---|---|---|',
      ...lines,
      '',
    ].join('\n');
  } finally {
    await test.dispose();
  }
}

for (const driver of drivers) {
  process.stdout.write(`${await bench(driver)}\n`);
}
