import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFailed } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';

export const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/web/', import.meta.url));

/** A 1×1 PNG: the smallest real image for uploads (covers, body images). */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface RunningApp {
  server: TestServer;
  url: string;
  /** The URL `creatorflow start` would print: it sets the session cookie. */
  openUrl: string;
  close(): Promise<void>;
}

/** The real server (local mode, throw-away home) listening on a free loopback port. */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const server = await createTestServer({ env });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return { server, url, openUrl: `${url}/?token=${server.ctx.local!.token}`, close: () => server.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Console errors and uncaught page errors seen by a page; tests assert it stays empty. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(() => reportFailedPage(page, errors));
  return { page, context, errors };
}

/**
 * What the page showed when its test failed, printed with the test's output
 * (a CI log is often all there is to go on) and kept as a screenshot.
 */
async function reportFailedPage(page: Page, errors: string[]): Promise<void> {
  if (page.isClosed()) return;
  try {
    const text = await page.evaluate(() => document.body.innerText.replace(/\n{2,}/g, '\n').slice(0, 2_000));
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, `failed-${Date.now()}.png`);
    await page.screenshot({ path: shot });
    console.log(`[e2e] page at failure: ${page.url()}\n[e2e] screenshot: ${shot}\n[e2e] console errors: ${JSON.stringify(errors)}\n[e2e] visible text:\n${text}`);
  } catch (error) {
    console.log(`[e2e] could not capture the failed page: ${String(error)}`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until the service worker controls the page and loads the page once
 * under it, so the app shell and this page's code are cached — as on a phone
 * where the app was opened before the network went away.
 */
export async function installApp(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The outbox entries kept in this page's IndexedDB (what the app will send when online). */
export async function outboxEntries(page: Page): Promise<Array<{ id: string; kind: string; body: Record<string, unknown> }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('creatorflow');
        // Never create the app's database from here: the app creates it with its stores.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error ?? new Error('the app has not created its database yet'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) return resolve([]);
          const all = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
