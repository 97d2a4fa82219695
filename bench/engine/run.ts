// Engine overhead per step: CreatorFlow (checkpoint + events after every step; memory, PGlite, PostgreSQL)
// against LangGraph.js (MemorySaver) on the same shapes, in the same process and run.
// Run: node --expose-gc --import tsx bench/engine/run.ts   (DATABASE_URL adds PostgreSQL)
import { openDatabase, type Database } from '@creatorflow/db';
import { createPostgresDatabase, pgliteTemplate } from '@creatorflow/testing';
import type { Graph, RunStore } from '@creatorflow/core';
import { chainGraph, dbStore, loopGraph, mapGraph, memoryStore, runOnce } from './creatorflow-shapes.ts';
import { langgraphChain, langgraphMap } from './langgraph-shapes.ts';

const CHAIN = 1000;
const WIDTH = 100;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

type Setup = { name: string; make: () => Promise<{ store: RunStore; newRun: (g: Graph) => Promise<string> }>; close?: () => Promise<void> };

async function main(): Promise<void> {
  const chain = chainGraph(CHAIN);
  const map = mapGraph(WIDTH);
  const items = Array.from({ length: WIDTH }, (_, i) => i);
  const rows: Array<{ engine: string; shape: string; ms: number; usPerStep: number }> = [];
  const add = (engine: string, shape: string, ms: number, steps: number) => rows.push({ engine, shape, ms, usPerStep: (ms * 1000) / steps });

  add('LangGraph.js (MemorySaver)', `chain ${CHAIN}`, await median(() => langgraphChain(CHAIN)), CHAIN);
  add('LangGraph.js (MemorySaver)', `map ${WIDTH}`, await median(() => langgraphMap(WIDTH)), WIDTH);

  const setups: Setup[] = [{ name: 'CreatorFlow (memory store)', make: async () => memoryStore() }];
  const pglite = await openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate() });
  setups.push({ name: 'CreatorFlow (PGlite checkpoints)', make: () => dbStore(pglite), close: () => pglite.close() });
  let pg: { database: Database; drop: () => Promise<void> } | undefined;
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase();
    const database = await openDatabase({ kind: 'postgres', url: created.url, maxConnections: 4 });
    pg = { database, drop: created.drop };
    setups.push({ name: 'CreatorFlow (PostgreSQL checkpoints)', make: () => dbStore(database), close: async () => (await database.close(), await created.drop()) });
  }
  for (const setup of setups) {
    const { store, newRun } = await setup.make();
    add(setup.name, `chain ${CHAIN}`, await median(async () => runOnce(store, await newRun(chain), chain)), CHAIN);
    add(setup.name, `map ${WIDTH}`, await median(async () => runOnce(store, await newRun(map), map, { items })), WIDTH);
  }

  const base = (shape: string) => rows.find((r) => r.engine.startsWith('LangGraph') && r.shape === shape)!.usPerStep;
  process.stdout.write(`\n| engine | shape | run (ms, median of ${REPEAT}) | per step (µs) | vs LangGraph.js |\n|---|---|---:|---:|---:|\n`);
  for (const r of rows) process.stdout.write(`| ${r.engine} | ${r.shape} | ${r.ms.toFixed(1)} | ${r.usPerStep.toFixed(1)} | ${(r.usPerStep / base(r.shape)).toFixed(2)}× |\n`);

  // Memory over 10,000 steps: heap after GC every 1,000 steps of one run (memory store, events not kept).
  const gc = (globalThis as { gc?: () => void }).gc;
  const { store } = memoryStore();
  const samples: number[] = [];
  let commits = 0;
  const sampling: RunStore = {
    commit: async (id, c) => {
      await store.commit(id, c);
      if (++commits % 1000 === 0) {
        gc?.();
        samples.push(process.memoryUsage().heapUsed / 1024 / 1024);
      }
    },
    humanResponse: (id, r) => store.humanResponse(id, r),
    recordCost: (e) => store.recordCost(e),
  };
  await runOnce(sampling, 'run-memory', loopGraph(10_000));
  process.stdout.write(`\nheap after GC every 1,000 steps (MB${gc ? '' : ', no --expose-gc: noisy'}): ${samples.map((m) => m.toFixed(1)).join(' ')}\n`);
  process.stdout.write(`growth first→last sample: ${(samples.at(-1)! - samples[0]!).toFixed(2)} MB over ${(samples.length - 1) * 1000} steps\n`);

  for (const setup of setups) await setup.close?.();
  void pg;
}

await main();
