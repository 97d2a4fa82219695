import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newUuid, parseGraph, ToolRegistry, type RunEvent } from '@creatorflow/core';
import { openDatabase, type Database, type DatabaseConfig } from '@creatorflow/db';
import { createPostgresDatabase, pgliteTemplate, testDrivers } from '@creatorflow/testing';
import { pino } from 'pino';
import { DbJobQueue } from './jobs/db-job-queue.ts';
import { InProcessBus } from './event-bus.ts';
import { GraphLibrary } from './graph-library.ts';
import { RunService } from './run-service.ts';
import { RuntimeStore } from './runtime-store.ts';

const CHILD = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const logger = pino({ level: 'silent' });

type Line = { event?: string; node?: string | null; seq?: number; llm?: string; ready?: boolean };

function startChild(kind: string, target: string, runId: string, delayMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, kind, target, runId, String(delayMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const waiters: Array<{ test: (l: Line) => boolean; resolve: () => void }> = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of [...waiters]) if (w.test(line)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const until = (test: (l: Line) => boolean, timeoutMs = 240_000) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some(test)) return resolve();
      const timer = setTimeout(() => reject(new Error(`child did not print the expected line; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
      waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, until, exited };
}

async function seedWorkspace(database: Database): Promise<{ workspaceId: string; userId: string }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.query(`INSERT INTO users (id, name) VALUES ($1, 'tester')`, [userId]);
  await database.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, 'ws', 'personal', $2)`, [workspaceId, userId]);
  return { workspaceId, userId };
}

function services(database: Database) {
  const jobs = new DbJobQueue({ database, logger });
  const graphs = new GraphLibrary(database, () => ({}));
  return { jobs, runs: new RunService(database, jobs, new InProcessBus(), graphs, new ToolRegistry(), 'local') };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function freshTarget(kind: 'pglite' | 'postgres'): Promise<{ config: DatabaseConfig; target: string }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cf-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = join(dir, 'db');
    const db = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: await pgliteTemplate() });
    await db.close();
    return { config: { kind: 'pglite', dataDir }, target: dataDir };
  }
  const pg = await createPostgresDatabase();
  cleanups.push(() => pg.drop());
  return { config: { kind: 'postgres', url: pg.url }, target: pg.url };
}

const chain = `version: 1\nname: chain\nstart: n1\nnodes:\n${[1, 2, 3, 4, 5, 6].map((i) => `  n${i}: { type: llm, prompt: "step ${i}", output: s${i}${i < 6 ? `, next: n${i + 1}` : ''} }`).join('\n')}\n`;

describe.each(testDrivers())('runs survive their process (%s)', (kind) => {
  it('continues after kill -9 without re-running finished nodes or losing or repeating events', { timeout: 600_000 }, async () => {
    const { config, target } = await freshTarget(kind);
    let database = await openDatabase(config);
    const { workspaceId, userId } = await seedWorkspace(database);
    const { jobs, runs } = services(database);
    const { run } = await runs.submit({ workspaceId, userId, traceId: 'tr-crash', source: chain, inputs: {} });
    await jobs.close();
    await database.close();

    const first = startChild(kind, target, run.id, 300);
    await first.until((l) => l.event === 'node_completed' && l.node === 'n3');
    first.child.kill('SIGKILL');
    await first.exited;
    const doneBefore = first.lines.filter((l) => l.event === 'node_completed').map((l) => l.node);

    const second = startChild(kind, target, run.id, 10);
    await second.until((l) => l.event === 'run_completed');
    second.child.kill('SIGTERM');
    await second.exited;

    database = await openDatabase(config);
    cleanups.push(() => database.close());
    const store = new RuntimeStore(database);
    const row = (await store.loadRun(run.id))!;
    const events: RunEvent[] = await store.events(run.id, 0, 10_000);
    expect(row.status).toBe('completed');
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const completed = events.filter((e) => e.type === 'node_completed').map((e) => e.node);
    expect(completed).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    // What the first process finished, the second never asked the model for again.
    const rerun = second.lines.filter((l) => l.llm).map((l) => l.llm!);
    for (const node of doneBefore) expect(rerun).not.toContain(`step ${node!.slice(1)}`);
    expect(doneBefore.length).toBeGreaterThanOrEqual(3);
    expect(row.output).toMatchObject({ s1: 'out:step 1', s6: 'out:step 6' });
    expect(events.filter((e) => e.type === 'run_started')).toHaveLength(1);
  });

  it('answers a human node after the process restarted, hours later as far as the run knows', { timeout: 600_000 }, async () => {
    const { config, target } = await freshTarget(kind);
    let database = await openDatabase(config);
    const { workspaceId, userId } = await seedWorkspace(database);
    const source = 'version: 1\nname: ask\nstart: a\nnodes:\n  a: { type: llm, prompt: before, output: a, next: ask }\n  ask: { type: human, message: ok?, form: { type: object, required: [ok], properties: { ok: { type: boolean } } }, output: answer, next: b }\n  b: { type: llm, prompt: after, output: b }\n';
    parseGraph(source);
    let s = services(database);
    const { run } = await s.runs.submit({ workspaceId, userId, traceId: 'tr-human', source, inputs: {} });
    await s.jobs.close();
    await database.close();

    const first = startChild(kind, target, run.id, 10);
    await first.until((l) => l.event === 'human_required');
    first.child.kill('SIGTERM');
    await first.exited;

    database = await openDatabase(config);
    s = services(database);
    await expect(s.runs.respond(workspaceId, run.id, userId, { data: { ok: 'yes' } }, 'k0')).rejects.toThrow(/does not match the form/);
    await s.runs.respond(workspaceId, run.id, userId, { data: { ok: true } }, 'k1');
    await expect(s.runs.respond(workspaceId, run.id, userId, { data: { ok: false } }, 'k2')).rejects.toThrow(/first answer wins/);
    await s.jobs.close();
    await database.close();

    const second = startChild(kind, target, run.id, 10);
    await second.until((l) => l.event === 'run_completed');
    second.child.kill('SIGTERM');
    await second.exited;
    expect(second.lines.filter((l) => l.llm).map((l) => l.llm)).toEqual(['after']);

    database = await openDatabase(config);
    cleanups.push(() => database.close());
    const row = (await new RuntimeStore(database).loadRun(run.id))!;
    expect(row.status).toBe('completed');
    expect(row.output).toMatchObject({ a: 'out:before', answer: { ok: true }, b: 'out:after' });
  });
});
