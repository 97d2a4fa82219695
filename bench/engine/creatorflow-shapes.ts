import { executeRun, MemoryRunStore, parseGraph, systemClock, ToolRegistry, type Graph, type RunStore } from '@creatorflow/core';
import { newRunId, newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { RuntimeStore } from '@creatorflow/runtime';

export function chainGraph(nodes: number): Graph {
  const lines = Array.from({ length: nodes }, (_, i) => `  n${i}: { type: noop${i < nodes - 1 ? `, next: n${i + 1}` : ''} }`);
  return parseGraph(`version: 1\nname: chain\nbudget: { max_steps: ${nodes + 10} }\nstart: n0\nnodes:\n${lines.join('\n')}\n`).graph;
}

export function mapGraph(width: number): Graph {
  return parseGraph(
    `version: 1\nname: fan\ninputs:\n  items: { type: array }\nbudget: { max_steps: ${width * 2 + 10} }\nstart: fan\nnodes:\n  fan: { type: map, over: inputs.items, node: body, concurrency: ${width}, output: results }\n  body: { type: noop }\n`,
  ).graph;
}

export function loopGraph(steps: number): Graph {
  return parseGraph(`version: 1\nname: loop\nbudget: { max_steps: ${steps + 10} }\nstart: a\nnodes:\n  a: { type: noop, next: a, max_visits: ${steps}, exhausted: end }\n`).graph;
}

/** A store on the database; a run row is created for each run (FK of the events). */
export async function dbStore(database: Database): Promise<{ store: RunStore; newRun: (graph: Graph) => Promise<string> }> {
  const userId = newUuid();
  const workspaceId = newUuid();
  await database.query(`INSERT INTO users (id, name) VALUES ($1, 'bench')`, [userId]);
  await database.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, 'bench', 'personal', $2)`, [workspaceId, userId]);
  return {
    store: new RuntimeStore(database),
    async newRun(graph) {
      const id = newRunId();
      await database.query(`INSERT INTO runs (id, workspace_id, user_id, graph_name, graph, status, trace_id) VALUES ($1, $2, $3, $4, $5, 'queued', 'tr-bench')`, [id, workspaceId, userId, graph.name, JSON.stringify({ name: graph.name })]);
      return id;
    },
  };
}

export function memoryStore(): { store: MemoryRunStore; newRun: (graph: Graph) => Promise<string> } {
  const store = new MemoryRunStore();
  store.keepEvents = false;
  return { store, newRun: async () => newRunId() };
}

export async function runOnce(store: RunStore, runId: string, graph: Graph, inputs: Record<string, unknown> = {}): Promise<number> {
  const outcome = await executeRun(
    { store, tools: new ToolRegistry(), clock: systemClock, runtime: 'local' },
    { id: runId, traceId: 'tr-bench', workspaceId: 'bench', graph, inputs, lastSeq: 0 },
    new AbortController().signal,
  );
  if (outcome.status !== 'completed') throw new Error(`bench run ${outcome.status}: ${JSON.stringify(outcome.error)}`);
  return outcome.usage.steps;
}
