import type { RunRow } from '@creatorflow/runtime';

type Usage = NonNullable<RunRow['usage']>;
type Waiting = NonNullable<NonNullable<RunRow['checkpoint']>['waiting']>;

// The engine keeps usage and the waiting step in camelCase; the API names them in snake_case like the rest of a run.
const usageJson = (u: Usage) => ({ cost_cents: u.costCents, tokens: u.tokens, llm_calls: u.llmCalls, steps: u.steps });
const waitingJson = (w: Waiting) => ({ node: w.node, request_id: w.requestId, since: w.since, timeout_at: w.timeoutAt ?? null });

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
    usage: row.usage ? usageJson(row.usage) : null,
    waiting: row.checkpoint?.waiting ? waitingJson(row.checkpoint.waiting) : null,
    last_seq: Number(row.last_seq),
    cancel_requested: row.cancel_requested,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    finished_at: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

const SUBJECT_KEYS = ['topic', 'niche', 'title', 'reference_text', 'reference_url', 'query'];
const SUBJECT_CHARS = 80;
const ID_LIKE = /^([a-z]+-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a run is about, for lists (the full inputs stay on GET /api/runs/:id):
 * its topic or other main text input, shortened. Null when it took no text.
 */
export function runSubject(inputs: Record<string, unknown> | null | undefined): string | null {
  if (!inputs) return null;
  // Ids (a work_id, say) tell a person nothing: only real text counts.
  const text = (value: unknown) => (typeof value === 'string' && value.trim() && !ID_LIKE.test(value.trim()) ? value.trim().replace(/\s+/g, ' ') : undefined);
  const found = SUBJECT_KEYS.map((key) => text(inputs[key])).find(Boolean) ?? Object.values(inputs).map(text).find(Boolean);
  if (!found) return null;
  return found.length > SUBJECT_CHARS ? `${found.slice(0, SUBJECT_CHARS - 1)}…` : found;
}
