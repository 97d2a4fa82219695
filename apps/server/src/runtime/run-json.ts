import type { RunRow } from '@creatorflow/runtime';

/** The API face of a run. */
export function runJson(row: RunRow) {
  return {
    id: row.id,
    graph: row.graph_name,
    graph_version: row.graph_version,
    status: row.status,
    trace_id: row.trace_id,
    inputs: row.inputs,
    route: row.route,
    budget: row.budget,
    output: row.output ?? null,
    error: row.error,
    usage: row.usage,
    waiting: row.checkpoint?.waiting ?? null,
    last_seq: Number(row.last_seq),
    cancel_requested: row.cancel_requested,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    finished_at: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
