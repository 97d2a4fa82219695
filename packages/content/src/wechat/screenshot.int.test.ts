import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { formatForPlatform } from '../format.ts';
import { previewPage } from '../preview.ts';
import { listThemes } from './themes.ts';

const ARTIFACTS = new URL('../../../../test-artifacts/content/', import.meta.url);
const article = readFileSync(new URL('../testing/article.md', import.meta.url), 'utf8');

describe('WeChat themes in real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(() => browser?.close());

  it.each(listThemes().map((t) => t.id))('renders the %s theme with code lines, list markers and footnotes intact', async (theme) => {
    const result = formatForPlatform({ markdown: article, platform: 'wechat', theme });
    const page = await browser.newPage({ viewport: { width: 414, height: 900 }, deviceScaleFactor: 2 });
    try {
      // Offline: block the example image so the page settles without network.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(previewPage(result, { author: '创流' }), { waitUntil: 'load' });
      const facts = await page.evaluate(() => {
        const content = document.querySelector('#cf-content')!;
        const code = content.querySelector('pre code') as HTMLElement;
        const lineHeight = parseFloat(getComputedStyle(code).lineHeight);
        const markers = [...content.querySelectorAll('li')].map((li) => (li.firstElementChild?.firstElementChild as HTMLElement | null)?.innerText);
        const refs = [...content.querySelectorAll('p')].filter((p) => /^\[\d+\]/.test(p.innerText)).length;
        return {
          codeLines: Math.round((code.clientHeight - parseFloat(getComputedStyle(code).paddingTop) * 2) / lineHeight),
          markers,
          refs,
          pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
          styleTags: content.querySelectorAll('style, script, [class], [id]').length,
          headingColor: getComputedStyle(content.querySelector('h2')!).color,
          textColor: getComputedStyle(content.querySelector('p')!).color,
        };
      });
      expect(facts.codeLines).toBe(11);
      expect(facts.markers).toEqual(['1.', '2.', '◦', '◦', '▪', '▪', '3.']);
      expect(facts.refs).toBe(3);
      expect(facts.pageOverflows).toBe(false);
      expect(facts.styleTags).toBe(0);
      expect(facts.headingColor).not.toBe(facts.textColor);
      await page.screenshot({ path: new URL(`wechat-${theme}.png`, ARTIFACTS).pathname, fullPage: true });
    } finally {
      await page.close();
    }
  });
});
