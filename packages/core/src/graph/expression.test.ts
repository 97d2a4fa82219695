import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_STRING, evaluate, expressionReferences } from './expression.ts';
import { MAX_TEMPLATE_OUTPUT, renderTemplate, templateReferences } from './template.ts';
import { validateJson } from './json-schema.ts';

const scope = { state: { score: 8, drafts: ['a', 'b'], review: { ok: true } }, inputs: { topic: 'AI' } };

describe('safe expressions', () => {
  it.each([
    ['state.score >= 8 && len(state.drafts) == 2', true],
    ['state.review.ok ? "yes" : "no"', 'yes'],
    ['contains(state.drafts, "b")', true],
    ['state.missing.deep ?? 3', 3],
    ['state.drafts[1] + "!"', 'b!'],
    ['-state.score % 3', -2],
    ['!state.review.ok || upper(inputs.topic) == "AI"', true],
  ])('evaluates %s', (source, expected) => {
    expect(evaluate(source, scope)).toEqual(expected);
  });

  it.each(['state["__proto__"]', 'state["constructor"]', 'inputs.topic["constructor"]'])('never reaches prototypes through %s', (source) => {
    expect(evaluate(source, scope) ?? undefined).toBeUndefined();
  });

  it.each(['alert(1)', 'state.drafts.push("x")', 'this', 'a = 1', 'new Foo()', 'x | 1', 'state.constructor', 'inputs.topic.constructor.name'])('rejects %s', (source) => {
    expect(() => evaluate(source, scope)).toThrow(/EXPRESSION|not|only|cannot/i);
  });

  it('lists what an expression reads', () => {
    expect(expressionReferences('state.a > inputs.b && len(item) > 0')).toEqual([['state', 'a'], ['inputs', 'b'], ['item', undefined]]);
  });
});

describe('templates', () => {
  it('renders inputs and state, printing objects as JSON', () => {
    expect(renderTemplate('{{ inputs.topic }}: {{ state.review }}', scope)).toBe('AI: {"ok":true}');
  });
  it('cannot include files', () => {
    expect(() => renderTemplate('{% include "/etc/passwd" %}', scope)).toThrow();
  });
  it('lists global references but not loop variables', () => {
    expect(templateReferences('{% for d in state.drafts %}{{ d }}{% endfor %}{{ inputs.topic }}')).toEqual([['state', 'drafts'], ['inputs', 'topic']]);
  });
});

describe('JSON schema subset', () => {
  const schema = { type: 'object', required: ['title'], properties: { title: { type: 'string', maxLength: 5 }, tags: { type: 'array', items: { type: 'string' } } }, additionalProperties: false };
  it('accepts a conforming value', () => expect(validateJson({ title: 'hi', tags: ['a'] }, schema)).toEqual([]));
  it('names every violation', () =>
    expect(validateJson({ title: 'too long', tags: [1], extra: 1 }, schema)).toEqual(['$.title: longer than 5', '$.tags[0]: expected string, got number', '$.extra: is not allowed']));
});

describe('size limits (issue 17)', () => {
  it('refuses to build a huge string from join(range(…)) instead of allocating it', () => {
    const before = process.memoryUsage().heapUsed;
    expect(() => evaluate("join(range(10000), join(range(10000), 'xxxxx'))", {})).toThrow(expect.objectContaining({ code: 'EXPRESSION_TOO_LARGE' }));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100_000_000);
  });

  it('refuses lists longer than the limit with a clear error', () => {
    expect(() => evaluate('range(10001)', {})).toThrow(expect.objectContaining({ code: 'EXPRESSION_TOO_LARGE', message: expect.stringMatching(/10001 items; the limit is 10000/) }));
    expect(evaluate('len(range(10000))', {})).toBe(10000);
  });

  it('refuses string concatenation past the limit', () => {
    const big = 'x'.repeat(MAX_EXPRESSION_STRING / 2 + 1);
    expect(() => evaluate('a + a', { a: big })).toThrow(expect.objectContaining({ code: 'EXPRESSION_TOO_LARGE' }));
    expect(evaluate('len(a + "y")', { a: big })).toBe(big.length + 1);
  });
});

describe('template size limits (issue 17)', () => {
  it('stops a template that doubles a string in a loop with TEMPLATE_TOO_LARGE', () => {
    const doubling = '{% assign s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}';
    expect(() => renderTemplate(doubling, {})).toThrow(expect.objectContaining({ code: 'TEMPLATE_TOO_LARGE' }));
  });

  it('refuses output beyond the limit', () => {
    const big = 'y'.repeat(MAX_TEMPLATE_OUTPUT / 2 + 10);
    expect(() => renderTemplate('{{ a }}{{ a }}', { a: big })).toThrow(expect.objectContaining({ code: 'TEMPLATE_TOO_LARGE' }));
    expect(renderTemplate('{{ a }}', { a: big }).length).toBe(big.length);
  });
});
