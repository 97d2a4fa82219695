import { CreatorFlowError } from '@creatorflow/core';

const ROOT_BLOCK = /:root\s*\{([^}]*)\}/g;
const VAR_CALL = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;
const COMMENT = /\/\*[\s\S]*?\*\//g;

/**
 * Resolves CSS custom properties declared in `:root` blocks (later blocks win)
 * and removes those blocks, because WeChat drops `var()` it cannot see the
 * definition of. An unknown variable without a fallback is an error that names it.
 */
export function resolveCssVariables(css: string): string {
  const vars = new Map<string, string>();
  let text = css.replace(COMMENT, '');
  text = text.replace(ROOT_BLOCK, (_, body: string) => {
    for (const decl of body.split(';')) {
      const idx = decl.indexOf(':');
      if (idx < 0) continue;
      const name = decl.slice(0, idx).trim();
      if (name.startsWith('--')) vars.set(name, decl.slice(idx + 1).trim());
    }
    return '';
  });
  const substitute = (value: string, depth: number): string =>
    value.replace(VAR_CALL, (_, name: string, fallback: string | undefined) => {
      const found = vars.get(name) ?? fallback?.trim();
      if (found === undefined) {
        throw new CreatorFlowError(
          'CONTENT_CSS_VARIABLE_UNDEFINED',
          `CSS variable ${name} is used but not defined; define it in a :root { ${name}: … } block or give var() a fallback`,
          { status: 400, details: { variable: name } },
        );
      }
      if (depth > 10) throw new CreatorFlowError('CONTENT_CSS_VARIABLE_CYCLE', `CSS variable ${name} refers to itself`, { status: 400 });
      return substitute(found, depth + 1);
    });
  return substitute(text, 0);
}

export interface CssCleanResult {
  css: string;
  /** At-rules that were removed because WeChat cannot keep them. */
  removed: string[];
}

/**
 * Removes what cannot survive inlining into WeChat: `@import`, `@font-face`
 * (external fonts), `@media`/`@keyframes`/`@supports` (need a <style> tag).
 */
export function stripUnsupportedAtRules(css: string): CssCleanResult {
  const removed: string[] = [];
  let out = '';
  let i = 0;
  const text = css.replace(COMMENT, '');
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, at);
    const name = /^@([\w-]+)/.exec(text.slice(at))?.[1] ?? '';
    const semi = text.indexOf(';', at);
    const brace = text.indexOf('{', at);
    if (brace < 0 || (semi >= 0 && semi < brace)) {
      i = semi < 0 ? text.length : semi + 1;
    } else {
      let depth = 0;
      let j = brace;
      for (; j < text.length; j += 1) {
        if (text[j] === '{') depth += 1;
        else if (text[j] === '}' && --depth === 0) break;
      }
      i = j + 1;
    }
    removed.push(`@${name}`);
  }
  return { css: out, removed };
}
