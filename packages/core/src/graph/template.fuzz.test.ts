import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreatorFlowError } from '../errors.ts';
import { MAX_TEMPLATE_OUTPUT, parseTemplate, renderTemplate, templateReferences } from './template.ts';

/**
 * Property-based tests of prompt templates (issue 17, fuzz suite): any template over any run
 * data renders to bounded text or refuses with TEMPLATE_INVALID / TEMPLATE_TOO_LARGE (400), and
 * the sandbox reads no file and no prototype member.
 */

function expectCoded(error: unknown, source: string): void {
  if (!CreatorFlowError.isInstance(error)) throw new Error(`'${source.slice(0, 300)}' threw a non-CreatorFlowError: ${(error as Error)?.stack ?? String(error)}`);
  expect(['TEMPLATE_INVALID', 'TEMPLATE_TOO_LARGE']).toContain(error.code);
  expect(error.status).toBe(400);
}

const variable = fc.constantFrom('inputs.topic', 'inputs.list', 'state.a', 'state.a.b', 'item', 'index', 'x', 'inputs["a"]', 'inputs.list[0]', 'x.constructor', 'x.__proto__', 'x.toString', 'forloop.index', 'nope');
const filter = fc.constantFrom(
  'upcase', 'downcase', 'size', 'first', 'last', 'join: ","', 'split: ""', 'append: "xx"', 'prepend: x', 'replace: "a", "bb"', 'truncate: 5', 'slice: 0, 3',
  'default: "d"', 'json', 'escape', 'strip', 'times: 2', 'plus: 1e308', 'divided_by: 0', 'modulo: 0', 'sort', 'uniq', 'reverse', 'map: "a"', 'where: "a", 1',
  'date: "%Y"', 'url_decode', 'base64_decode', 'nosuchfilter', '', 'append:',
);
const output = fc.tuple(variable, fc.array(filter, { maxLength: 3 })).map(([v, fs]) => `{{ ${[v, ...fs].join(' | ')} }}`);
const text = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('中文', '{', '}', '{{', '%}', '{%', '\n', '😀'));

const template: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    output,
    fc.array(tie('t'), { maxLength: 4 }).map((xs) => xs.join('')),
    fc.tuple(variable, tie('t'), tie('t')).map(([c, a, b]) => `{% if ${c} %}${a}{% else %}${b}{% endif %}`),
    fc.tuple(fc.oneof(variable, fc.constantFrom('(1..5)', '(1..100000)', '(1..1000000000)', '(-5..x)')), tie('t')).map(([over, body]) => `{% for v in ${over} %}${body}{% endfor %}`),
    fc.tuple(fc.constantFrom('a', 'x', 'inputs'), variable, fc.array(filter, { maxLength: 2 })).map(([n, v, fs]) => `{% assign ${n} = ${[v, ...fs].join(' | ')} %}`),
    fc.tuple(fc.constantFrom('a', 'x'), tie('t')).map(([n, body]) => `{% capture ${n} %}${body}{% endcapture %}`),
    fc.constantFrom(
      "{% include '/etc/passwd' %}", "{% render '../../package.json' %}", "{% layout 'x' %}", '{% raw %}{{ x }}{% endraw %}', '{% comment %}x{% endcomment %}',
      '{% liquid echo x %}', '{% increment c %}', '{% cycle "a", "b" %}', '{% tablerow v in (1..3) %}{{ v }}{% endtablerow %}', '{% unless x %}u{% endunless %}',
      '{% case x %}{% when 1 %}one{% else %}other{% endcase %}', '{% break %}', '{% continue %}', '{% endif %}', '{% if %}', '{{', '{% for %}', '{{ }}',
    ),
  ),
})).t;

const scope = fc.record({
  inputs: fc.record({ topic: fc.string({ maxLength: 20 }), list: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) }, { requiredKeys: [] }),
  state: fc.dictionary(fc.constantFrom('a', 'b'), fc.jsonValue({ maxDepth: 3 })),
  item: fc.jsonValue({ maxDepth: 2 }),
  index: fc.nat(20),
  x: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ valueOf: 1, toString: 1 })),
});

describe('templates under arbitrary input (fast-check)', () => {
  it('render answers bounded text or a coded 400 error for any template over any scope', () => {
    fc.assert(
      fc.property(template, scope, (source, data) => {
        let out: string;
        try {
          out = renderTemplate(source, data);
          templateReferences(source);
        } catch (error) {
          expectCoded(error, source);
          return;
        }
        expect(out.length).toBeLessThanOrEqual(MAX_TEMPLATE_OUTPUT);
        // Nothing from the file system: include/render find no template.
        expect(out).not.toContain('root:x:0:0');
        expect(out).not.toContain('"workspaces"');
        expect(out).not.toMatch(/function \w*\(|\[native code\]/);
      }),
      { numRuns: 800, seed: 20261203 },
    );
  });

  it('parse refuses arbitrary text with TEMPLATE_INVALID only', () => {
    const chars = fc.constantFrom('{', '}', '{{', '}}', '{%', '%}', '|', ':', ',', '"', "'", ' ', 'if', 'for', 'in', 'endif', 'endfor', 'assign', '=', 'x', '.', '(', ')', '..', '1', '-', '\n', '中');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 50 }).map((xs) => xs.join('')), (source) => {
        try {
          parseTemplate(source);
          templateReferences(source);
        } catch (error) {
          expectCoded(error, source);
        }
      }),
      { numRuns: 3_000, seed: 20261203 },
    );
  });

  it('deeply nested blocks are refused as TEMPLATE_INVALID, not a crash', () => {
    fc.assert(
      fc.property(fc.constantFrom(['{% if x %}', '{% endif %}'], ['{% for v in (1..2) %}', '{% endfor %}'], ['{% capture a %}', '{% endcapture %}']), fc.integer({ min: 500, max: 8_000 }), ([open, close], depth) => {
        const source = open.repeat(depth) + 'x' + close.repeat(depth);
        try {
          renderTemplate(source, { x: true });
        } catch (error) {
          expectCoded(error, source);
        }
      }),
      { numRuns: 12, seed: 20261203 },
    );
  });

  // Counterexample found by the first property, kept as a regression case.
  it("regression: listing the references of a template with {% include %} answers TEMPLATE_INVALID (was a raw ENOENT)", () => {
    expect(() => templateReferences("{% if inputs.topic %}中文{% else %}{% include '/etc/passwd' %}{% endif %}")).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', status: 400 }),
    );
  });
});
