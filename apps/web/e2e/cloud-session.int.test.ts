import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';
import { registerUser } from '@creatorflow/server/testing/users';
import { launchBrowser, openPage } from './support/app.ts';

/**
 * The cloud web app's session in real Chromium (issue 17): the 30-day refresh
 * token is an HttpOnly, SameSite=Strict cookie that page scripts never see —
 * not in localStorage, not in document.cookie — and an expired access token is
 * renewed through it without signing in again.
 */
describe('cloud web session', () => {
  let cloud: TestServer;
  let cloudUrl: string;
  let browser: Browser;
  const email = `session-${Date.now()}@example.com`;
  const password = 'correct horse battery';

  beforeAll(async () => {
    cloud = await createTestServer({ cloud: 'pglite' });
    [browser, cloudUrl] = await Promise.all([launchBrowser(), cloud.app.listen({ host: '127.0.0.1', port: 0 })]);
    await registerUser(cloud, email, password);
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
  });

  it('keeps the refresh token out of page scripts and renews an expired access token through the cookie', async () => {
    const { page, context, errors } = await openPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${cloudUrl}/login`);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    const loggedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const login = await loggedIn;
    expect(login.status()).toBe(200);
    expect(await login.json()).not.toHaveProperty('refresh_token');
    await page.waitForURL(/\/workbench/);

    const cookie = (await context.cookies()).find((c) => c.name === 'cf_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const seen = await page.evaluate(() => ({ cookies: document.cookie, storage: JSON.stringify({ ...localStorage }) }));
    expect(seen.cookies).not.toContain('cf_refresh');
    expect(seen.storage).not.toContain(cookie!.value);
    expect(seen.storage).not.toContain('refresh');

    // The access token is spoiled (as if expired): the next call answers 401, the app renews through the cookie and carries on.
    await page.evaluate(() => localStorage.setItem('cf.access_token', 'expired.token.value'));
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
    const me = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.status() === 200);
    await page.reload();
    expect((await renewed).status()).toBe(200);
    await me;
    await page.waitForURL(/\/workbench/);
    const next = (await context.cookies()).find((c) => c.name === 'cf_refresh');
    expect(next?.value).toBeTruthy();
    expect(next!.value).not.toBe(cookie!.value);
    const access = await page.evaluate(() => localStorage.getItem('cf.access_token'));
    expect(access).not.toBe('expired.token.value');
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
    await context.close();
  });
});
