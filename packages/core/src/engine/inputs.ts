import { ValidationError, type FieldIssue } from '../errors.ts';
import { assertJsonDepth } from '../json-depth.ts';
import type { Graph } from '../graph/schema.ts';
import { didYouMean } from '../graph/suggest.ts';

/**
 * Checks run inputs against the graph's declarations, applies defaults and
 * coerces strings (from `--input k=v`) to the declared type.
 */
export function resolveInputs(graph: Graph, given: Record<string, unknown>): Record<string, unknown> {
  // Before anything walks them recursively (coercion, JSON encoding, the database).
  assertJsonDepth(given, 'the run inputs');
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!(key in graph.inputs)) {
      const hint = didYouMean(key, Object.keys(graph.inputs));
      issues.push({ path: key, message: `graph '${graph.name}' has no input '${key}'${hint ? ` — ${hint}` : ''} (inputs: ${Object.keys(graph.inputs).join(', ') || 'none'})` });
    }
  }
  for (const [key, spec] of Object.entries(graph.inputs)) {
    let value = given[key];
    if (value === undefined || value === '') {
      if (spec.default !== undefined) value = structuredClone(spec.default);
      else if (spec.required) {
        issues.push({ path: key, message: `input '${key}' is required${spec.description ? ` (${spec.description})` : ''}` });
        continue;
      } else continue;
    }
    const coerced = coerce(value, spec.type);
    if (coerced === INVALID) {
      issues.push({ path: key, message: `input '${key}' must be ${spec.type}, got ${JSON.stringify(value)}` });
      continue;
    }
    if (spec.enum && !spec.enum.some((e) => e === coerced)) {
      issues.push({ path: key, message: `input '${key}' must be one of ${spec.enum.join(', ')}` });
      continue;
    }
    out[key] = coerced;
  }
  if (issues.length > 0) throw new ValidationError(`invalid inputs for graph '${graph.name}': ${issues.map((i) => i.message).join('; ')}`, issues);
  return out;
}

const INVALID = Symbol('invalid');

function coerce(value: unknown, type: string): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : INVALID;
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) && (type === 'number' || Number.isInteger(n)) ? n : INVALID;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === '1' || value === 'yes') return true;
      if (value === 'false' || value === '0' || value === 'no') return false;
      return INVALID;
    case 'array':
    case 'object': {
      const v = typeof value === 'string' ? safeJson(value) : value;
      if (type === 'array') return Array.isArray(v) ? v : INVALID;
      return v && typeof v === 'object' && !Array.isArray(v) ? v : INVALID;
    }
    default:
      return value;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}
