import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { analyseGraph, type AnalysisOptions, type IssuePath } from './analysis.ts';
import { graphSchema, inputSchema, NODE_TYPES, nodeKeys, type Graph, type NodeType } from './schema.ts';
import { didYouMean } from './suggest.ts';

export interface GraphIssue {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  col: number;
  /** The node the issue is about, when there is one. */
  node?: string;
  /** Dotted path in the document, e.g. `nodes.draft.prompt`. */
  path: string;
  message: string;
  suggestion?: string;
}

export interface GraphValidation {
  /** Present when the document has no errors (warnings allowed). */
  graph?: Graph;
  issues: GraphIssue[];
}

const MAX_SOURCE_BYTES = 1_000_000;
const TOP_KEYS = Object.keys(graphSchema.shape);

/**
 * Parses and checks a graph document. Never throws on bad input: every
 * problem comes back as an issue with file, line, column, node and a hint.
 */
export function validateGraphSource(source: string, file = '<graph>', options: AnalysisOptions = {}): GraphValidation {
  const issues: GraphIssue[] = [];
  if (source.length > MAX_SOURCE_BYTES) {
    return { issues: [{ severity: 'error', file, line: 1, col: 1, path: '', message: `graph file is larger than ${MAX_SOURCE_BYTES} bytes` }] };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    return { issues: [{ severity: 'error', file, line: 1, col: 1, path: '', message: `cannot read YAML: ${(error as Error).message}` }] };
  }
  // The first few syntax errors say it; the rest are usually echoes of the first.
  for (const e of doc.errors.slice(0, 5)) {
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    issues.push({ severity: 'error', file, line: pos.line, col: pos.col, path: '', message: `YAML syntax: ${firstLine(e.message)}`, suggestion: yamlHint(e.code) });
  }
  if (issues.length > 0) return { issues };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { issues: [{ severity: 'error', file, line: 1, col: 1, path: '', message: `cannot read YAML: ${(error as Error).message}` }] };
  }
  const locate = (path: IssuePath, key = false) => position(doc, lines, path, key);
  const add = (severity: 'error' | 'warning', path: IssuePath, message: string, suggestion?: string, key = false) => {
    const { line, col } = locate(path, key);
    const node = path[0] === 'nodes' && path.length > 1 ? String(path[1]) : undefined;
    issues.push({ severity, file, line, col, node, path: path.join('.'), message, suggestion });
  };

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    add('error', [], 'a graph is a YAML mapping with version, name, start and nodes', 'start from `creatorflow graph schema` or a file in graphs/');
    return { issues };
  }

  // Node types first: a wrong type would otherwise drown in discriminator noise.
  const badNodes = new Set<string>();
  const nodes = (raw as Record<string, unknown>).nodes;
  if (nodes && typeof nodes === 'object' && !Array.isArray(nodes)) {
    for (const [id, node] of Object.entries(nodes)) {
      const type = node && typeof node === 'object' ? (node as Record<string, unknown>).type : undefined;
      if (typeof type !== 'string') {
        badNodes.add(id);
        add('error', ['nodes', id], `node '${id}' has no type`, `add 'type:' — one of ${NODE_TYPES.join(', ')}`);
      } else if (!(NODE_TYPES as readonly string[]).includes(type)) {
        badNodes.add(id);
        add('error', ['nodes', id, 'type'], `unknown node type '${type}'`, didYouMean(type, NODE_TYPES) ?? `use one of ${NODE_TYPES.join(', ')}`);
      }
    }
  }

  const parsed = graphSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      if (path[0] === 'nodes' && path.length > 1 && badNodes.has(String(path[1]))) continue;
      reportZodIssue(issue, path, raw as Record<string, unknown>, add);
    }
    return { issues: sortIssues(dropRequiredExplainedByTypos(issues)) };
  }

  for (const s of analyseGraph(parsed.data, options)) add(s.severity, s.path, s.message, s.suggestion);
  const hasErrors = issues.some((i) => i.severity === 'error');
  return { graph: hasErrors ? undefined : parsed.data, issues: sortIssues(issues) };
}

function reportZodIssue(
  issue: z.core.$ZodIssue,
  path: IssuePath,
  raw: Record<string, unknown>,
  add: (severity: 'error', path: IssuePath, message: string, suggestion?: string, key?: boolean) => void,
): void {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(path, raw);
    for (const key of issue.keys) add('error', [...path, key], `unknown key '${key}'`, didYouMean(key, allowed) ?? (allowed.length ? `allowed: ${allowed.join(', ')}` : undefined), true);
    return;
  }
  const where = path.length ? path.join('.') : '(document)';
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    add('error', path.slice(0, -1), `'${String(path.at(-1))}' is required`, `add '${String(path.at(-1))}:' at ${path.slice(0, -1).join('.') || 'the top level'}`);
    return;
  }
  add('error', path, `${where}: ${issue.message}`);
}

/** `promt:` yields both "unknown key 'promt'" and "'prompt' is required": keep only the first. */
function dropRequiredExplainedByTypos(issues: GraphIssue[]): GraphIssue[] {
  const typos = new Set(issues.filter((i) => i.message.startsWith('unknown key')).map((i) => `${i.path.split('.').slice(0, -1).join('.')}|${i.suggestion ?? ''}`));
  return issues.filter((i) => {
    const m = /^'(.+)' is required$/.exec(i.message);
    return !m || !typos.has(`${i.path}|did you mean '${m[1]}'?`);
  });
}

function allowedKeys(path: IssuePath, raw: Record<string, unknown>): string[] {
  if (path.length === 0) return TOP_KEYS;
  if (path[0] === 'nodes' && path.length === 2) {
    const node = (raw.nodes as Record<string, Record<string, unknown>>)[String(path[1])];
    const type = node?.type;
    if (typeof type === 'string' && (NODE_TYPES as readonly string[]).includes(type)) return nodeKeys(type as NodeType);
  }
  if (path[0] === 'budget') return ['max_cost_cents', 'max_tokens', 'max_steps', 'max_wall_seconds', 'warn_at', 'on_exceed', 'degrade_model'];
  if (path[0] === 'inputs') return Object.keys(inputSchema.shape);
  if (path[0] === 'state') return ['type', 'reducer', 'default', 'description'];
  if (path.includes('retry')) return ['attempts', 'backoff_ms', 'on'];
  return [];
}

/** Line and column of the deepest YAML node that exists along `path` (or of its key). */
function position(doc: Document.Parsed, lines: LineCounter, path: IssuePath, key: boolean): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    if (key && n === path.length && n > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path.at(-1)));
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return lines.linePos(range[0]);
      }
      continue;
    }
    const node = (n === 0 ? doc.contents : doc.getIn(prefix, true)) as YamlNode | null | undefined;
    if (node && node.range) return lines.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

function sortIssues(issues: GraphIssue[]): GraphIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.col - b.col);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  if (code === 'DUPLICATE_KEY') return 'each key may appear once per mapping; rename or merge the duplicates';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'check indentation (spaces, not tabs) and that every key ends with ":"';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return undefined;
}

/** One line per issue: `file:line:col: error [node x] message — hint`. */
export function formatIssue(issue: GraphIssue): string {
  const node = issue.node ? ` [node ${issue.node}]` : '';
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.severity}${node} ${issue.message}${issue.suggestion ? ` — ${issue.suggestion}` : ''}`;
}

/** Parses a graph or throws one ValidationError listing every problem. */
export function parseGraph(source: string, file = '<graph>', options: AnalysisOptions = {}): { graph: Graph; warnings: GraphIssue[] } {
  const result = validateGraphSource(source, file, options);
  if (!result.graph) {
    const errors = result.issues.filter((i) => i.severity === 'error');
    throw new ValidationError(`graph ${file} is invalid:\n${errors.map(formatIssue).join('\n')}`, errors.map((i) => ({ path: `${i.line}:${i.col} ${i.path}`, message: i.message + (i.suggestion ? ` — ${i.suggestion}` : '') })), {
      cause: undefined,
    });
  }
  return { graph: result.graph, warnings: result.issues };
}
