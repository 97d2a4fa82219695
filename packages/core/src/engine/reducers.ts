import type { Graph, Reducer } from '../graph/schema.ts';

/**
 * How a node's output lands in state. `replace` overwrites, `append` adds to
 * a list (a list output adds each element), `merge` shallow-merges objects.
 * Parallel branches are applied in their declared order, so the result does
 * not depend on which branch finished first.
 */
export function applyOutput(graph: Graph, state: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const reducer: Reducer = graph.state[key]?.reducer ?? 'replace';
  return { ...state, [key]: reduce(reducer, state[key], value) };
}

export function reduce(reducer: Reducer, current: unknown, value: unknown): unknown {
  switch (reducer) {
    case 'replace':
      return value;
    case 'append': {
      const base = Array.isArray(current) ? current : current === undefined || current === null ? [] : [current];
      return Array.isArray(value) ? [...base, ...value] : [...base, value];
    }
    case 'merge': {
      const base = isRecord(current) ? current : {};
      return isRecord(value) ? { ...base, ...value } : { ...base, value };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state a graph starts with: declared defaults, empty lists for `append`, empty objects for `merge`. */
export function initialState(graph: Graph): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(graph.state)) {
    if (field.default !== undefined) state[key] = structuredClone(field.default);
    else if (field.reducer === 'append') state[key] = [];
    else if (field.reducer === 'merge') state[key] = {};
  }
  return state;
}
