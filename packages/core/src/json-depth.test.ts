import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, assertJsonDepth, jsonDepth } from './json-depth.ts';

const nest = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(jsonDepth(nest(10))).toBe(10);
  });

  it('stops counting past the limit without recursing, even 100 000 levels deep', () => {
    expect(jsonDepth(nest(100_000))).toBe(MAX_JSON_DEPTH + 1);
  });

  it('does not walk class instances (streams, buffers) or cycles in them', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    class Box {
      constructor(readonly inner: unknown) {}
    }
    expect(jsonDepth({ file: new Box(cyclic), data: Buffer.alloc(4) })).toBe(1);
  });

  it('throws 400 JSON_TOO_DEEP past the limit', () => {
    expect(() => assertJsonDepth(nest(MAX_JSON_DEPTH), 'inputs')).not.toThrow();
    expect(() => assertJsonDepth(nest(MAX_JSON_DEPTH + 1), 'inputs')).toThrow(expect.objectContaining({ code: 'JSON_TOO_DEEP', status: 400 }));
  });
});
