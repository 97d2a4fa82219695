import { describe, expect, it } from 'vitest';
import { formatIssue, validateGraphSource } from './validate.ts';
import { graphJsonSchema } from './schema.ts';

const valid = `version: 1
name: demo
inputs:
  topic: { type: string, required: true }
state:
  drafts: { reducer: append }
start: outline
nodes:
  outline:
    type: llm
    prompt: "Outline about {{ inputs.topic }}"
    output: outline
    next: draft
  draft:
    type: llm
    prompt: "Write from {{ state.outline }}"
    output: drafts
    next: check
    max_visits: 3
  check:
    type: condition
    if: "len(state.drafts) >= 2"
    then: end
    else: draft
`;

const errorsOf = (source: string, options = {}) => validateGraphSource(source, 'g.yaml', options).issues.filter((i) => i.severity === 'error');

describe('validateGraphSource', () => {
  it('accepts a valid graph and returns it typed', () => {
    const result = validateGraphSource(valid, 'g.yaml');
    expect(result.issues).toEqual([]);
    expect(result.graph?.nodes.outline?.type).toBe('llm');
  });

  it('names an unknown node type with its line, column, node and a suggestion', () => {
    const [issue] = errorsOf(valid.replace('type: llm\n    prompt: "Outline', 'type: lmm\n    prompt: "Outline'));
    expect(issue).toMatchObject({ line: 10, col: 11, node: 'outline', message: "unknown node type 'lmm'", suggestion: "did you mean 'llm'?" });
    expect(formatIssue(issue!)).toBe("g.yaml:10:11: error [node outline] unknown node type 'lmm' — did you mean 'llm'?");
  });

  it('suggests the right key for a misspelt one', () => {
    const [issue] = errorsOf(valid.replace('prompt: "Write', 'promt: "Write'));
    expect(issue).toMatchObject({ node: 'draft', message: "unknown key 'promt'", suggestion: "did you mean 'prompt'?", line: 16, col: 5 });
    expect(errorsOf(valid.replace('prompt: "Write', 'promt: "Write'))).toHaveLength(1);
  });

  it('reports an edge to an unknown node', () => {
    const [issue] = errorsOf(valid.replace('next: check', 'next: chek'));
    expect(issue).toMatchObject({ node: 'draft', message: "edge to unknown node 'chek'", suggestion: "did you mean 'check'?" });
  });

  it('reports unreachable nodes', () => {
    const issues = errorsOf(`${valid}  orphan:\n    type: noop\n`);
    expect(issues.map((i) => i.message)).toContain("node 'orphan' is unreachable from start 'outline'");
  });

  it('reports template references to undeclared inputs and state', () => {
    const issues = errorsOf(valid.replace('{{ inputs.topic }}', '{{ inputs.topik }}').replace('{{ state.outline }}', '{{ state.outlin }}'));
    expect(issues.map((i) => [i.message, i.suggestion])).toEqual([
      ["'inputs.topik' is not a declared input", "did you mean 'topic'?"],
      ["'state.outlin' is never written", "did you mean 'outline'?"],
    ]);
  });

  it('reports a cycle without a bound', () => {
    const issues = errorsOf(valid.replace('    max_visits: 3\n', ''));
    expect(issues[0]?.message).toBe('cycle draft → check → draft has no bound');
    expect(issues[0]?.suggestion).toContain('max_visits');
  });

  it('checks budget fields', () => {
    const issues = errorsOf(valid.replace('start: outline', 'budget:\n  max_cost_cents: -1\n  on_exceed: degrade\nstart: outline'));
    expect(issues.map((i) => i.path)).toEqual(['budget.max_cost_cents']);
    const semantic = errorsOf(valid.replace('start: outline', 'budget:\n  max_cost_cents: 10\n  on_exceed: degrade\nstart: outline'));
    expect(semantic[0]?.message).toBe("'on_exceed: degrade' needs 'degrade_model'");
  });

  it('rejects expressions that are not in the safe language', () => {
    const issues = errorsOf(valid.replace('len(state.drafts) >= 2', "state.drafts.constructor('x')"));
    expect(issues[0]?.node).toBe('check');
  });

  it('says an unavailable tool is unavailable rather than failing silently', () => {
    const source = `version: 1\nname: t\nstart: a\nnodes:\n  a:\n    type: tool\n    tool: save_work\n`;
    const result = validateGraphSource(source, 't.yaml', { toolStatus: () => ({ available: false, reason: 'the library is not installed' }) });
    expect(result.graph).toBeDefined();
    expect(result.issues[0]).toMatchObject({ severity: 'warning', message: "tool 'save_work' is not available here: the library is not installed" });
  });

  it('reports a missing required field', () => {
    const issues = errorsOf(valid.replace('start: outline\n', ''));
    expect(issues[0]).toMatchObject({ message: "'start' is required" });
  });

  it('reports YAML syntax errors with their position', () => {
    const issues = errorsOf('version: 1\nname: x\nnodes:\n  a: [unclosed\n');
    expect(issues[0]?.message).toMatch(/^YAML syntax/);
    expect(issues[0]?.line).toBeGreaterThan(1);
  });

  it('exports JSON Schema for editors', () => {
    const schema = graphJsonSchema();
    expect(schema.type).toBe('object');
    expect(JSON.stringify(schema)).toContain('"llm"');
  });
});
