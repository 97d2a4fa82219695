import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CreatorFlowError } from '@creatorflow/core';
import { homePaths, lockHome, readOrCreateSecretFile } from './home.ts';

describe('home directory lock', () => {
  const homes: string[] = [];
  const newHome = () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-home-'));
    homes.push(home);
    return home;
  };
  afterEach(() => {
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });

  it('refuses a lock held by a live process with HOME_LOCKED naming the pid', () => {
    const home = newHome();
    writeFileSync(homePaths(home).lock, JSON.stringify({ pid: process.ppid, purpose: 'creatorflow start' }));
    let error: unknown;
    try {
      lockHome(home, 'test');
    } catch (e) {
      error = e;
    }
    expect(CreatorFlowError.isInstance(error) && error.code).toBe('HOME_LOCKED');
    expect((error as Error).message).toContain(String(process.ppid));
  });

  it('takes over the lock of a crashed process and releases only its own', () => {
    const home = newHome();
    writeFileSync(homePaths(home).lock, JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'crashed' }));
    const lock = lockHome(home, 'test');
    expect(JSON.parse(readFileSync(homePaths(home).lock, 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'test' });
    lock.release();
    expect(() => readFileSync(homePaths(home).lock)).toThrow();
    const again = lockHome(home, 'again');
    again.release();
  });

  it('treats a half-written lock file as stale', () => {
    const home = newHome();
    writeFileSync(homePaths(home).lock, '{"pid":');
    lockHome(home, 'test').release();
  });

  it('creates secret files readable by the owner only and keeps them', () => {
    const home = newHome();
    const path = homePaths(home).token;
    const first = readOrCreateSecretFile(path);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readOrCreateSecretFile(path)).toBe(first);
  });
});
