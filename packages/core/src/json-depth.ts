import { CreatorFlowError } from './errors.ts';

/**
 * How deeply bodies and run inputs may nest (issue 17 item 6). Inputs nested
 * thousands deep overflowed the stack later (JSON encoding, PostgreSQL's jsonb
 * parser) and answered 500; they are refused up front with 400 JSON_TOO_DEEP.
 */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a JSON-like value, counted without recursion and without looking past `limit + 1`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    // Only what JSON.parse makes: a multipart file stream or a Buffer is not walked (nor any cycle in it).
    if (!isJsonContainer(current)) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (isJsonContainer(child)) stack.push([child, level]);
    }
  }
  return deepest;
}

/** Throws 400 JSON_TOO_DEEP when `value` nests deeper than `limit`. */
export function assertJsonDepth(value: unknown, what: string, limit = MAX_JSON_DEPTH): void {
  const depth = jsonDepth(value, limit);
  if (depth > limit) {
    throw new CreatorFlowError('JSON_TOO_DEEP', `${what} nests more than ${limit} levels deep; flatten it`, { status: 400, details: { limit } });
  }
}

function isJsonContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
