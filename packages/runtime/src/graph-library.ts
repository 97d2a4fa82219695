import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { NotFoundError, validateGraphSource, ValidationError, formatIssue, type AnalysisOptions, type Graph, type GraphIssue } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import { RuntimeStore } from './runtime-store.ts';

export const BUILTIN_GRAPHS_DIR = fileURLToPath(new URL('../../../graphs/', import.meta.url));

/** What a client needs to offer a graph: its names per locale, start-form inputs and step labels. */
export interface GraphPresentation {
  title?: string;
  description?: string;
  button?: string;
  example?: Record<string, unknown>;
  locales?: Graph['locales'];
  inputs: Graph['inputs'];
  /** Node id → its own label/description (locales may name it too). */
  nodes: Record<string, { label?: string; description?: string }>;
}

export function summarizeGraph(graph: Graph | undefined): GraphPresentation {
  if (!graph) return { inputs: {}, nodes: {} };
  return {
    title: graph.title,
    description: graph.description,
    button: graph.button,
    example: graph.example,
    locales: graph.locales,
    inputs: graph.inputs ?? {},
    nodes: Object.fromEntries(Object.entries(graph.nodes ?? {}).map(([id, node]) => [id, { label: node.label, description: node.description }])),
  };
}

/** Whether a graph can run here: not when it uses a placeholder tool of a domain that is not built yet. */
export interface Runnability {
  runnable: boolean;
  /** The placeholder tools it uses. */
  unavailableTools: string[];
  /** Why it cannot run (English; clients show their own translation from `unavailableTools`). */
  reason?: string;
}

export interface GraphSummary extends Runnability, GraphPresentation {
  name: string;
  version: number | null;
  builtin: boolean;
  updatedAt?: Date;
}

export interface GraphLibraryOptions {
  builtinDir?: string;
  /** Placeholder tools (name → why it cannot run), from tools/registry.ts. */
  placeholders?: ReadonlyMap<string, string>;
}

export interface StoredGraph {
  name: string;
  version: number | null;
  source: string;
  graph: Graph;
  builtin: boolean;
  createdAt?: Date;
}

/**
 * Graphs a workspace can run: its own (versioned in the `graphs` table) and
 * the ones shipped in graphs/. A workspace graph with a built-in's name
 * shadows the built-in.
 */
export class GraphLibrary {
  #builtins: Map<string, { source: string; file: string }> | undefined;
  readonly #summaries = new Map<string, GraphPresentation & Runnability>();
  private readonly builtinDir: string;
  readonly #placeholders: ReadonlyMap<string, string>;
  readonly #store: RuntimeStore;

  constructor(
    database: Database,
    private readonly analysis: () => AnalysisOptions,
    options: GraphLibraryOptions = {},
  ) {
    this.builtinDir = options.builtinDir ?? BUILTIN_GRAPHS_DIR;
    this.#placeholders = options.placeholders ?? new Map();
    this.#store = new RuntimeStore(database);
  }

  /** A graph that uses a placeholder tool is listed, but not offered as runnable. */
  runnability(graph: Graph | undefined): Runnability {
    const used = graph ? toolsOf(graph) : [];
    const unavailableTools = used.filter((name) => this.#placeholders.has(name));
    if (unavailableTools.length === 0) return { runnable: true, unavailableTools };
    return { runnable: false, unavailableTools, reason: `uses tools that are ${unavailableTools.map((name) => `${name} (${this.#placeholders.get(name)})`).join(', ')}` };
  }

  builtinSources(): Map<string, { source: string; file: string }> {
    if (this.#builtins) return this.#builtins;
    const map = new Map<string, { source: string; file: string }>();
    if (existsSync(this.builtinDir)) {
      for (const file of readdirSync(this.builtinDir).filter((f) => f.endsWith('.yaml')).sort()) {
        const path = join(this.builtinDir, file);
        map.set(file.replace(/\.yaml$/, ''), { source: readFileSync(path, 'utf8'), file: path });
      }
    }
    this.#builtins = map;
    return map;
  }

  /** Description and inputs of a built-in graph: its file does not change while the server runs, so it is parsed once. */
  #builtinSummary(name: string): GraphPresentation & Runnability {
    let summary = this.#summaries.get(name);
    if (!summary) {
      const { graph } = this.validate(this.builtinSources().get(name)!.source, name);
      summary = { ...summarizeGraph(graph), ...this.runnability(graph) };
      this.#summaries.set(name, summary);
    }
    return summary;
  }

  validate(source: string, file = '<graph>'): { graph?: Graph; issues: GraphIssue[] } {
    return validateGraphSource(source, file, this.analysis());
  }

  /** Parses a graph or throws a 400 listing every error with its position. */
  parse(source: string, file = '<graph>'): { graph: Graph; issues: GraphIssue[] } {
    const result = this.validate(source, file);
    if (!result.graph) {
      const errors = result.issues.filter((i) => i.severity === 'error');
      throw new ValidationError(
        `graph is invalid:\n${errors.map(formatIssue).join('\n')}`,
        errors.map((i) => ({ path: `${i.path || '(document)'} (line ${i.line}, col ${i.col})`, message: i.message + (i.suggestion ? ` — ${i.suggestion}` : '') })),
      );
    }
    return { graph: result.graph, issues: result.issues };
  }

  async save(workspaceId: string, userId: string, source: string): Promise<{ stored: StoredGraph; issues: GraphIssue[] }> {
    const { graph, issues } = this.parse(source);
    const { version, createdAt } = await this.#store.saveGraphVersion(workspaceId, userId, graph, source);
    return { stored: { name: graph.name, version, source, graph, builtin: false, createdAt }, issues };
  }

  async list(workspaceId: string): Promise<GraphSummary[]> {
    const latest = await this.#store.latestGraphs(workspaceId);
    const own = latest.map((g) => ({ name: g.name, version: g.version, ...summarizeGraph(g.graph), builtin: false, updatedAt: g.createdAt, ...this.runnability(g.graph) }));
    const names = new Set(own.map((g) => g.name));
    const builtins = [...this.builtinSources().keys()]
      .filter((name) => !names.has(name))
      .map((name) => ({ name, version: null, ...this.#builtinSummary(name), builtin: true }));
    return [...own, ...builtins].sort((a, b) => a.name.localeCompare(b.name));
  }

  async versions(workspaceId: string, name: string): Promise<Array<{ version: number; createdAt: Date }>> {
    return this.#store.graphVersions(workspaceId, name);
  }

  /** The workspace's graph (latest or a given version), else the built-in of that name. */
  async get(workspaceId: string, name: string, version?: number): Promise<StoredGraph> {
    const own = await this.#store.graphVersion(workspaceId, name, version);
    if (own) return { ...own, builtin: false };
    const builtin = version === undefined ? this.builtinSources().get(name) : undefined;
    if (!builtin) throw new NotFoundError('Graph', version === undefined ? name : `${name}@${version}`);
    const { graph } = this.parse(builtin.source, builtin.file);
    return { name, version: null, source: builtin.source, graph, builtin: true };
  }

  /** Whether `name` resolves for the workspace (subgraph checks). */
  async exists(workspaceId: string, name: string): Promise<boolean> {
    if (this.builtinSources().has(name)) return true;
    return this.#store.graphExists(workspaceId, name);
  }
}

/** The tools a graph's nodes call (tool nodes and agent tool lists). */
export function toolsOf(graph: Graph): string[] {
  const used = new Set<string>();
  for (const node of Object.values(graph.nodes)) {
    if (node.type === 'tool') used.add(node.tool);
    if (node.type === 'agent') for (const tool of node.tools) used.add(tool);
  }
  return [...used].sort();
}
