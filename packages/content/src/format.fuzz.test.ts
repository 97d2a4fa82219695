import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreatorFlowError } from '@creatorflow/core';
import { formatForPlatform } from './format.ts';
import { cheerio } from './lazy-libs.ts';
import { platformIds } from './profiles/index.ts';

/**
 * Property-based tests of Markdown → platform formatting (issue 17, fuzz suite): any Markdown
 * a creator (or a model) writes formats for every platform without throwing (bad front matter is a 400 VALIDATION_FAILED), in bounded time
 * and size, and the HTML outputs carry no script, event handler or javascript: URL.
 */

const inline = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.constantFrom('中文段落，带标点。', '#便当#', '#话题', 'C#', 'emoji 😀👍🏻', '**粗体**', '*斜体*', '`code`', '~~删~~', '\\*', '&amp;', '&#0;', '\u0000', '\u202e', '\r') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '[链接](https://example.com/a?b=1)', '[x](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '<https://a.b>', '![图](https://img.example.com/a.png)',
      '![](asset://0000)', '![](./local.png)', '![x](javascript:alert(1))', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>',
      '<style>*{}</style>', '<iframe src="https://evil"></iframe>', '<svg onload=alert(1)>', '[^1]', '<!-- c -->', '<details><summary>s</summary>d</details>',
      '$$x$$', '[x][ref]', '[ref]: https://r.example', '{{ x }}', '<div style="position:fixed">x</div>',
    ),
  },
);
const line = fc.oneof(
  fc.array(inline, { maxLength: 5 }).map((xs) => xs.join(' ')),
  fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  inline.map((t) => `- ${t}`),
  inline.map((t) => `1. ${t}`),
  inline.map((t) => `> ${t}`),
  fc.constantFrom('---', '***', '', '    indented code', '| a | b |\n|---|---|\n| 1 | 2 |', '```js\nconst x = 1;\n```', '```', '- [ ] task', '  - nested', '>>>>>> deep quote'),
);
const markdown = fc.oneof(
  fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n')),
  fc.tuple(fc.record({ title: fc.string({ maxLength: 10 }), tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }) }), fc.array(line, { maxLength: 10 })).map(
    ([fm, ls]) => `---\ntitle: ${JSON.stringify(fm.title)}\ntags: ${JSON.stringify(fm.tags)}\n---\n${ls.join('\n')}`,
  ),
  fc.constantFrom('---\ntitle: [unclosed\n---\nbody', '---\n---', '---\n: : :\n---\nx', '- '.repeat(2_000), '>'.repeat(3_000) + ' x', '*'.repeat(5_000), '['.repeat(3_000) + ']('.repeat(3_000)),
);

const input = fc.record(
  {
    markdown,
    platform: fc.constantFrom(...platformIds()),
    title: fc.string({ maxLength: 40 }),
    summary: fc.string({ maxLength: 40 }),
    tags: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('#', '##', '[话题]', '#a#')), { maxLength: 6 }),
    theme: fc.constantFrom('default', 'nope', '../../etc'),
    customCss: fc.constantFrom('', 'p{color:red}', '@import url(https://evil/x.css);', 'p{background:url(javascript:alert(1))}', '}}}{{{', 'p{behavior:url(x.htc)}'),
    images: fc.array(fc.record({ src: fc.constantFrom('asset://1', 'https://x/y.png', '', 'javascript:alert(1)') }), { maxLength: 3 }),
    cover: fc.record({ width: fc.integer({ min: 0, max: 5_000 }), height: fc.integer({ min: 0, max: 5_000 }) }),
  },
  { requiredKeys: ['markdown', 'platform'] },
);

/** Elements and attributes a browser would run, in parsed HTML (escaped text like `&lt;svg onload=` is fine). */
function activeContent(html: string): string[] {
  const $ = cheerio().load(html, null, false);
  const found: string[] = [];
  $('script, iframe, object, embed, svg, math, form, base, meta, link').each((_i, el) => void found.push(`<${(el as { tagName: string }).tagName}>`));
  $('*').each((_i, el) => {
    for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on/i.test(name)) found.push(`${name}=`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name.toLowerCase()) && /^\s*(javascript|vbscript|data:text\/html)/i.test(value)) found.push(`${name}=${value}`);
    }
  });
  return found;
}

describe('formatForPlatform under arbitrary Markdown (fast-check)', () => {
  it('formats any Markdown for every platform: no throw, bounded output, no active content in HTML', () => {
    fc.assert(
      fc.property(input, (request) => {
        let result: ReturnType<typeof formatForPlatform>;
        try {
          result = formatForPlatform(request);
        } catch (error) {
          // Only a designed refusal (bad front matter: VALIDATION_FAILED 400), never a crash.
          if (!CreatorFlowError.isInstance(error)) throw error;
          expect(error.status).toBe(400);
          return;
        }
        expect(result.platform).toBe(request.platform);
        expect(Array.isArray(result.violations)).toBe(true);
        // Bounded: formatting may add markup, footnotes and a tag line, not multiply the text.
        const given = request.markdown.length + (request.title?.length ?? 0) + (request.summary?.length ?? 0) + (request.tags ?? []).join('').length + (request.customCss?.length ?? 0);
        expect(result.body.length).toBeLessThanOrEqual(50 * given + 50_000);
        if (result.bodyFormat === 'html') expect(activeContent(result.body), result.body).toEqual([]);
        expect(result.stats.bodyChars).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});
