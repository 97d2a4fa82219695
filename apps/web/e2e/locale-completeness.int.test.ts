import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FakeLlm } from '@creatorflow/testing/fake-llm/index';
import { bentoAppEnv, startBentoLlm } from './support/bento-llm.ts';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, PNG_1X1, screenshot, startApp, type RunningApp } from './support/app.ts';

const DESKTOP = { viewport: { width: 1440, height: 900 } } as const;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * Latin words a zh-CN creator may see: brands and platform names, units,
 * formats, and what this test itself typed (the model id). Everything else in
 * Latin letters is an untranslated string or a raw id.
 */
const ZH_ALLOWED = new Set(
  [
    // brands, products, platforms
    'CreatorFlow', 'OpenAI', 'Anthropic', 'DeepSeek', 'Qwen', 'Kimi', 'Moonshot', 'Ollama', 'Gemini', 'Claude', 'GLM', 'CSDN', 'B', 'MCN', 'WeChat',
    'SDK', 'Chrome', 'Chromium', 'Edge', 'PostgreSQL', 'Redis', 'MCP', 'ComfyUI', 'Node', 'js', 'AES', 'GCM', 'PBKDF',
    // formats and units
    'API', 'Key', 'Token', 'token', 'tokens', 'URL', 'HTML', 'Markdown', 'CSV', 'XLSX', 'PNG', 'JPG', 'JPEG', 'WebP', 'GIF', 'MP4', 'PDF', 'YAML', 'JSON', 'Cookie', 'QR',
    'Ctrl', 'Enter', 'Shift', 'Esc', 'Cmd',
    'KB', 'MB', 'GB', 'B', 'ms', 'px', 'AI', 'ID', 'RPM', 'TPM', 'v', 'k', 'M', 'x', 'h', 'min', 's', 'AM', 'PM', 'CNY', 'USD',
    // what this test typed
    'openai', 'gpt', 'mini', 'o', 'sk', 'cf', 'test',
  ].map((word) => word.toLowerCase()),
);

/** Latin words in a page's visible text that are not on the allowlist. */
function latinWords(text: string): string[] {
  // An address (a placeholder's example URL, a link the person pasted) is not a word to translate.
  const words = text.replace(/https?:\/\/\S+/g, ' ').match(/[A-Za-z][A-Za-z]*/g) ?? [];
  return [...new Set(words.filter((word) => !ZH_ALLOWED.has(word.toLowerCase())))];
}

/**
 * What this test seeded and the fake model answered: the person's own Chinese
 * content, which the English UI shows as it is.
 */
const SEEDED = [
  '打工人一周便当怎么备菜', '美食', '选题方法 爆款标题来自真实痛点。', '方法论', '打工人便当指南', '周日备菜，一周不重样。周一吃鸡腿。', '便当', '主号', '打工人一周便当',
  '一、备菜 二、装盒', '打工人便当', '一周便当不重样', '打工人的午餐', '便当备菜法', '好的', '团队写作', '封面',
  // the local user's name, set on first start
  '本地创作者',
].join(' ');

/** Runs of Chinese characters in a page's text that are not the person's own content. */
function hanWords(text: string): string[] {
  const runs = text.match(/[\p{Script=Han}]+/gu) ?? [];
  return [...new Set(runs.filter((run) => !SEEDED.includes(run)))];
}

/**
 * Visible text of the page, open dialogs and drawers included (antd portals
 * them into body), and the placeholders of visible fields. Text marked
 * translate="no" is left out: it is what the person typed or must copy as it
 * is (model ids, addresses, paths, key prefixes, the name of the other language).
 */
async function visibleText(page: Page, skip: string): Promise<string> {
  return page.evaluate((skipped) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (!parent || parent.closest(`[translate="no"], script, style, noscript${skipped}`)) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      parts.push(walker.currentNode.textContent ?? '');
    }
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (field.checkVisibility() && !field.closest('[translate="no"]')) parts.push(field.placeholder);
    }
    return parts.join('\n');
  }, skip);
}

/** Lets a page load its data: no spinner left and a moment for late renders (polling pages never reach network idle). */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0, undefined, { timeout: 20_000 });
  await page.waitForTimeout(300);
}

interface Visit {
  name: string;
  path: string;
  /** Waits for the page's data, opens what should be looked at (a tab, a dialog). */
  act?: (page: Page) => Promise<void>;
}

describe('locale completeness: no English or raw ids in the Chinese UI, no Chinese in the English one', () => {
  let app: RunningApp;
  let browser: Browser;
  let fake: FakeLlm;
  let workId = '';
  let runId = '';

  beforeAll(async () => {
    fake = await startBentoLlm();
    [app, browser] = await Promise.all([
      startApp(bentoAppEnv(fake)),
      launchBrowser(),
    ]);
    const call = async <T,>(method: string, url: string, payload?: unknown, want = [200, 201, 202]): Promise<T> => {
      const answer = await apiCall<T>(app, method, url, payload);
      expect(want, `${method} ${url}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
      return answer.body;
    };
    // Seeded data a creator has after a week: ideas, a work, an account, jobs, a run waiting for approval, a gateway key with usage.
    await call('POST', '/api/publish/vault/init', { password: 'correct horse battery' });
    await call('POST', '/api/ideas', { text: '打工人一周便当怎么备菜', tags: ['美食'] });
    await call('POST', '/api/knowledge', { kind: 'markdown', content: '# 选题方法\n\n爆款标题来自真实痛点。\n', tags: ['方法论'] });
    const work = await call<{ id: string }>('POST', '/api/works', { kind: 'article', title: '打工人便当指南', body: '# 打工人便当指南\n\n周日备菜，一周不重样。\n\n#便当', platforms: ['wechat_mp', 'xiaohongshu'] });
    workId = work.id;
    await call('PUT', `/api/works/${workId}`, { base_version: 1, body: '# 打工人便当指南\n\n周日备菜，一周不重样。\n\n周一吃鸡腿。\n\n#便当' });
    const account = await call<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: '主号' });
    expect(account.id).toBeTruthy();
    await call('POST', '/api/publish/jobs', { work_id: workId, to: ['xiaohongshu:主号'], at: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const run = await call<{ id: string }>('POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '打工人一周便当' } });
    runId = run.id;
    for (let i = 0; i < 180; i += 1) {
      if ((await apiCall<{ status: string }>(app, 'GET', `/api/runs/${runId}`)).body.status === 'waiting') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const key = await call<{ key: string }>('POST', '/api/llm/keys', { name: '团队写作', budget_cents: 2000 });
    const chat = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai:gpt-4o-mini', messages: [{ role: 'user', content: '你好' }] }),
    });
    expect(chat.status, await chat.text()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  const clickTab = (key: string) => async (page: Page) => {
    await page.locator(`.ant-tabs-tab[data-node-key="${key}"]`).click();
    await settle(page);
  };
  const visits = (): Visit[] => [
    { name: 'workbench', path: '/workbench' },
    { name: 'workbench-analytics', path: '/workbench?graph=analytics' },
    { name: 'workbench-video', path: '/workbench?graph=video-script' },
    { name: 'works', path: '/works' },
    { name: 'work-editor', path: `/works/${workId}` },
    {
      name: 'work-versions',
      path: `/works/${workId}`,
      act: async (page) => {
        await page.getByTestId('open-history').click();
        await page.getByRole('dialog').getByText('v1').first().waitFor();
        await settle(page);
      },
    },
    { name: 'ideas', path: '/library/ideas' },
    {
      name: 'assets',
      path: '/library/assets',
      act: async (page) => {
        if ((await page.getByTestId('asset-card').count()) > 0) return;
        await page.getByTestId('file-input').setInputFiles({ name: '封面.png', mimeType: 'image/png', buffer: PNG_1X1 });
        await page.getByTestId('asset-card').first().waitFor();
      },
    },
    { name: 'knowledge', path: '/library/kb' },
    { name: 'trends', path: '/trends' },
    { name: 'topics', path: '/topics' },
    { name: 'publish-accounts', path: '/publish' },
    { name: 'publish-jobs', path: '/publish', act: clickTab('jobs') },
    { name: 'publish-calendar', path: '/publish', act: clickTab('calendar') },
    {
      name: 'publish-dialog',
      path: '/publish',
      act: async (page) => {
        await page.getByTestId('open-publish').click();
        await page.locator('.ant-modal:visible').waitFor();
        await settle(page);
      },
    },
    { name: 'analytics', path: '/analytics' },
    { name: 'llm-providers', path: '/llm' },
    { name: 'llm-models', path: '/llm?tab=models' },
    { name: 'llm-groups', path: '/llm?tab=groups' },
    { name: 'llm-keys', path: '/llm?tab=keys' },
    { name: 'llm-usage', path: '/llm?tab=usage' },
    { name: 'llm-images', path: '/llm?tab=images' },
    { name: 'runs', path: '/runs' },
    { name: 'run-detail', path: `/runs/${runId}` },
    { name: 'settings', path: '/settings' },
  ];

  const cases = [
    { locale: 'zh-CN', viewportName: 'desktop', viewport: DESKTOP },
    { locale: 'zh-CN', viewportName: 'phone', viewport: PHONE },
    { locale: 'en', viewportName: 'desktop', viewport: DESKTOP },
    { locale: 'en', viewportName: 'phone', viewport: PHONE },
  ] as const;
  for (const { locale, viewportName, viewport } of cases) {
    it(`shows only ${locale === 'en' ? 'English' : 'Chinese'} on every page at ${viewportName} size`, async () => {
      const { page, context, errors } = await openPage(browser, { ...viewport, locale });
      // The language the person chose in the app (the 中文/EN switch) is kept in localStorage.
      await context.addInitScript((chosen) => localStorage.setItem('cf.locale', chosen), locale);
      await page.goto(app.openUrl);
      await page.waitForURL(`${app.url}/workbench`);
      const found: Record<string, string[]> = {};
      for (const visit of visits()) {
        await page.goto(`${app.url}${visit.path}`);
        await page.locator('.cf-page-header').first().waitFor();
        await settle(page);
        await visit.act?.(page);
        const tag = `${locale === 'en' ? 'en' : 'zh'}-${viewportName}`;
        await screenshot(page, `${tag}-${visit.name}`);
        // Known gap: a graph's approval message and form fields exist in the graph's language only (no per-locale messages yet).
        const text = await visibleText(page, locale === 'en' ? ', [data-graph-authored]' : '');
        const words = locale === 'en' ? hanWords(text) : latinWords(text);
        if (words.length > 0) {
          found[visit.name] = words;
          console.log(`[${tag}] ${visit.name}: ${words.join(' ')}`);
        }
      }
      expect(found).toEqual({});
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
