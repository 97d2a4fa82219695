import { z } from 'zod';
import { graphLocaleSchema, INPUT_WIDGETS, inputSchema, RUN_EVENT_TYPES, type GraphIssue, type RouteDecision, type RouteFactor, type RunEvent } from '@creatorflow/core';
import { awaitingConfirmation, type GraphSummary, type McpServer, type QueueStats, type Run, type RunSummary, type StoredGraph } from '@creatorflow/runtime';
import { pageSchema } from '../http/pagination.ts';

// The runtime's HTTP contract: a zod schema for every answer and the explicit
// mapper from the runtime's camelCase types to its snake_case fields.

const RUN_STATUSES = ['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
const iso = z.string().describe('ISO 8601 time');

// ── runs ───────────────────────────────────────────────────────────────

const factorSchema = z.object({ code: z.string().describe('The rule (mobile_cloud, critical_local, over_budget, …); the web translates it'), params: z.record(z.string(), z.union([z.string(), z.number()])) });
const routeInputsSchema = z.object({
  client: z.enum(['desktop', 'web', 'mobile', 'cli', 'sidecar']),
  risk: z.enum(['normal', 'critical']),
  critical_tools: z.array(z.string()),
  local_available: z.boolean(),
  cloud_available: z.boolean(),
  tools_missing_locally: z.array(z.string()),
  tools_missing_in_cloud: z.array(z.string()),
  cloud_queue_length: z.number().int().nullable(),
  cloud_queue_wait_seconds: z.number().nullable(),
  estimated_cost_cents: z.number().nullable(),
  budget_cents: z.number().nullable(),
  user_active_runs: z.number().int().nullable(),
  user_concurrency: z.number().int().nullable(),
});
const routeSchema = z.object({
  target: z.enum(['local', 'cloud']),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  needs_confirmation: z.boolean().describe('The user must confirm before the run starts (critical work going to the cloud, or an estimate over budget)'),
  factors: z.array(factorSchema).describe('The reasons as codes with parameters'),
  warning_factors: z.array(factorSchema),
  inputs: routeInputsSchema.nullable().describe('What the router decided on; null for runs routed before it was recorded'),
  confirmed_at: iso.nullable(),
});
const usageSchema = z.object({ cost_cents: z.number().optional(), tokens: z.number().optional(), llm_calls: z.number().optional(), steps: z.number().optional() });
const waitingSchema = z.object({ node: z.string(), request_id: z.string(), since: iso, timeout_at: iso.nullable() });

const runSummarySchema = z.object({
  id: z.string(),
  graph: z.string(),
  graph_version: z.number().int().nullable(),
  status: z.enum(RUN_STATUSES),
  trace_id: z.string(),
  route: routeSchema.nullable(),
  budget: z.record(z.string(), z.number()).nullable(),
  output: z.record(z.string(), z.unknown()).nullable().describe('What the graph returned; null until it completes'),
  error: z.object({ code: z.string(), message: z.string(), node: z.string().optional() }).nullable(),
  usage: usageSchema.nullable(),
  last_seq: z.number().int(),
  cancel_requested: z.boolean(),
  awaiting_confirmation: z.boolean().describe('Held before its first node until the user confirms (POST /api/runs/:id/confirm)'),
  created_at: iso,
  updated_at: iso,
  finished_at: iso.nullable(),
});

/** A run in a list: what it is about (`subject`) instead of its inputs. */
export const runListItemSchema = runSummarySchema.extend({ subject: z.string().nullable().describe('The topic or other main text input, shortened; null when it took no text') });
export const runSchema = runSummarySchema.extend({
  inputs: z.record(z.string(), z.unknown()),
  waiting: waitingSchema.nullable().describe('The human step the run waits on'),
});
export const runPageSchema = pageSchema(runListItemSchema);

export const queueSchema = z.object({
  queued: z.number().int().describe('Runs waiting to start (not those held for confirmation)'),
  running: z.number().int(),
  concurrency: z.number().int().describe('Runs executing at once per worker process'),
  estimated_wait_seconds: z.number().nullable().describe('How long a new run would wait; null before any run finished'),
});
export const queueJson = (q: QueueStats): z.infer<typeof queueSchema> => ({ queued: q.queued, running: q.running, concurrency: q.concurrency, estimated_wait_seconds: q.estimatedWaitSeconds });

export const runEventSchema = z.object({
  run_id: z.string(),
  trace_id: z.string(),
  span_id: z.string(),
  seq: z.number().int(),
  type: z.enum(RUN_EVENT_TYPES),
  node: z.string().nullable(),
  ts: iso,
  data: z.record(z.string(), z.unknown()),
});
export const runEventPageSchema = z.object({ items: z.array(runEventSchema), status: z.enum(RUN_STATUSES), last_seq: z.number().int() });
export const resumeSchema = z.object({ accepted: z.literal(true), replayed: z.boolean(), request_id: z.string(), run: runSchema });

type Usage = NonNullable<Run['usage']>;
type Waiting = NonNullable<NonNullable<Run['checkpoint']>['waiting']>;

// The engine keeps usage, the route and the waiting step in camelCase; the API names them in snake_case like the rest of a run.
const usageJson = (u: Usage): z.infer<typeof usageSchema> => ({ cost_cents: u.costCents, tokens: u.tokens, llm_calls: u.llmCalls, steps: u.steps });
const waitingJson = (w: Waiting): z.infer<typeof waitingSchema> => ({ node: w.node, request_id: w.requestId, since: w.since, timeout_at: w.timeoutAt ?? null });
const factorJson = (f: RouteFactor): z.infer<typeof factorSchema> => ({ code: f.code, params: f.params ?? {} });
const routeInputsJson = (i: NonNullable<RouteDecision['inputs']>): z.infer<typeof routeInputsSchema> => ({
  client: i.client,
  risk: i.risk,
  critical_tools: i.criticalTools ?? [],
  local_available: i.localAvailable,
  cloud_available: i.cloudAvailable,
  tools_missing_locally: i.toolsMissingLocally,
  tools_missing_in_cloud: i.toolsMissingInCloud,
  cloud_queue_length: i.cloudQueueLength ?? null,
  cloud_queue_wait_seconds: i.cloudQueueWaitSeconds ?? null,
  estimated_cost_cents: i.estimatedCostCents ?? null,
  budget_cents: i.budgetCents ?? null,
  user_active_runs: i.userActiveRuns ?? null,
  user_concurrency: i.userConcurrency ?? null,
});
const routeJson = (r: RouteDecision): z.infer<typeof routeSchema> => ({
  target: r.target,
  reasons: r.reasons,
  warnings: r.warnings,
  needs_confirmation: r.needsConfirmation,
  factors: (r.factors ?? []).map(factorJson),
  warning_factors: (r.warningFactors ?? []).map(factorJson),
  inputs: r.inputs ? routeInputsJson(r.inputs) : null,
  confirmed_at: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
});

/** The API face of a run in a list: what it is about instead of its inputs, no waiting step. */
export function runSummaryJson(run: RunSummary): z.infer<typeof runListItemSchema> {
  return {
    id: run.id,
    graph: run.graphName,
    graph_version: run.graphVersion,
    status: run.status,
    trace_id: run.traceId,
    route: run.route ? routeJson(run.route) : null,
    budget: run.budget,
    output: run.output ?? null,
    error: run.error,
    usage: run.usage ? usageJson(run.usage) : null,
    last_seq: run.lastSeq,
    cancel_requested: run.cancelRequested,
    awaiting_confirmation: awaitingConfirmation(run),
    created_at: run.createdAt.toISOString(),
    updated_at: run.updatedAt.toISOString(),
    finished_at: run.finishedAt ? run.finishedAt.toISOString() : null,
    subject: runSubject(run.inputs),
  };
}

/** The API face of a run. */
export function runJson(run: Run): z.infer<typeof runSchema> {
  const { subject: _subject, ...summary } = runSummaryJson(run);
  return { ...summary, inputs: run.inputs, waiting: run.checkpoint?.waiting ? waitingJson(run.checkpoint.waiting) : null };
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

/** A persisted or live event; the engine's envelope is already snake_case. */
export const runEventJson = (e: RunEvent): z.infer<typeof runEventSchema> => ({ run_id: e.run_id, trace_id: e.trace_id, span_id: e.span_id, seq: e.seq, type: e.type, node: e.node, ts: e.ts, data: e.data });

// ── graphs ─────────────────────────────────────────────────────────────

const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  node: z.string().optional(),
  path: z.string().describe('Dotted path in the document, e.g. nodes.draft.prompt'),
  message: z.string(),
  suggestion: z.string().optional(),
});
export const issueJson = (i: GraphIssue): z.infer<typeof issueSchema> => ({ severity: i.severity, file: i.file, line: i.line, col: i.col, node: i.node, path: i.path, message: i.message, suggestion: i.suggestion });

// The DSL's own schemas are strict (a typo in a graph is an error); an answer only strips what it does not declare.
const inputJsonSchema = z.object({ ...inputSchema.shape, widget: z.enum(INPUT_WIDGETS).optional() });
const localeText = z.object({ label: z.string().optional(), description: z.string().optional(), placeholder: z.string().optional(), enum_labels: z.record(z.string(), z.string()).optional() });
const localeJsonSchema = z.object({ ...graphLocaleSchema.shape, inputs: z.record(z.string(), localeText).optional() });

export const graphListItemSchema = z.object({
  name: z.string(),
  version: z.number().int().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  button: z.string().nullable(),
  example: z.record(z.string(), z.unknown()).nullable(),
  locales: z.record(z.string(), localeJsonSchema),
  inputs: z.record(z.string(), inputJsonSchema).describe('What a run takes; a client builds the start form from these and sends only them'),
  nodes: z.record(z.string(), z.object({ label: z.string().optional(), description: z.string().optional() })),
  builtin: z.boolean(),
  updated_at: iso.nullable(),
  runnable: z.boolean().describe('False when the graph uses a tool of a feature not built yet: a client shows it disabled'),
  unavailable_tools: z.array(z.string()),
  not_runnable_reason: z.string().nullable(),
});
export const graphListSchema = z.object({ items: z.array(graphListItemSchema) });

export const graphListItemJson = (g: GraphSummary): z.infer<typeof graphListItemSchema> => ({
  name: g.name,
  version: g.version,
  title: g.title ?? null,
  description: g.description ?? null,
  button: g.button ?? null,
  example: g.example ?? null,
  locales: g.locales ?? {},
  inputs: g.inputs ?? {},
  nodes: g.nodes,
  builtin: g.builtin,
  updated_at: g.updatedAt?.toISOString() ?? null,
  runnable: g.runnable,
  unavailable_tools: g.unavailableTools,
  not_runnable_reason: g.reason ?? null,
});

export const graphValidationSchema = z.object({ valid: z.boolean(), issues: z.array(issueSchema) });
export const savedGraphSchema = z.object({ name: z.string(), version: z.number().int().nullable(), created_at: iso.nullable(), warnings: z.array(issueSchema) });
export const graphSchema = z.object({
  name: z.string(),
  version: z.number().int().nullable(),
  builtin: z.boolean(),
  source: z.string().describe('The graph as written (YAML)'),
  definition: z.record(z.string(), z.unknown()).describe('The parsed graph'),
  versions: z.array(z.object({ version: z.number().int(), created_at: iso })),
});
export const graphJson = (stored: StoredGraph, versions: Array<{ version: number; createdAt: Date }>): z.infer<typeof graphSchema> => ({
  name: stored.name,
  version: stored.version,
  builtin: stored.builtin,
  source: stored.source,
  definition: stored.graph,
  versions: versions.map((v) => ({ version: v.version, created_at: v.createdAt.toISOString() })),
});
export const graphDslSchema = z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the graph DSL');

// ── tools ──────────────────────────────────────────────────────────────

const toolRuntime = z.enum(['local', 'cloud', 'universal']);
export const toolListSchema = z.object({
  runtime: z.enum(['local', 'cloud']).describe('Where this server executes runs'),
  items: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      runtime: toolRuntime,
      capabilities: z.array(z.string()),
      fallback: z.string().optional().describe('The tool used instead where this one cannot run'),
      status: z.object({ available: z.boolean(), reason: z.string().optional() }),
    }),
  ),
});
export interface ToolListing {
  name: string;
  description: string;
  runtime: string;
  capabilities: string[];
  fallback?: string;
  status: { available: boolean; reason?: string };
}
export const toolJson = (t: ToolListing): z.infer<typeof toolListSchema>['items'][number] => ({
  name: t.name,
  description: t.description,
  runtime: toolRuntime.parse(t.runtime),
  capabilities: t.capabilities,
  fallback: t.fallback,
  status: t.status.available ? { available: true } : { available: false, reason: t.status.reason },
});
export const toolCallSchema = z.object({ name: z.string(), implementation: z.string().describe('`<tool>@<runtime>`: which implementation answered'), result: z.unknown() });

// ── MCP servers ────────────────────────────────────────────────────────

export const mcpServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  transport: z.enum(['stdio', 'http']),
  command: z.string().nullable(),
  args: z.array(z.string()),
  url: z.string().nullable(),
  enabled: z.boolean(),
  created_at: iso,
});
export const mcpServerListSchema = z.object({ items: z.array(mcpServerSchema) });
/**
 * An MCP URL as members see it: a credential in it (user info, any query value such as
 * `?token=`) is masked; viewers list MCP servers, the credential is the admins' (secret-leak suite).
 */
export function maskedMcpUrl(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = url.username ? '…' : '';
      url.password = url.password ? '…' : '';
    }
    for (const key of [...new Set(url.searchParams.keys())]) url.searchParams.set(key, '…');
    return url.toString().replace(/%E2%80%A6/g, '…');
  } catch {
    return '…';
  }
}

export const mcpServerJson = (server: McpServer): z.infer<typeof mcpServerSchema> => ({
  id: server.id,
  name: server.name,
  transport: server.transport,
  command: server.command,
  args: server.args,
  url: maskedMcpUrl(server.url),
  enabled: server.enabled,
  created_at: server.createdAt.toISOString(),
});
