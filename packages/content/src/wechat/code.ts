import { createRequire } from 'node:module';
import { onFirstUse } from '@creatorflow/core';
import type { HLJSApi } from 'highlight.js';

// highlight.js with all its languages (~16 MB resident) loads with the first code block, not at start-up.
const require = createRequire(import.meta.url);
const hljsOnce = onFirstUse(() => require('highlight.js') as HLJSApi);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Highlighted HTML (hljs spans) of a code block, or escaped text for unknown languages. */
export function highlight(code: string, lang: string): string {
  const language = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const hljs = hljsOnce();
  if (language && hljs.getLanguage(language)) {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}

/**
 * Makes line breaks and indentation survive editors that collapse whitespace
 * in <pre> (WeChat): newlines become <br>, spaces and tabs become &nbsp;.
 * Only text between tags is touched, so hljs spans stay intact.
 */
export function preserveWhitespace(html: string): string {
  return html
    .replace(/\n$/, '')
    .split(/(<[^>]+>)/)
    .map((part) =>
      part.startsWith('<') ? part : part.replace(/\t/g, '    ').replace(/ /g, '&nbsp;').replace(/\r?\n/g, '<br>'),
    )
    .join('');
}

export { escapeHtml };
