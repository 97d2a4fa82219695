import { z } from 'zod';

/**
 * The graph DSL, version 1. YAML files are parsed into this shape; the same
 * zod schema exports JSON Schema for editors (`creatorflow graph schema`).
 * Strings in `prompt`, `system`, `message` and tool `args` are Liquid
 * templates; strings in `if`, `when`, `over` and args starting with `=` are
 * safe expressions (see expression.ts).
 */
const nodeId = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$/, 'node ids use letters, digits, _ or - and start with a letter');
const stateKey = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/, 'state keys use letters, digits and _ and start with a letter');

export const NODE_TYPES = ['llm', 'agent', 'tool', 'condition', 'switch', 'parallel', 'map', 'human', 'subgraph', 'noop'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const retrySchema = z.strictObject({
  attempts: z.number().int().min(1).max(10).describe('Total attempts including the first'),
  backoff_ms: z.number().int().min(0).max(600_000).default(500).describe('Base delay, doubled after each failure'),
  on: z.array(z.string().min(1)).optional().describe("Error codes to retry; default: errors marked retryable. 'any' retries everything"),
});

export const onErrorSchema = z.union([
  z.literal('fail'),
  z.strictObject({ branch: nodeId.describe('Node to continue at; the error is in `error`') }),
  z.strictObject({ default: z.unknown().describe('Value used as the node output') }),
]);

const common = {
  label: z.string().optional().describe('What the step is called in run timelines (zh-CN)'),
  description: z.string().optional(),
  output: stateKey.optional().describe('State key the node result is written to (through its reducer)'),
  next: nodeId.optional().describe("Node that runs after this one; omitted or 'end' finishes the graph"),
  retry: retrySchema.optional(),
  timeout_seconds: z.number().positive().max(86_400).optional(),
  on_error: onErrorSchema.optional(),
  max_visits: z.number().int().min(1).max(10_000).optional().describe('Bound for loops: the node runs at most this often'),
  exhausted: nodeId.optional().describe('Where to go instead when max_visits is reached; default: the run fails'),
};

const templateString = z.string();
const expression = z.string().min(1);

export const llmNodeSchema = z.strictObject({
  type: z.literal('llm'),
  ...common,
  model: z.string().min(1).default('default'),
  system: templateString.optional(),
  prompt: templateString,
  temperature: z.number().min(0).max(2).optional(),
  max_output_tokens: z.number().int().positive().max(200_000).optional(),
  schema: z.record(z.string(), z.unknown()).optional().describe('JSON Schema the reply must match (structured output)'),
  stream: z.boolean().default(true),
});

export const agentNodeSchema = z.strictObject({
  type: z.literal('agent'),
  ...common,
  model: z.string().min(1).default('default'),
  system: templateString.optional(),
  prompt: templateString,
  tools: z.array(z.string().min(1)).min(1),
  max_steps: z.number().int().min(1).max(50).default(8).describe('Model turns before the agent stops'),
  temperature: z.number().min(0).max(2).optional(),
  max_output_tokens: z.number().int().positive().max(200_000).optional(),
});

export const toolNodeSchema = z.strictObject({
  type: z.literal('tool'),
  ...common,
  tool: z.string().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
});

export const conditionNodeSchema = z.strictObject({
  type: z.literal('condition'),
  ...common,
  if: expression,
  then: nodeId,
  else: nodeId,
});

export const switchNodeSchema = z.strictObject({
  type: z.literal('switch'),
  ...common,
  cases: z.array(z.strictObject({ when: expression, next: nodeId })).min(1),
  default: nodeId,
});

export const parallelNodeSchema = z.strictObject({
  type: z.literal('parallel'),
  ...common,
  branches: z.array(nodeId).min(2).describe('Nodes run at once; their outputs merge in this order'),
});

export const mapNodeSchema = z.strictObject({
  type: z.literal('map'),
  ...common,
  over: expression.describe('Expression giving the list to fan out over'),
  node: nodeId.describe('Node run once per item, with `item` and `index` in scope'),
  concurrency: z.number().int().min(1).max(256).default(4),
});

export const humanNodeSchema = z.strictObject({
  type: z.literal('human'),
  ...common,
  message: templateString,
  form: z.record(z.string(), z.unknown()).describe('JSON Schema of the answer'),
  on_timeout: z.union([z.literal('fail'), z.strictObject({ default: z.unknown() })]).optional(),
});

export const subgraphNodeSchema = z.strictObject({
  type: z.literal('subgraph'),
  ...common,
  graph: z.string().min(1).describe('Name of another graph'),
  inputs: z.record(z.string(), z.unknown()).default({}),
});

export const noopNodeSchema = z.strictObject({ type: z.literal('noop'), ...common });

export const nodeSchema = z.discriminatedUnion('type', [
  llmNodeSchema,
  agentNodeSchema,
  toolNodeSchema,
  conditionNodeSchema,
  switchNodeSchema,
  parallelNodeSchema,
  mapNodeSchema,
  humanNodeSchema,
  subgraphNodeSchema,
  noopNodeSchema,
]);

export const REDUCERS = ['replace', 'append', 'merge'] as const;
export type Reducer = (typeof REDUCERS)[number];

const valueType = z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'any']);

/**
 * How a client asks for an input: a picker of the workspace's works, ideas,
 * accounts or assets (the value is the chosen id), a platform choice, a long
 * text or a date-time. Without it the client picks from `type` and `enum`.
 */
export const INPUT_WIDGETS = ['text', 'textarea', 'url', 'work', 'idea', 'account', 'asset', 'platform', 'platforms', 'datetime'] as const;

export const inputSchema = z.strictObject({
  type: valueType.default('string'),
  required: z.boolean().default(false),
  default: z.unknown().optional(),
  label: z.string().optional().describe('Short field name shown in start forms (zh-CN); `locales` has other languages'),
  description: z.string().optional(),
  enum: z.array(z.union([z.string(), z.number()])).optional(),
  enum_labels: z.record(z.string(), z.string()).optional().describe('Display name of each enum value (zh-CN)'),
  widget: z.enum(INPUT_WIDGETS).optional(),
  placeholder: z.string().optional(),
});

/** A graph's texts in another language: what start forms and run timelines show. */
export const graphLocaleSchema = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  button: z.string().optional(),
  inputs: z
    .record(z.string(), z.strictObject({ label: z.string().optional(), description: z.string().optional(), placeholder: z.string().optional(), enum_labels: z.record(z.string(), z.string()).optional() }))
    .optional(),
  nodes: z.record(z.string(), z.string()).optional().describe('Node id → label'),
});

export const stateFieldSchema = z.strictObject({
  type: valueType.default('any'),
  reducer: z.enum(REDUCERS).default('replace'),
  default: z.unknown().optional(),
  description: z.string().optional(),
});

export const budgetSchema = z.strictObject({
  max_cost_cents: z.number().positive().optional(),
  max_tokens: z.number().int().positive().optional(),
  max_steps: z.number().int().positive().max(1_000_000).optional(),
  max_wall_seconds: z.number().positive().optional(),
  warn_at: z.number().gt(0).lt(1).default(0.8).describe('Share of a budget at which budget_warning is emitted'),
  on_exceed: z.enum(['stop', 'degrade']).default('stop'),
  degrade_model: z.string().min(1).optional().describe('Cheaper model used once the cost budget would be exceeded'),
});

export const graphSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'graph names are lowercase letters, digits and -'),
  title: z.string().optional().describe('Name people see (zh-CN), e.g. 图文创作'),
  description: z.string().optional(),
  button: z.string().optional().describe('Label of the start button (zh-CN)'),
  example: z.record(z.string(), z.unknown()).optional().describe('Inputs a start form can fill in as an example'),
  locales: z.record(z.string(), graphLocaleSchema).optional().describe('Texts in other languages, keyed by locale (en)'),
  inputs: z.record(z.string(), inputSchema).default({}),
  state: z.record(z.string(), stateFieldSchema).default({}),
  budget: budgetSchema.optional(),
  start: nodeId,
  nodes: z.record(z.string(), nodeSchema),
  output: z.record(z.string(), z.string()).optional().describe('Run output: name → expression over inputs and state'),
});

export type Graph = z.infer<typeof graphSchema>;
export type GraphNode = z.infer<typeof nodeSchema>;
export type NodeOf<T extends NodeType> = Extract<GraphNode, { type: T }>;
export type Budget = z.infer<typeof budgetSchema>;
export type RetryPolicy = z.infer<typeof retrySchema>;
export type OnError = z.infer<typeof onErrorSchema>;

/** The JSON Schema editors use to complete and check graph files. */
export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(graphSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Keys a node of each type accepts, for "did you mean" suggestions. */
export function nodeKeys(type: NodeType): string[] {
  const schemas: Record<NodeType, z.ZodObject> = {
    llm: llmNodeSchema,
    agent: agentNodeSchema,
    tool: toolNodeSchema,
    condition: conditionNodeSchema,
    switch: switchNodeSchema,
    parallel: parallelNodeSchema,
    map: mapNodeSchema,
    human: humanNodeSchema,
    subgraph: subgraphNodeSchema,
    noop: noopNodeSchema,
  };
  return Object.keys(schemas[type].shape);
}
