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

/** U+0000 or a UTF-16 surrogate without its partner: text PostgreSQL cannot store (text and jsonb refuse both). */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is looked for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Throws 400 TEXT_INVALID when a string (or key) anywhere in `value` holds text no column can
 * store. Without it a NUL byte in a file name or a lone surrogate in a niche reached the INSERT
 * and answered 500 (found by the route fuzz suite, issue 17). Walked without recursion.
 */
export function assertStorableText(value: unknown, what: string): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) {
        throw new CreatorFlowError('TEXT_INVALID', `${what} contains a NUL character or broken Unicode (an unpaired surrogate), which cannot be stored`, { status: 400 });
      }
    } else if (isJsonContainer(current)) {
      if (Array.isArray(current)) for (const item of current) stack.push(item);
      else for (const [k, v] of Object.entries(current)) stack.push(k, v);
    }
  }
}
