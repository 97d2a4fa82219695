import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreatorFlowError } from '@creatorflow/core';

/** Files local mode keeps in its home directory. */
export const homePaths = (home: string) => ({
  home,
  db: join(home, 'db'),
  media: join(home, 'media'),
  token: join(home, 'local-token'),
  lock: join(home, 'lock'),
  server: join(home, 'server.json'),
  secretKey: join(home, 'secret-key'),
});

export function ensureHome(home: string): void {
  mkdirSync(home, { recursive: true, mode: 0o700 });
}

/** Reads the local session token, creating it (mode 0600) on first use. */
export function readOrCreateSecretFile(path: string, bytes = 32): string {
  if (existsSync(path)) {
    const value = readFileSync(path, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

export function readLocalToken(home: string): string | undefined {
  const path = homePaths(home).token;
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface HomeLock {
  release(): void;
}

/**
 * Takes the home directory for this process. PGlite must never be opened by
 * two processes at once, so a second one gets a clear error instead of a
 * corrupted database. A lock left by a crashed process (dead pid) is taken over.
 */
export function lockHome(home: string, purpose: string): HomeLock {
  const { lock } = homePaths(home);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lock, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), {
        flag: 'wx',
        mode: 0o600,
      });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            const owner = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number };
            if (owner.pid === process.pid) unlinkSync(lock);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readLockText(lock);
      let owner: { pid?: number; purpose?: string } = {};
      try {
        owner = JSON.parse(seen ?? '') as typeof owner;
      } catch {
        // A half-written lock file: treat as stale.
      }
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new CreatorFlowError(
          'HOME_LOCKED',
          `The CreatorFlow home ${home} is in use by another process (pid ${owner.pid}, ${owner.purpose ?? 'unknown'}). ` +
            'Stop it first, or use another home with --home DIR / CREATORFLOW_HOME.',
          { status: 409, details: { pid: owner.pid } },
        );
      }
      // Only remove the stale lock we looked at: if another process took the
      // home over in the meantime, its fresh lock must survive.
      if (readLockText(lock) === seen) {
        try {
          unlinkSync(lock);
        } catch {
          // Someone else removed it first; try again.
        }
      }
    }
  }
  throw new CreatorFlowError('HOME_LOCKED', `Could not lock ${home}: another process keeps taking it.`, { status: 409 });
}

function readLockText(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

export interface RunningServer {
  pid: number;
  url: string;
  port: number;
}

export function writeServerInfo(home: string, info: RunningServer): void {
  writeFileSync(homePaths(home).server, JSON.stringify(info), { mode: 0o600 });
}

export function clearServerInfo(home: string): void {
  try {
    unlinkSync(homePaths(home).server);
  } catch {
    // Not there: nothing to clear.
  }
}

/** The local server running on this home, if any (a stale file of a dead process is ignored). */
export function findRunningServer(home: string): RunningServer | undefined {
  const path = homePaths(home).server;
  if (!existsSync(path)) return undefined;
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as RunningServer;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}
