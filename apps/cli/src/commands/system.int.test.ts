import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '@creatorflow/testing';
import { VERSION } from '@creatorflow/server';
import { cli, waitFor } from '../testing/cli-process.ts';

describe('creatorflow start: one process per home', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-lock-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses a second process on the same home with HOME_LOCKED and exit code 1, then restarts on the same data', async () => {
    const first = cli(['start', '--home', home, '--port', '0']);
    children.push(first.child);
    await waitFor(() => first.stdout().includes('Open:'), 'the first start');
    const url = /API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(first.stdout())![1]!;
    const token = readFileSync(join(home, 'local-token'), 'utf8').trim();
    expect(statSync(join(home, 'local-token')).mode & 0o777).toBe(0o600);
    expect(first.stdout()).toContain(`?token=${token}`);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ mode: 'local', db: 'pglite' });

    const second = cli(['start', '--home', home, '--port', '0']);
    children.push(second.child);
    const result = await second.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HOME_LOCKED');
    expect(result.stderr).toContain(home);

    // The first one is unharmed, and stops cleanly on Ctrl-C.
    expect((await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(0);

    const again = cli(['start', '--home', home, '--port', '0']);
    children.push(again.child);
    await waitFor(() => again.stdout().includes('Open:'), 'the second start');
    expect(again.stdout()).toContain(`?token=${token}`);
    again.child.kill('SIGTERM');
    expect((await again.done).code).toBe(0);
  }, 300_000);
});

describe('creatorflow start --open', () => {
  it('opens the printed link in an app window of the configured browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-open-'));
    // A stand-in browser that records how it was started, as Chrome would receive it.
    const browser = join(dir, 'chrome');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(join(dir, 'args'))}\n`);
    chmodSync(browser, 0o755);
    const started = cli(['start', '--home', join(dir, 'home'), '--port', '0', '--open'], { CREATORFLOW_CHROMIUM: browser });
    try {
      await waitFor(() => started.stdout().includes('Open:') && existsSync(join(dir, 'args')), 'the app window');
      const openUrl = /Open:\s+(\S+)/.exec(started.stdout())![1]!;
      expect(readFileSync(join(dir, 'args'), 'utf8').split('\n')).toContain(`--app=${openUrl}`);
      expect(started.stderr()).toContain(`opened an app window with ${browser}`);
    } finally {
      started.child.kill('SIGTERM');
      await started.done;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('creatorflow --version', () => {
  it('prints the version and exits 0', async () => {
    const result = await cli(['--version']).done;
    expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });
});

describe('creatorflow server: missing or unreachable services name the variable', () => {
  const secrets = { CREATORFLOW_JWT_SECRET: 'x'.repeat(40), CREATORFLOW_SECRET_KEY: 'y'.repeat(40) };

  it('names DATABASE_URL, REDIS_URL and the secrets when they are missing', async () => {
    const { code, stderr } = await cli(['server', '--port', '0']).done;
    expect(code).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'CREATORFLOW_JWT_SECRET', 'CREATORFLOW_SECRET_KEY']) expect(stderr).toContain(name);
  }, 120_000);

  it('names DATABASE_URL when PostgreSQL does not answer', async () => {
    const { code, stderr } = await cli(['server', '--port', '0'], {
      ...secrets,
      DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/creatorflow',
      REDIS_URL: 'redis://127.0.0.1:1',
    }).done;
    expect(code).toBe(1);
    expect(stderr).toContain('DB_UNREACHABLE');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toContain(':pw@');
  }, 120_000);

  it.skipIf(!hasPostgres())('names REDIS_URL when Redis does not answer', async () => {
    const { code, stderr } = await cli(['server', '--port', '0'], {
      ...secrets,
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: 'redis://127.0.0.1:1',
    }).done;
    expect(code).toBe(1);
    expect(stderr).toContain('REDIS_UNREACHABLE');
    expect(stderr).toContain('REDIS_URL');
  }, 120_000);
});
