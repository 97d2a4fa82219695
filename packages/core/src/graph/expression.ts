import jsep from 'jsep';
import { CreatorFlowError } from '../errors.ts';

/**
 * The safe expression language of conditions, `over` lists and `=` args:
 * literals, member access, arithmetic, comparison, logic, `?:`, arrays and a
 * fixed set of functions. Parsed by jsep and walked here; nothing reaches
 * `eval`, and prototype members are unreachable.
 */
export type Expr = jsep.Expression;

jsep.addBinaryOp('??', 1);

/**
 * What one expression may build (issue 17 item 6): `join(range(10000), join(range(10000), 'xxxxx'))`
 * would otherwise allocate ~500 MB on the worker. Strings longer than a long article's worth and
 * lists longer than `range` gives are refused with EXPRESSION_TOO_LARGE before they are built.
 */
export const MAX_EXPRESSION_STRING = 1_000_000;
export const MAX_EXPRESSION_LIST = 10_000;
/**
 * What one evaluation may build in all (list items plus string characters). The per-value caps
 * alone let `[range(10000), range(10000), …]` — 80,000 of them fit in a graph file — hold
 * gigabytes at once (found by the expression fuzz test).
 */
export const MAX_EXPRESSION_BUILT = 4_000_000;
/** Deepest expression tree walked; deeper ones (`1+1+…` ten thousand times) are refused, not a stack overflow. */
export const MAX_EXPRESSION_DEPTH = 256;

export class ExpressionTooLargeError extends CreatorFlowError {
  constructor(what: string, size: number, limit: number) {
    super('EXPRESSION_TOO_LARGE', `the expression would build ${what} of ${size} ${what === 'a list' ? 'items' : what === 'values' ? 'list items and characters' : 'characters'}; the limit is ${limit}`, {
      status: 400,
      details: { size, limit },
    });
    this.name = 'ExpressionTooLargeError';
  }
}

/**
 * A primitive for an operator or a function. JavaScript's own conversion calls an object's
 * `valueOf`/`toString`, and run inputs are user JSON: `{"valueOf": 1, "toString": 1}` (or an
 * object without a prototype) made `x - 0` throw a TypeError (found by the fuzz test). Lists
 * convert as JavaScript joins them; objects as their JSON.
 */
function prim(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? '' : prim(x))).join(',');
  return textOf(v);
}
const num = (v: unknown): number => Number(prim(v));
const str = (v: unknown): string => String(prim(v));

/** Units built so far by the evaluation in progress (evaluation is synchronous, so one counter serves). */
let built = 0;

function charge(units: number): void {
  built += units;
  if (built > MAX_EXPRESSION_BUILT) throw new ExpressionTooLargeError('values', built, MAX_EXPRESSION_BUILT);
}

function checkedString(value: string): string {
  if (value.length > MAX_EXPRESSION_STRING) throw new ExpressionTooLargeError('a string', value.length, MAX_EXPRESSION_STRING);
  charge(value.length);
  return value;
}

const textOf = (x: unknown): string => (typeof x === 'string' ? x : (JSON.stringify(x) ?? ''));

/** Joins only after adding up the length, so an oversized result is never allocated. */
function boundedJoin(items: unknown[], sep: string): string {
  const parts = items.map(textOf);
  let total = Math.max(0, parts.length - 1) * sep.length;
  for (const part of parts) {
    total += part.length;
    if (total > MAX_EXPRESSION_STRING) throw new ExpressionTooLargeError('a string', total, MAX_EXPRESSION_STRING);
  }
  charge(total);
  return parts.join(sep);
}

function concat(a: unknown, b: unknown): string {
  const left = str(a ?? '');
  const right = str(b ?? '');
  if (left.length + right.length > MAX_EXPRESSION_STRING) throw new ExpressionTooLargeError('a string', left.length + right.length, MAX_EXPRESSION_STRING);
  charge(left.length + right.length);
  return left + right;
}

const BLOCKED_MEMBERS = new Set(['__proto__', 'prototype', 'constructor', '__defineGetter__', '__defineSetter__', '__lookupGetter__']);

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  len: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : isPlainObject(v) ? Object.keys(v).length : 0),
  // Case mapping can lengthen a string ('ß' → 'SS'), so the result is checked too.
  lower: (v) => checkedString(str(v ?? '').toLowerCase()),
  upper: (v) => checkedString(str(v ?? '').toUpperCase()),
  trim: (v) => str(v ?? '').trim(),
  contains: (haystack, needle) =>
    typeof haystack === 'string' ? haystack.includes(str(needle)) : Array.isArray(haystack) ? haystack.some((x) => looseEquals(x, needle)) : false,
  starts_with: (v, prefix) => str(v ?? '').startsWith(str(prefix)),
  ends_with: (v, suffix) => str(v ?? '').endsWith(str(suffix)),
  min: (...xs) => Math.min(...xs.map(num)),
  max: (...xs) => Math.max(...xs.map(num)),
  abs: (v) => Math.abs(num(v)),
  round: (v) => Math.round(num(v)),
  floor: (v) => Math.floor(num(v)),
  ceil: (v) => Math.ceil(num(v)),
  number: (v) => num(v),
  string: (v) => checkedString(textOf(v)),
  bool: (v) => truthy(v),
  keys: (v) => (isPlainObject(v) ? Object.keys(v) : []),
  defined: (v) => v !== undefined && v !== null,
  first: (v) => (Array.isArray(v) ? v[0] : undefined),
  last: (v) => (Array.isArray(v) ? v[v.length - 1] : undefined),
  slice: (v, start, end) => {
    if (!Array.isArray(v) && typeof v !== 'string') return undefined;
    const part = v.slice(num(start ?? 0), end === undefined ? undefined : num(end));
    charge(part.length);
    return part;
  },
  join: (v, sep) => (Array.isArray(v) ? boundedJoin(v, sep === undefined ? ',' : str(sep)) : ''),
  range: (n) => {
    const length = Math.max(0, num(n) || 0);
    if (length > MAX_EXPRESSION_LIST) throw new ExpressionTooLargeError('a list', length, MAX_EXPRESSION_LIST);
    charge(length);
    return Array.from({ length }, (_, i) => i);
  },
};
export const EXPRESSION_FUNCTIONS = Object.keys(FUNCTIONS);

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  '==': (a, b) => looseEquals(a, b),
  '!=': (a, b) => !looseEquals(a, b),
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '<': (a, b) => (prim(a) as number) < (prim(b) as number),
  '<=': (a, b) => (prim(a) as number) <= (prim(b) as number),
  '>': (a, b) => (prim(a) as number) > (prim(b) as number),
  '>=': (a, b) => (prim(a) as number) >= (prim(b) as number),
  '+': (a, b) => (typeof a === 'string' || typeof b === 'string' ? concat(a, b) : num(a) + num(b)),
  '-': (a, b) => num(a) - num(b),
  '*': (a, b) => num(a) * num(b),
  '/': (a, b) => num(a) / num(b),
  '%': (a, b) => num(a) % num(b),
};

export class ExpressionError extends CreatorFlowError {
  constructor(message: string, expression: string) {
    super('EXPRESSION_INVALID', message, { status: 400, details: { expression } });
    this.name = 'ExpressionError';
  }
}

const cache = new Map<string, Expr>();

/** Messages quote at most this much of an expression (a graph file may hold one of a megabyte). */
const clip = (source: string): string => (source.length > 200 ? `${source.slice(0, 200)}…` : source);

export function parseExpression(source: string): Expr {
  const hit = cache.get(source);
  if (hit) return hit;
  let ast: Expr;
  try {
    ast = jsep(source);
  } catch (error) {
    throw new ExpressionError(`cannot parse expression '${clip(source)}': ${(error as Error).message}`, clip(source));
  }
  if (depthOf(ast) > MAX_EXPRESSION_DEPTH) throw new ExpressionError(`the expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep; split it up`, clip(source));
  checkSupported(ast, source);
  // Long sources are not kept: 5,000 cached megabyte expressions would be gigabytes.
  if (source.length > 4096) return ast;
  if (cache.size > 5000) cache.clear();
  cache.set(source, ast);
  return ast;
}

/** Depth of the tree without recursion (the tree may be deep enough to overflow the stack). */
function depthOf(root: Expr): number {
  let deepest = 0;
  const stack: Array<[Expr, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_EXPRESSION_DEPTH) return deepest;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v === 'object' && 'type' in v) stack.push([v as Expr, depth + 1]);
      } else if (value && typeof value === 'object' && 'type' in value) stack.push([value as Expr, depth + 1]);
    }
  }
  return deepest;
}

function checkSupported(node: Expr, source: string): void {
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
      return;
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression;
      checkSupported(m.object, source);
      if (m.computed) checkSupported(m.property, source);
      else if (BLOCKED_MEMBERS.has((m.property as jsep.Identifier).name)) throw new ExpressionError(`'${(m.property as jsep.Identifier).name}' cannot be accessed`, source);
      return;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (!['!', '-', '+'].includes(u.operator)) throw new ExpressionError(`operator '${u.operator}' is not supported`, source);
      return checkSupported(u.argument, source);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (!(b.operator in BINARY) && b.operator !== '&&' && b.operator !== '||' && b.operator !== '??') {
        throw new ExpressionError(`operator '${b.operator}' is not supported`, source);
      }
      checkSupported(b.left, source);
      return checkSupported(b.right, source);
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      checkSupported(c.test, source);
      checkSupported(c.consequent, source);
      return checkSupported(c.alternate, source);
    }
    case 'ArrayExpression':
      for (const element of (node as jsep.ArrayExpression).elements) if (element) checkSupported(element, source);
      return;
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      if (call.callee.type !== 'Identifier' || !((call.callee as jsep.Identifier).name in FUNCTIONS)) {
        throw new ExpressionError(`only these functions can be called: ${EXPRESSION_FUNCTIONS.join(', ')}`, source);
      }
      for (const arg of call.arguments) checkSupported(arg, source);
      return;
    }
    default:
      throw new ExpressionError(`'${node.type}' is not allowed in expressions`, source);
  }
}

/** Evaluates `source` over `scope` (plain data: inputs, state, item, …). */
export function evaluate(source: string, scope: Record<string, unknown>): unknown {
  const ast = parseExpression(source);
  built = 0;
  try {
    return walk(ast, scope);
  } finally {
    built = 0;
  }
}

function walk(node: Expr, scope: Record<string, unknown>): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value;
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (name === 'true') return true;
      if (name === 'false') return false;
      if (name === 'null') return null;
      return Object.hasOwn(scope, name) ? scope[name] : undefined;
    }
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression;
      const object = walk(m.object, scope);
      const key = m.computed ? walk(m.property, scope) : (m.property as jsep.Identifier).name;
      return member(object, key);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const value = walk(u.argument, scope);
      return u.operator === '!' ? !truthy(value) : u.operator === '-' ? -num(value) : num(value);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (b.operator === '&&') {
        const left = walk(b.left, scope);
        return truthy(left) ? walk(b.right, scope) : left;
      }
      if (b.operator === '||') {
        const left = walk(b.left, scope);
        return truthy(left) ? left : walk(b.right, scope);
      }
      if (b.operator === '??') return walk(b.left, scope) ?? walk(b.right, scope);
      return BINARY[b.operator]!(walk(b.left, scope), walk(b.right, scope));
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return truthy(walk(c.test, scope)) ? walk(c.consequent, scope) : walk(c.alternate, scope);
    }
    case 'ArrayExpression': {
      const elements = (node as jsep.ArrayExpression).elements;
      charge(elements.length);
      return elements.map((e) => (e ? walk(e, scope) : undefined));
    }
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      const fn = FUNCTIONS[(call.callee as jsep.Identifier).name]!;
      return fn(...call.arguments.map((a) => walk(a, scope)));
    }
    default:
      throw new ExpressionError(`'${node.type}' is not allowed in expressions`, '');
  }
}

function member(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined) return undefined;
  const k = typeof key === 'number' ? key : str(key);
  if (typeof k === 'string' && BLOCKED_MEMBERS.has(k)) return undefined;
  if (typeof object === 'string') return k === 'length' ? object.length : typeof k === 'number' ? object[k] : undefined;
  if (Array.isArray(object)) {
    if (k === 'length') return object.length;
    const index = typeof k === 'number' ? k : Number.isInteger(Number(k)) ? Number(k) : NaN;
    return Number.isNaN(index) ? undefined : object.at(index);
  }
  if (typeof object === 'object' && Object.hasOwn(object, k)) return (object as Record<string | number, unknown>)[k];
  return undefined;
}

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'number' && typeof b === 'string') return a === Number(b);
  if (typeof a === 'string' && typeof b === 'number') return Number(a) === b;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Root variables and their first member (`state.review` → ['state', 'review']) an expression reads. */
export function expressionReferences(source: string): Array<[string, string | undefined]> {
  const refs: Array<[string, string | undefined]> = [];
  const visit = (node: Expr): void => {
    switch (node.type) {
      case 'Identifier':
        if (!['true', 'false', 'null'].includes((node as jsep.Identifier).name)) refs.push([(node as jsep.Identifier).name, undefined]);
        return;
      case 'MemberExpression': {
        const m = node as jsep.MemberExpression;
        if (m.object.type === 'Identifier' && !m.computed) {
          refs.push([(m.object as jsep.Identifier).name, (m.property as jsep.Identifier).name]);
          return;
        }
        visit(m.object);
        if (m.computed) visit(m.property);
        return;
      }
      case 'CallExpression':
        for (const a of (node as jsep.CallExpression).arguments) visit(a);
        return;
      default:
        for (const value of Object.values(node)) {
          if (value && typeof value === 'object' && 'type' in value) visit(value as Expr);
          if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && 'type' in v) visit(v as Expr);
        }
    }
  };
  visit(parseExpression(source));
  return refs;
}
