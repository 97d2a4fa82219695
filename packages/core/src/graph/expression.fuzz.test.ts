import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreatorFlowError } from '../errors.ts';
import { EXPRESSION_FUNCTIONS, MAX_EXPRESSION_BUILT, MAX_EXPRESSION_LIST, MAX_EXPRESSION_STRING, evaluate, expressionReferences, parseExpression } from './expression.ts';

/**
 * Property-based tests of the expression language (issue 17, fuzz suite): whatever a graph
 * author writes, parsing and evaluating either answers a value or refuses with a coded
 * CreatorFlowError (EXPRESSION_INVALID / EXPRESSION_TOO_LARGE) — never a TypeError or stack
 * overflow that would surface as a 500 or kill a worker — and what it builds stays bounded.
 */

/** How big a value is, counted the way the limits count: list items plus string characters. */
function sizeOf(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) {
    if (seen.has(value)) return 0;
    seen.add(value);
    return value.length + value.reduce<number>((n, v) => n + sizeOf(v, seen), 0);
  }
  return 0;
}

function expectCoded(error: unknown, source: string): void {
  if (!CreatorFlowError.isInstance(error)) throw new Error(`'${source.slice(0, 300)}' threw a non-CreatorFlowError: ${(error as Error)?.stack ?? String(error)}`);
  expect(['EXPRESSION_INVALID', 'EXPRESSION_TOO_LARGE']).toContain(error.code);
  expect(error.status).toBe(400);
  // A message quotes at most a clip of the source, never a megabyte of it.
  expect(error.message.length).toBeLessThan(2_000);
}

const identifier = fc.constantFrom('inputs', 'state', 'item', 'index', 'visits', 'x', 'true', 'false', 'null', 'constructor', '__proto__');
const member = fc.constantFrom('a', 'b', 'length', 'list', 'text', 'constructor', 'prototype', '__proto__', 'toString', 'valueOf', '0', '1');
const literal = fc.oneof(
  fc.integer({ min: -20_000, max: 20_000 }).map(String),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((n) => String(n)),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom("'ß'", "'😀'", "''", '1e308', '-0', '0x10', '.5'),
);

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    identifier,
    fc.tuple(tie('expr'), member).map(([o, m]) => `${o}.${m}`),
    fc.tuple(tie('expr'), tie('expr')).map(([o, k]) => `${o}[${k}]`),
    fc.tuple(fc.constantFrom('!', '-', '+', '~', 'typeof '), tie('expr')).map(([op, e]) => `${op}(${e})`),
    fc
      .tuple(tie('expr'), fc.constantFrom('==', '!=', '===', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '&&', '||', '??', '|', '<<', 'in'), tie('expr'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([t, c, a]) => `(${t} ? ${c} : ${a})`),
    fc.array(tie('expr'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc
      .tuple(fc.constantFrom(...EXPRESSION_FUNCTIONS, 'eval', 'Function', 'this', 'require'), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.constantFrom('range(10000)', 'range(1e9)', "join(range(10000), 'xxxxxxxxxx')", 'string(range(10000))', 'slice(range(10000), 0)'),
  ),
})).expr;

/** Plain data a run's scope can hold: what JSON inputs and node outputs are. */
const scope = fc.record({
  inputs: fc.dictionary(fc.constantFrom('a', 'b', 'text', 'list'), fc.jsonValue({ maxDepth: 3 })),
  state: fc.dictionary(fc.constantFrom('a', 'b', 'score', 'list'), fc.jsonValue({ maxDepth: 3 })),
  item: fc.jsonValue({ maxDepth: 2 }),
  index: fc.nat(50),
  visits: fc.dictionary(fc.constantFrom('a', 'b'), fc.nat(10)),
});

describe('expressions under arbitrary input (fast-check)', () => {
  it('evaluate answers a bounded value or a coded 400 error for any expression over any scope', () => {
    fc.assert(
      fc.property(expression, scope, (source, data) => {
        let value: unknown;
        try {
          value = evaluate(source, data);
        } catch (error) {
          expectCoded(error, source);
          return;
        }
        expect(typeof value).not.toBe('function');
        if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MAX_EXPRESSION_STRING);
        expect(sizeOf(value)).toBeLessThanOrEqual(MAX_EXPRESSION_BUILT + sizeOf(data));
        // The sandbox never reaches the prototype chain.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1_500, seed: 20261203 },
    );
  });

  it('parse and reference listing refuse arbitrary text with EXPRESSION_INVALID only', () => {
    const chars = fc.constantFrom(...'()[]{}.,?:!=<>+-*/%&|^~\'"` \\\n\t0123456789abcxyz_$#@ß😀'.split(''), 'range(', 'join(', 'inputs.', '&&', '??', '=>');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((xs) => xs.join('')), (source) => {
        try {
          parseExpression(source);
          expressionReferences(source);
        } catch (error) {
          expectCoded(error, source);
        }
      }),
      { numRuns: 3_000, seed: 20261203 },
    );
  });

  it('refuses pathologically deep or long expressions with a coded error, not a stack overflow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1+', 'a.', '!', '-', '(', '[', '1?1:', 'len('),
        fc.integer({ min: 2_000, max: 60_000 }),
        (unit, times) => {
          const closing = unit === '(' ? ')' : unit === '[' ? ']' : unit === 'len(' ? ')' : '';
          const source = unit.repeat(times) + (unit.endsWith('.') ? 'b' : '1') + closing.repeat(times);
          try {
            evaluate(source, { a: {} });
            expressionReferences(source);
          } catch (error) {
            expectCoded(error, source);
          }
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
  });

  // Counterexamples found by the properties above, kept as regression cases.
  it('regression: 10,000 chained additions or members answer EXPRESSION_INVALID (was RangeError)', () => {
    for (const source of [Array(10_000).fill('1').join('+'), `a${'.b'.repeat(10_000)}`]) {
      expect(() => evaluate(source, { a: {} })).toThrowError(expect.objectContaining({ code: 'EXPRESSION_INVALID' }));
    }
  });

  it('regression: a list literal of many full ranges is refused before it holds gigabytes', () => {
    const many = `[${Array(1_000).fill(`range(${MAX_EXPRESSION_LIST})`).join(',')}]`;
    expect(() => evaluate(many, {})).toThrowError(expect.objectContaining({ code: 'EXPRESSION_TOO_LARGE' }));
    // A few ranges are still fine.
    expect((evaluate(`[range(10), range(3)]`, {}) as unknown[][]).map((l) => l.length)).toEqual([10, 3]);
  });

  it('regression: run-input objects named valueOf/toString, or without a prototype, in operators and functions (was TypeError)', () => {
    const hostile = { valueOf: 1, toString: 1 };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(evaluate('visits - 0', { visits: bare })).toBeNaN();
    expect(evaluate('x < 1', { x: hostile })).toBe(false);
    expect(evaluate("x + ''", { x: hostile })).toBe('{"valueOf":1,"toString":1}');
    expect(evaluate('upper(x)', { x: bare })).toBe('{"A":1}');
    expect(evaluate('max(x, 2)', { x: hostile })).toBeNaN();
    expect(evaluate('inputs[x]', { inputs: {}, x: hostile })).toBeUndefined();
    // Lists still convert as JavaScript joins them.
    expect(evaluate("'a' + [1, [2, 3]]", {})).toBe('a1,2,3');
  });

  it("regression: case mapping cannot grow a string past the limit ('ß' → 'SS')", () => {
    const source = `upper(join(range(10000), '${'ß'.repeat(90)}'))`;
    expect(() => evaluate(source, {})).toThrowError(expect.objectContaining({ code: 'EXPRESSION_TOO_LARGE' }));
  });
});
