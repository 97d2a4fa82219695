import { createRequire } from 'node:module';
import { onFirstUse } from '@creatorflow/core';

// linkedom and Readability (~25 MB resident) load on the first import of a page or document, not at start-up.
const require = createRequire(import.meta.url);
const linkedom = onFirstUse(() => require('linkedom') as typeof import('linkedom'));
const readability = onFirstUse(() => require('@mozilla/readability') as typeof import('@mozilla/readability'));
const parseHTML = (html: string) => linkedom().parseHTML(html);

export interface ReadableText {
  title: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dt, dd';

/** Text of an element with block elements on their own paragraphs and headings marked `#`. */
function blockText(root: Element): string {
  const parts: string[] = [];
  const blocks = root.querySelectorAll(BLOCKS);
  if (blocks.length === 0) return (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
  for (const el of blocks) {
    // Nested blocks (li > p) would repeat text: keep the innermost.
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const level = /^H([1-6])$/.exec(el.tagName)?.[1];
    parts.push(level ? `${'#'.repeat(Number(level))} ${text}` : el.tagName === 'LI' ? `- ${text}` : text);
  }
  return parts.join('\n\n');
}

/** Block text of an HTML fragment without Readability (already clean HTML, e.g. from DOCX). */
export function htmlFragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as Element);
}

/**
 * The readable article of an HTML page (Mozilla Readability on linkedom):
 * navigation, ads and footers dropped; falls back to the whole body when
 * Readability finds no article. Scripts never run.
 */
export function readableFromHtml(html: string, url?: string): ReadableText {
  // linkedom makes a document without a root element from text that has no tags, and
  // Readability throws on that (a 500 for "HTML" that is plain text, found by the route fuzz suite).
  const parsed = parseHTML(html).document;
  const { document } = parsed.documentElement ? { document: parsed } : parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const fallbackTitle = (document.querySelector('title')?.textContent ?? '').trim();
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const article = new (readability().Readability)(document.cloneNode(true) as unknown as Document, { charThreshold: 100 }).parse();
  if (article?.content) {
    const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const text = blockText(articleDoc.body as unknown as Element);
    if (text.length > 0) {
      return {
        title: (article.title ?? fallbackTitle).trim(),
        text,
        byline: article.byline ?? null,
        excerpt: article.excerpt ?? null,
        siteName: article.siteName ?? (url ? new URL(url).hostname : null),
      };
    }
  }
  return {
    title: fallbackTitle,
    text: document.body ? blockText(document.body as unknown as Element) : '',
    byline: null,
    excerpt: null,
    siteName: url ? new URL(url).hostname : null,
  };
}
