// A run worker in a child process, for the kill -9 and restart tests. It prints
// one JSON line per published event and per model call, so the parent knows
// when to kill it and what ran where.
import { ToolRegistry, systemClock } from '@creatorflow/core';
import { ScriptedLlm } from '@creatorflow/core/testing/scripted-llm';
import { openDatabase } from '@creatorflow/db';
import { pino } from 'pino';
import { DbJobQueue } from '../jobs/db-job-queue.ts';
import { InProcessBus } from '../event-bus.ts';
import { GraphLibrary } from '../graph-library.ts';
import { RunWorker } from '../run-worker.ts';

const [kind, target, runId, delayMs] = process.argv.slice(2) as ['pglite' | 'postgres', string, string, string];
const database = await openDatabase(kind === 'pglite' ? { kind, dataDir: target } : { kind, url: target, maxConnections: 4 });
const logger = pino({ level: 'silent' });
const jobs = new DbJobQueue({ database, logger, pollMs: 50, leaseMs: 1500 });
const bus = new InProcessBus();
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
bus.subscribe(runId, (event) => print({ event: event.type, node: event.node, seq: event.seq }));
const llm = new ScriptedLlm(async (request) => {
  const prompt = String(request.messages.at(-1)!.content);
  print({ llm: prompt });
  return { text: `out:${prompt}`, delayMs: Number(delayMs) };
});
const worker = new RunWorker({
  database,
  jobs,
  bus,
  logger,
  clock: systemClock,
  runtime: 'local',
  llm: () => llm,
  tools: new ToolRegistry(),
  graphs: new GraphLibrary(database, () => ({})),
  mcpPolicy: { mode: 'local', stdioAllow: [] },
  concurrency: 2,
  perUser: 3,
  leaseMs: 1500,
});
await worker.start();
print({ ready: true });
const stop = async () => {
  await jobs.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
