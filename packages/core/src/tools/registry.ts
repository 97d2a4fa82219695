import { z } from 'zod';
import { CreatorFlowError, ValidationError, toFieldIssues } from '../errors.ts';
import type { LlmPort, ToolSpec } from '../llm-port.ts';
import type { ToolStatus } from '../graph/analysis.ts';
import { didYouMean } from '../graph/suggest.ts';

export type ToolRuntime = 'local' | 'cloud';

/** What a tool gets besides its input: who is calling, for which run, and when to stop. */
export interface ToolContext {
  workspaceId: string;
  userId?: string;
  runId?: string;
  traceId?: string;
  node?: string;
  runtime: ToolRuntime;
  signal: AbortSignal;
  /**
   * Inside a run: the model port scoped to it. Every call is checked against the
   * run's budget, written to its cost ledger and shown as a cost_update event, so
   * a tool that asks a model for help (illustration planning, a video script)
   * costs the run what it spends. Tools fall back to their own port outside runs.
   */
  llm?: LlmPort;
}

/**
 * A typed tool. Register one per name and runtime: `universal` runs anywhere,
 * `local`/`cloud` only there. `available` says why a tool cannot run right
 * now (a package not installed, a login missing); `fallback` names another
 * tool to use instead where this one cannot run.
 */
export interface ToolDefinition<I = unknown, O = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  runtime: 'universal' | ToolRuntime;
  /** What the tool needs or does: 'network', 'browser', 'filesystem', 'llm', 'writes' … */
  capabilities?: string[];
  fallback?: string;
  /** JSON Schema shown to models instead of the one derived from `input` (MCP tools bring their own). */
  parameters?: Record<string, unknown>;
  available?: () => ToolStatus;
  run(input: I, ctx: ToolContext): Promise<O>;
}

/** A tool chosen for a runtime, ready to call with unchecked arguments. */
export interface ResolvedTool {
  name: string;
  /** The registration actually used (differs from `name` when a fallback was taken). */
  implementation: string;
  description: string;
  capabilities: string[];
  spec: ToolSpec;
  invoke(args: unknown, ctx: ToolContext): Promise<unknown>;
}

export type ToolResolution = { ok: true; tool: ResolvedTool } | { ok: false; reason: string; known: boolean };

/** How the engine finds tools; the registry implements it, a run may layer workspace MCP tools on top. */
export interface ToolResolver {
  resolve(name: string, runtime: ToolRuntime): ToolResolution;
  names(): string[];
}

export class ToolError extends CreatorFlowError {
  constructor(code: string, message: string, options: { retryable?: boolean; cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(code, message, { status: 502, ...options });
    this.name = 'ToolError';
  }
}

export class ToolRegistry implements ToolResolver {
  readonly #tools = new Map<string, ToolDefinition[]>();

  /** Registers a tool; a second registration for the same name and runtime replaces the first. */
  register<I, O>(definition: ToolDefinition<I, O>): this {
    if (!/^[a-z][a-z0-9_.:-]{0,63}$/.test(definition.name)) throw new Error(`Invalid tool name '${definition.name}'`);
    const list = (this.#tools.get(definition.name) ?? []).filter((d) => d.runtime !== definition.runtime);
    list.push(definition as unknown as ToolDefinition);
    this.#tools.set(definition.name, list);
    return this;
  }

  unregister(name: string): void {
    this.#tools.delete(name);
  }

  names(): string[] {
    return [...this.#tools.keys()].sort();
  }

  /** Registrations, for listings (`GET /api/tools`). */
  list(): Array<{ name: string; description: string; runtime: string; capabilities: string[]; fallback?: string; status: ToolStatus }> {
    return [...this.#tools.values()].flat().map((d) => ({
      name: d.name,
      description: d.description,
      runtime: d.runtime,
      capabilities: d.capabilities ?? [],
      fallback: d.fallback,
      status: d.available?.() ?? { available: true },
    }));
  }

  /** Availability for graph validation. */
  status(name: string, runtime: ToolRuntime): ToolStatus | undefined {
    const resolution = this.resolve(name, runtime);
    if (resolution.ok) return { available: true };
    return resolution.known ? { available: false, reason: resolution.reason } : undefined;
  }

  resolve(name: string, runtime: ToolRuntime, seen: Set<string> = new Set()): ToolResolution {
    const list = this.#tools.get(name);
    if (!list) return { ok: false, known: false, reason: `unknown tool '${name}'${suffix(didYouMean(name, this.names()))}` };
    seen.add(name);
    const candidates = [list.find((d) => d.runtime === runtime), list.find((d) => d.runtime === 'universal')].filter((d): d is ToolDefinition => !!d);
    const reasons: string[] = [];
    for (const definition of candidates) {
      const status = definition.available?.() ?? { available: true };
      if (status.available) return { ok: true, tool: bind(name, definition) };
      reasons.push(status.reason);
    }
    if (candidates.length === 0) reasons.push(`it runs only in ${list.map((d) => d.runtime).join('/')} mode`);
    const fallback = list.find((d) => d.fallback)?.fallback;
    if (fallback && !seen.has(fallback)) {
      const alternative = this.resolve(fallback, runtime, seen);
      if (alternative.ok) return { ok: true, tool: { ...alternative.tool, name } };
      reasons.push(`fallback '${fallback}': ${alternative.reason}`);
    }
    return { ok: false, known: true, reason: reasons.join('; ') };
  }
}

function suffix(hint: string | undefined): string {
  return hint ? ` — ${hint}` : '';
}

function bind(name: string, definition: ToolDefinition): ResolvedTool {
  const parameters = definition.parameters ?? (z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>);
  delete parameters.$schema;
  return {
    name,
    implementation: `${definition.name}@${definition.runtime}`,
    description: definition.description,
    capabilities: definition.capabilities ?? [],
    spec: { name, description: definition.description, parameters },
    async invoke(args, ctx) {
      const input = definition.input.safeParse(args);
      if (!input.success) {
        throw new ValidationError(`tool '${name}' got invalid arguments: ${input.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, toFieldIssues(input.error.issues));
      }
      const result = await definition.run(input.data, ctx);
      const output = definition.output.safeParse(result);
      if (!output.success) {
        throw new ToolError('TOOL_OUTPUT_INVALID', `tool '${name}' returned data that does not match its output schema: ${output.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return output.data;
    },
  };
}

/** A run's view of tools: its own extra tools (workspace MCP servers) first, then the shared registry. */
export class LayeredTools implements ToolResolver {
  constructor(
    private readonly extra: ToolRegistry,
    private readonly base: ToolResolver,
  ) {}

  resolve(name: string, runtime: ToolRuntime): ToolResolution {
    const own = this.extra.resolve(name, runtime);
    return own.ok || own.known ? own : this.base.resolve(name, runtime);
  }

  names(): string[] {
    return [...new Set([...this.extra.names(), ...this.base.names()])].sort();
  }
}
