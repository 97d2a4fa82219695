import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGraphSource } from './validate.ts';

/** A small seeded PRNG so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const graphsDir = new URL('../../../../graphs/', import.meta.url);
const seeds = readdirSync(graphsDir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, graphsDir), 'utf8'));
const fallback = `version: 1\nname: demo\nstart: a\nnodes:\n  a:\n    type: llm\n    prompt: "hi {{ inputs.x }}"\n    next: b\n  b:\n    type: condition\n    if: "state.a > 1"\n    then: end\n    else: a\n    max_visits: 2\n`;
const corpus = seeds.length > 0 ? seeds : [fallback];
const junk = [':', '-', '{', '}', '[', ']', '"', "'", '\t', '\n', '  ', '*a', '&a', '!!', '{{', '}}', '%', '#', '|', '>', '?', '\u0000', '\uFFFF', '😀', 'type: lmm', 'next: nowhere', '{% for %}'];

function mutate(source: string, random: () => number): string {
  let s = source;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (s.length + 1));
    const op = Math.floor(random() * 5);
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 20));
    else if (op === 1) s = s.slice(0, at) + junk[Math.floor(random() * junk.length)] + s.slice(at);
    else if (op === 2) {
      const lines = s.split('\n');
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      s = lines.join('\n');
    } else if (op === 3) s = s.slice(0, at);
    else s = s.replace(/ {2}/, '   ');
  }
  return s;
}

describe('graph validator under malformed input', () => {
  it('returns clear, positioned issues for 600 mutated graphs and never throws', () => {
    const random = rng(20260525);
    for (let i = 0; i < 600; i++) {
      const source = mutate(corpus[i % corpus.length]!, random);
      let result;
      try {
        result = validateGraphSource(source, 'fuzz.yaml', { toolStatus: () => ({ available: true }), graphExists: () => true });
      } catch (error) {
        throw new Error(`validator threw on case ${i}: ${(error as Error).stack}\n---\n${source}`);
      }
      if (!result.graph) expect(result.issues.some((issue) => issue.severity === 'error'), `case ${i}`).toBe(true);
      for (const issue of result.issues) {
        expect(issue.line, `case ${i}`).toBeGreaterThanOrEqual(1);
        expect(issue.col, `case ${i}`).toBeGreaterThanOrEqual(1);
        expect(issue.message.length, `case ${i}`).toBeGreaterThan(3);
        expect(issue.message).not.toMatch(/undefined|\[object Object\]/);
      }
    }
  });

  it('handles non-graph documents: scalars, lists, empty, alias bombs', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    for (const source of ['', '42', '- a\n- b', 'null', '~', bomb, 'version: 2', 'nodes: 5', 'nodes:\n  a: 5', '\u0000\u0001']) {
      const result = validateGraphSource(source, 'x.yaml');
      expect(result.graph).toBeUndefined();
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});
