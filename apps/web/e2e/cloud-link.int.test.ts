import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';
import { registerUser } from '@creatorflow/server/testing/users';
import { apiCall } from './support/api.ts';
import { launchBrowser, openPage, screenshot, startApp, type RunningApp } from './support/app.ts';

/** 设置 → 连接云端 on a local install, confirmed on a cloud deployment's /device page, both in real Chromium. */
describe('connecting a local install to a cloud from the web app', () => {
  let local: RunningApp;
  let cloud: TestServer;
  let cloudUrl: string;
  let browser: Browser;
  const email = `creator-${Date.now()}@example.com`;
  const password = 'correct horse battery';

  beforeAll(async () => {
    cloud = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_DEVICE_POLL_INTERVAL: '1' } });
    [local, browser, cloudUrl] = await Promise.all([startApp(), launchBrowser(), cloud.app.listen({ host: '127.0.0.1', port: 0 })]);
    await registerUser(cloud, email, password);
  });

  afterAll(async () => {
    await browser?.close();
    await local?.close();
    await cloud?.close();
  });

  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`links with a code confirmed in the cloud and unlinks (${name})`, async () => {
      // Each viewport starts unlinked, whatever the one before left.
      await apiCall(local, 'DELETE', '/api/cloud/link');
      const desk = await openPage(browser, { viewport, locale: 'zh-CN' });
      await desk.page.goto(local.openUrl);
      await desk.page.goto(`${local.url}/settings`);
      const card = desk.page.getByTestId('cloud-link-card');
      await card.getByText('连接云端').first().waitFor();
      await card.getByTestId('cloud-url').fill(cloudUrl);
      await card.getByTestId('cloud-connect').click();
      const code = (await card.getByTestId('cloud-user-code').innerText({ timeout: 30_000 })).trim();
      expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}/);
      await screenshot(desk.page, `cloud-link-code-${name}`);

      // The same person on the cloud web app: signs in, lands back on the confirmation, confirms.
      const web = await openPage(browser, { viewport, locale: 'zh-CN' });
      await web.page.goto(`${cloudUrl}/device?code=${code.slice(0, 9)}`);
      await web.page.getByLabel('邮箱').fill(email);
      await web.page.getByLabel('密码').fill(password);
      await web.page.getByRole('button', { name: /登\s*录/ }).click();
      await web.page.getByText('请求连接的设备').waitFor({ timeout: 30_000 });
      await screenshot(web.page, `cloud-device-confirm-${name}`);
      await web.page.getByTestId('device-approve').click();
      await web.page.getByTestId('device-result').filter({ hasText: '已确认' }).waitFor();

      await card.getByTestId('cloud-linked').waitFor({ timeout: 30_000 });
      await card.getByText(`已连接到 ${cloudUrl} 的工作区`).waitFor();
      await screenshot(desk.page, `cloud-link-linked-${name}`);

      await card.getByTestId('cloud-unlink').click();
      await desk.page.getByRole('button', { name: /确\s*定|OK/ }).click();
      await desk.page.getByText('已断开连接').waitFor();
      await card.getByTestId('cloud-url').waitFor();
      expect(desk.errors).toEqual([]);
      expect(web.errors).toEqual([]);
      await desk.context.close();
      await web.context.close();
    });
  }
});
