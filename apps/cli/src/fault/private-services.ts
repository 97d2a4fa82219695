import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PostgreSQL and Redis instances of the fault suite's own (issue 17): started by the test on
 * free ports in a temp dir, so a test may kill, restart or pause them. The shared services on
 * 5432 and 6379 are never touched. A missing binary fails with a message naming it — the
 * suite must not skip in CI.
 */
export const PG_BIN = process.env.CREATORFLOW_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REDIS_SERVER = process.env.CREATORFLOW_REDIS_SERVER ?? 'redis-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function requireBinary(path: string, what: string): void {
  const found = path.includes('/') ? existsSync(path) : spawnSync('sh', ['-c', `command -v ${path}`]).status === 0;
  if (!found) throw new Error(`the fault suite needs ${what} (${path}); install it (Debian: apt-get install ${what.includes('PostgreSQL') ? 'postgresql-15' : 'redis-server'}) or set ${what.includes('PostgreSQL') ? 'CREATORFLOW_PG_BIN' : 'CREATORFLOW_REDIS_SERVER'}`);
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

export interface PrivatePostgres {
  url: string;
  port: number;
  /** kill -9 of the postmaster (its backends die with it); the data directory stays. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to (and runs as) the `postgres` user. */
function asPostgresUser(args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [args[0]!, args.slice(1)];
  return ['runuser', ['-u', 'postgres', '--', ...args]];
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  requireBinary(join(PG_BIN, 'initdb'), 'PostgreSQL 15 initdb');
  requireBinary(join(PG_BIN, 'postgres'), 'PostgreSQL 15 postgres');
  const dir = mkdtempSync(join(tmpdir(), 'cf-fault-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error('running as root, the fault suite needs a `postgres` user to run its private PostgreSQL (PostgreSQL refuses root)');
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const [cmd, args] = asPostgresUser([join(PG_BIN, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  const init = spawnSync(cmd, args, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const [c, a] = asPostgresUser([join(PG_BIN, 'postgres'), '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']);
    child = spawn(c, a, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    await until(() => {
      if (child!.exitCode !== null) throw new Error(`private PostgreSQL exited: ${log}`);
      return spawnSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0;
    }, 'the private PostgreSQL to accept connections');
  };
  await start();
  const createdb = spawnSync(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'fault'], { encoding: 'utf8' });
  if (createdb.status !== 0) throw new Error(`createdb failed: ${createdb.stderr}`);
  const kill = async () => {
    if (!child) return;
    // runuser forwards nothing on SIGKILL: kill the postmaster itself (the child of runuser).
    const pid = postmasterPid(data) ?? child.pid;
    if (pid) process.kill(pid, 'SIGKILL');
    await exited(child);
    child = undefined;
    // The backends notice their postmaster is gone and exit; wait for the port to be free.
    await until(() => spawnSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 2, 'the killed PostgreSQL to go away');
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/fault`,
    port,
    kill,
    start,
    async stop() {
      await kill().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postmasterPid(data: string): number | undefined {
  const read = spawnSync('head', ['-1', join(data, 'postmaster.pid')], { encoding: 'utf8' });
  const pid = Number(read.stdout.trim());
  return read.status === 0 && pid > 0 ? pid : undefined;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** kill -9: everything in it is gone (no persistence), as after a Redis crash with `--save ''`. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  requireBinary(REDIS_SERVER, 'redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cf-fault-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    let log = '';
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    await until(() => {
      if (child!.exitCode !== null) throw new Error(`private redis-server exited: ${log}`);
      return log.includes('Ready to accept connections');
    }, 'the private Redis to start');
  };
  await start();
  const kill = async () => {
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
    child = undefined;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
