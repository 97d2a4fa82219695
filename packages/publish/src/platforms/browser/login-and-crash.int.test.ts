import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { loadFlow } from './flow-schema.ts';
import { LoginSessions, sessionFromCookies } from './login-session.ts';
import { BrowserPool, type SessionState } from './pool.ts';

vi.setConfig({ testTimeout: 180_000 });

describe('browser service', () => {
  let site: ReplicaSite;
  let pool: BrowserPool;
  beforeAll(async () => {
    site = await startReplica('douyin');
    pool = new BrowserPool({ executablePath: '/usr/bin/chromium' });
  });
  afterAll(async () => {
    await pool.close();
    await site.close();
  });

  it('logs in by QR code: shows the code as an image, captures the session when the phone confirms', async () => {
    const flow = loadFlow('douyin');
    let captured: SessionState | undefined;
    const logins = new LoginSessions(pool, new EventEmitter());
    const session = logins.start({
      workspaceId: 'ws',
      accountId: 'acc-qr',
      flow,
      baseUrl: site.url,
      headed: false,
      onLoggedIn: async (state) => void (captured = state),
    });
    while (!session.qrImage && session.status === 'waiting') await new Promise((r) => setTimeout(r, 200));
    expect(session.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(site.scanQr()).toBe(true);
    while (logins.get('ws', session.id).status === 'waiting') await new Promise((r) => setTimeout(r, 200));
    expect(logins.get('ws', session.id).error).toBeUndefined();
    // 抖音's creator pages have no name hook the flow trusts, so the login carries none.
    expect(logins.get('ws', session.id)).toMatchObject({ status: 'logged_in' });
    expect(captured?.cookies.map((c) => c.name)).toContain('sessionid');
  });

  it('turns pasted cookies into a session for the platform host', () => {
    const state = sessionFromCookies('sessionid=abc; other=1', site.url);
    expect(state.cookies).toEqual([expect.objectContaining({ name: 'sessionid', value: 'abc', domain: '127.0.0.1' }), expect.objectContaining({ name: 'other' })]);
    expect(() => sessionFromCookies('nonsense', site.url)).toThrow(/paste them/);
  });

  it('survives a browser crash: the job fails as retryable and the next one gets a new browser', async () => {
    const crash = pool.withPage({ userKey: 'u', platform: 'douyin', accountId: 'a1' }, async (page) => {
      await page.goto(site.url + '/');
      // Kill every Chromium this process started, as an OOM killer would.
      execFileSync('pkill', ['-KILL', '-P', String(process.pid), 'chromium']);
      await page.reload();
    });
    await expect(crash).rejects.toMatchObject({ code: 'PUBLISH_BROWSER_CRASHED', retryable: true });
    const { result } = await pool.withPage({ userKey: 'u', platform: 'douyin', accountId: 'a1' }, async (page) => {
      await page.goto(site.url + '/');
      return page.locator('#animate_qrcode_container').count();
    });
    expect(result).toBe(1);
    expect((await pool.health()).crashes).toBe(1);
  });
});
