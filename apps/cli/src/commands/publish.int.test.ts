import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { runInProcess } from '../testing/cli-in-process.ts';
import { publishCommands } from './publish.ts';

const run = (home: string, ...args: string[]) => runInProcess(publishCommands, home, ...args);

describe('creatorflow vault / accounts (local home, no server running, no display)', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-pub-'));
  let site: ReplicaSite;
  beforeAll(async () => {
    site = await startReplica('bilibili');
    vi.stubEnv('CREATORFLOW_MASTER_PASSWORD', 'correct horse battery');
    // A machine without a display: the login cannot open a window, the QR code is written to a file instead.
    vi.stubEnv('DISPLAY', '');
    vi.stubEnv('WAYLAND_DISPLAY', '');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await site.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('sets the master password and adds a browser account', async () => {
    expect(await run(home, 'vault', 'init')).toContain('initialized: true, unlocked: true');
    expect(await run(home, 'accounts', 'add', 'bilibili', 'b站号', '--base-url', site.url)).toMatch(/^Added bilibili:b站号 \([0-9a-f-]{36}\)/);
    expect(await run(home, 'accounts', 'list')).toMatch(/bilibili:b站号\t-\tunknown\tlocal/);
  }, 120_000);

  it('logs in by QR code: writes the code as a PNG, finishes when the phone confirms', async () => {
    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const login = run(home, 'accounts', 'login', 'bilibili:b站号');
      const file = await vi.waitFor(
        () => {
          const path = /: (\S+creatorflow-login-[0-9a-f-]+\.png)/.exec(stderr.join(''))?.[1];
          if (!path || !existsSync(path)) throw new Error('no QR file yet');
          return path;
        },
        { timeout: 60_000, interval: 200 },
      );
      expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(site.scanQr()).toBe(true);
      expect(await login).toBe('✔ logged in as bilibili测试号\n');
      rmSync(file, { force: true });
    } finally {
      spy.mockRestore();
    }
    expect(stderr.join('')).not.toContain('browser window');
    expect(await run(home, 'accounts', 'list')).toMatch(/bilibili:b站号\tbilibili测试号\tlogged_in\tlocal/);
  }, 120_000);
});

describe('creatorflow accounts check --deep', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-deep-'));
  let site: ReplicaSite;
  beforeAll(async () => {
    site = await startReplica('zhihu');
    vi.stubEnv('CREATORFLOW_MASTER_PASSWORD', 'correct horse battery');
    await run(home, 'vault', 'init');
    await run(home, 'accounts', 'add', 'zhihu', '知乎号', '--base-url', site.url);
    const cookie = site.issueSession();
    await run(home, 'accounts', 'login', 'zhihu:知乎号', '--cookies', `${cookie.name}=${cookie.value}`);
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    process.exitCode = undefined;
    await site.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('walks every step of the live editor without publishing, and names the step a redesign breaks with a screenshot', async () => {
    const ok = await run(home, 'accounts', 'check', 'zhihu:知乎号', '--deep');
    expect(ok).toContain('zhihu article flow v2');
    expect(ok).toContain('as zhihu测试号');
    expect(ok).toMatch(/✔ \d+\. 填写标题/);
    expect(ok).toContain('✔ 页面与发布流程一致');
    expect(process.exitCode ?? 0).toBe(0);
    expect(site.posts).toHaveLength(0);

    site.setLayout(2);
    const json = JSON.parse(await run(home, 'accounts', 'check', 'zhihu:知乎号', '--deep', '--json')) as { ok: boolean; failed_step: string; error: { code: string }; screenshot_file: string | null };
    expect(json).toMatchObject({ ok: false, error: { code: 'PUBLISH_PAGE_MISMATCH' } });
    expect(json.failed_step).toContain('.public-DraftEditor-content');
    expect(process.exitCode).toBe(1);
    expect(json.screenshot_file).toBeTruthy();
    expect(readFileSync(json.screenshot_file!).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(site.posts).toHaveLength(0);
    process.exitCode = undefined;
  }, 180_000);
});
