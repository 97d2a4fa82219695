import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeWeibo, type FakeWeibo } from '@creatorflow/testing/fake-open-apis/weibo';
import { runInProcess } from '../testing/cli-in-process.ts';
import { publishCommands } from './publish.ts';

const run = (home: string, ...args: string[]) => runInProcess(publishCommands, home, ...args);

describe('creatorflow accounts connect / oauth / methods (微博 fake)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-oauth-'));
  let wb: FakeWeibo;
  beforeAll(async () => {
    wb = await startFakeWeibo();
    vi.stubEnv('CREATORFLOW_MASTER_PASSWORD', 'correct horse battery');
    vi.stubEnv('WB_SECRET', 'weibo-app-secret-0001');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await wb.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('prints the consent page, catches the callback through the server and shows the grant', async () => {
    expect(await run(home, 'accounts', 'add', 'weibo', 'wb', '--mode', 'oauth', '--api-base-url', wb.url)).toMatch(/^Added weibo:wb/);
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const connect = run(home, 'accounts', 'connect', 'weibo:wb', '--client-id', '3000000001', '--client-secret-env', 'WB_SECRET', '--no-open');
      const url = await vi.waitFor(
        () => {
          const found = /\n(http\S+\/oauth2\/authorize\S+)\n/.exec(stderr.join(''))?.[1];
          if (!found) throw new Error('no URL yet');
          return found;
        },
        { timeout: 60_000, interval: 100 },
      );
      // The user's browser: the consent page sends it to the server's callback.
      const consent = await fetch(url, { redirect: 'manual' });
      const callback = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
      expect(callback.headers.get('location')).toMatch(/oauth=connected/);
      expect(await connect).toMatch(/^✔ 已授权 connected \(7300000001\)/);
    } finally {
      spy.mockRestore();
    }
    expect(await run(home, 'accounts', 'oauth', 'weibo:wb')).toContain('no refresh token');
    expect(await run(home, 'accounts', 'methods', 'weibo:wb', 'browser')).toBe('browser → assist\n');
    expect(await run(home, 'accounts', 'oauth', 'weibo:wb', '--revoke')).toMatch(/已撤销授权 revoked/);
  }, 120_000);
});
