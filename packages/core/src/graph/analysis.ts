import type { Graph, GraphNode } from './schema.ts';
import { expressionReferences } from './expression.ts';
import { templateReferences } from './template.ts';
import { checkJsonSchema } from './json-schema.ts';
import { didYouMean } from './suggest.ts';

export type IssuePath = Array<string | number>;

export interface SemanticIssue {
  severity: 'error' | 'warning';
  path: IssuePath;
  message: string;
  suggestion?: string;
}

export type ToolStatus = { available: true } | { available: false; reason: string };

export interface AnalysisOptions {
  /** Availability of a tool where the graph will run; undefined = no such tool. Omit the option to skip tool checks. */
  toolStatus?: (name: string) => ToolStatus | undefined;
  /** Known tool names, for suggestions. */
  toolNames?: () => string[];
  /** Whether a subgraph name resolves; omit to skip. */
  graphExists?: (name: string) => boolean;
}

export const END = 'end';

/** Control-flow successors of a node (not the nodes it runs inside itself). */
export function successors(node: GraphNode): Array<{ target: string; path: IssuePath }> {
  const out: Array<{ target: string; path: IssuePath }> = [];
  if (node.next) out.push({ target: node.next, path: ['next'] });
  if (node.exhausted) out.push({ target: node.exhausted, path: ['exhausted'] });
  if (node.on_error && typeof node.on_error === 'object' && 'branch' in node.on_error) out.push({ target: node.on_error.branch, path: ['on_error', 'branch'] });
  if (node.type === 'condition') out.push({ target: node.then, path: ['then'] }, { target: node.else, path: ['else'] });
  if (node.type === 'switch') {
    node.cases.forEach((c, i) => out.push({ target: c.next, path: ['cases', i, 'next'] }));
    out.push({ target: node.default, path: ['default'] });
  }
  return out;
}

/** Nodes a node runs inside itself (parallel branches, map body). */
export function children(node: GraphNode): Array<{ target: string; path: IssuePath }> {
  if (node.type === 'parallel') return node.branches.map((b, i) => ({ target: b, path: ['branches', i] }));
  if (node.type === 'map') return [{ target: node.node, path: ['node'] }];
  return [];
}

const ROOTS = ['inputs', 'state', 'item', 'index', 'error', 'visits', 'run'];

export function analyseGraph(graph: Graph, options: AnalysisOptions = {}): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const ids = Object.keys(graph.nodes);
  const idSet = new Set(ids);
  const err = (path: IssuePath, message: string, suggestion?: string) => issues.push({ severity: 'error', path, message, suggestion });
  const warn = (path: IssuePath, message: string, suggestion?: string) => issues.push({ severity: 'warning', path, message, suggestion });

  if (!idSet.has(graph.start)) err(['start'], `start node '${graph.start}' does not exist`, didYouMean(graph.start, ids));

  const owners = new Map<string, string>();
  for (const [id, node] of Object.entries(graph.nodes)) {
    for (const edge of successors(node)) {
      if (edge.target === END && !(edge.path[0] === 'on_error')) continue;
      if (!idSet.has(edge.target)) err(['nodes', id, ...edge.path], `edge to unknown node '${edge.target}'`, didYouMean(edge.target, [...ids, END]) ?? `known nodes: ${ids.join(', ')}`);
    }
    for (const child of children(node)) {
      if (!idSet.has(child.target)) {
        err(['nodes', id, ...child.path], `unknown node '${child.target}'`, didYouMean(child.target, ids));
        continue;
      }
      if (child.target === id) err(['nodes', id, ...child.path], `a node cannot run inside itself`);
      const previous = owners.get(child.target);
      if (previous && previous !== id) err(['nodes', id, ...child.path], `node '${child.target}' already runs inside '${previous}'`, 'give each branch its own node');
      owners.set(child.target, id);
      const inner = graph.nodes[child.target]!;
      if (!['llm', 'agent', 'tool', 'subgraph', 'noop'].includes(inner.type)) {
        err(['nodes', child.target, 'type'], `a '${inner.type}' node cannot run inside '${id}'`, 'inside parallel and map use llm, agent, tool, subgraph or noop (a subgraph can hold any flow)');
      }
      if (graph.nodes[child.target]?.next) {
        err(['nodes', child.target, 'next'], `node '${child.target}' runs inside '${id}', so it cannot have 'next'`, `remove 'next'; '${id}' continues after all its branches`);
      }
    }
  }

  // Reachability over control flow plus the nodes run inside reachable nodes.
  const reached = new Set<string>();
  const queue = idSet.has(graph.start) ? [graph.start] : [];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id) || !idSet.has(id)) continue;
    reached.add(id);
    const node = graph.nodes[id]!;
    for (const e of [...successors(node), ...children(node)]) if (e.target !== END) queue.push(e.target);
  }
  for (const id of ids) if (!reached.has(id)) err(['nodes', id], `node '${id}' is unreachable from start '${graph.start}'`, 'connect it with next/then/else/cases or remove it');

  for (const cycle of unboundedCycles(graph)) {
    err(['nodes', cycle[0]!], `cycle ${[...cycle, cycle[0]].join(' → ')} has no bound`, `add 'max_visits: 3' (and optionally 'exhausted: <node>') to one of: ${cycle.join(', ')}`);
  }

  const stateKeys = new Set([...Object.keys(graph.state), ...Object.values(graph.nodes).flatMap((n) => (n.output ? [n.output] : []))]);
  const inputKeys = new Set(Object.keys(graph.inputs));
  const mapBodies = new Set([...Object.values(graph.nodes)].flatMap((n) => (n.type === 'map' ? [n.node] : [])));
  const checkRefs = (refs: Array<[string, string | undefined]>, path: IssuePath, nodeId?: string) => {
    for (const [root, key] of refs) {
      if (!ROOTS.includes(root)) {
        err(path, `unknown variable '${root}'`, didYouMean(root, ROOTS) ?? `use one of: ${ROOTS.join(', ')}`);
      } else if (root === 'inputs' && key !== undefined && !inputKeys.has(key)) {
        err(path, `'inputs.${key}' is not a declared input`, didYouMean(key, inputKeys) ?? `declare it under 'inputs:'`);
      } else if (root === 'state' && key !== undefined && !stateKeys.has(key)) {
        err(path, `'state.${key}' is never written`, didYouMean(key, stateKeys) ?? `declare it under 'state:' or set some node's 'output: ${key}'`);
      } else if ((root === 'item' || root === 'index') && (!nodeId || !mapBodies.has(nodeId))) {
        err(path, `'${root}' exists only in a node run by a map`, undefined);
      } else if (root === 'visits' && key !== undefined && !idSet.has(key)) {
        err(path, `'visits.${key}' names no node`, didYouMean(key, ids));
      }
    }
  };
  const template = (source: string, path: IssuePath, nodeId?: string) => {
    try {
      checkRefs(templateReferences(source), path, nodeId);
    } catch (error) {
      err(path, (error as Error).message, 'check the {{ }} and {% %} tags');
    }
  };
  const expression = (source: string, path: IssuePath, nodeId?: string) => {
    try {
      checkRefs(expressionReferences(source), path, nodeId);
    } catch (error) {
      err(path, (error as Error).message, "expressions look like: state.score >= 8 && len(state.drafts) < 3");
    }
  };
  const args = (value: unknown, path: IssuePath, nodeId: string): void => {
    if (typeof value === 'string') {
      if (value.startsWith('=')) expression(value.slice(1), path, nodeId);
      else template(value, path, nodeId);
    } else if (Array.isArray(value)) value.forEach((v, i) => args(v, [...path, i], nodeId));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) args(v, [...path, k], nodeId);
  };

  for (const [id, node] of Object.entries(graph.nodes)) {
    const at = (...p: IssuePath): IssuePath => ['nodes', id, ...p];
    if (node.type === 'llm' || node.type === 'agent') {
      template(node.prompt, at('prompt'), id);
      if (node.system) template(node.system, at('system'), id);
    }
    if (node.type === 'llm' && node.schema) for (const p of checkJsonSchema(node.schema)) err(at('schema'), p);
    if (node.type === 'human') {
      template(node.message, at('message'), id);
      for (const p of checkJsonSchema(node.form)) err(at('form'), p);
      if (node.on_timeout && !node.timeout_seconds) err(at('on_timeout'), `'on_timeout' needs 'timeout_seconds'`, 'add timeout_seconds: 86400');
    }
    if (node.type === 'tool') args(node.args, at('args'), id);
    if (node.type === 'subgraph') {
      args(node.inputs, at('inputs'), id);
      if (options.graphExists && !options.graphExists(node.graph)) err(at('graph'), `subgraph '${node.graph}' does not exist`);
    }
    if (node.type === 'condition') expression(node.if, at('if'), id);
    if (node.type === 'switch') node.cases.forEach((c, i) => expression(c.when, at('cases', i, 'when'), id));
    if (node.type === 'map') expression(node.over, at('over'), id);
    if (node.exhausted && !node.max_visits) err(at('exhausted'), `'exhausted' needs 'max_visits'`);
    if (options.toolStatus) {
      const names = node.type === 'tool' ? [[node.tool, at('tool')] as const] : node.type === 'agent' ? node.tools.map((t, i) => [t, at('tools', i)] as const) : [];
      for (const [name, path] of names) {
        const status = options.toolStatus(name);
        if (!status) err(path, `unknown tool '${name}'`, didYouMean(name, options.toolNames?.() ?? []) ?? `available tools: ${(options.toolNames?.() ?? []).join(', ') || '(none)'}`);
        else if (!status.available) warn(path, `tool '${name}' is not available here: ${status.reason}`, 'runs of this graph fail at this node until the tool is installed');
      }
    }
  }
  for (const [key, source] of Object.entries(graph.output ?? {})) expression(source, ['output', key]);

  const budget = graph.budget;
  if (budget) {
    if (budget.on_exceed === 'degrade' && !budget.degrade_model) err(['budget', 'on_exceed'], `'on_exceed: degrade' needs 'degrade_model'`, 'add degrade_model: <a cheaper model or group>');
    if (budget.degrade_model && budget.on_exceed !== 'degrade') warn(['budget', 'degrade_model'], `'degrade_model' is only used with 'on_exceed: degrade'`);
  }
  return issues;
}

/** Strongly connected components with a cycle and no node declaring max_visits. */
function unboundedCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  const edges = (id: string) => {
    const node = graph.nodes[id];
    return node ? successors(node).map((e) => e.target).filter((t) => t !== END && graph.nodes[t]) : [];
  };
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const cyclic = component.length > 1 || edges(v).includes(v);
      if (cyclic && !component.some((id) => graph.nodes[id]!.max_visits)) result.push(component.reverse());
    }
  };
  for (const id of Object.keys(graph.nodes)) if (!index.has(id)) strong(id);
  return result;
}
