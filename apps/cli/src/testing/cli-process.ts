import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunEvent } from '@creatorflow/core';

/** Test helper: the real `creatorflow` CLI in a child process, as a user runs it. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  done: Promise<Finished>;
  stdout(): string;
  stderr(): string;
}

/**
 * Starts the CLI with only the given environment (plus PATH/HOME), so nothing leaks in from the test process.
 * It runs through `node_modules/.bin/creatorflow`, the link `npx creatorflow` uses, so these tests also prove that entry works.
 */
export function cli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['node_modules/.bin/creatorflow', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

/** Every stdout line of `--json` output as an event; a line that is not JSON fails the parse (NDJSON means nothing else). */
export function ndjson(stdout: string): RunEvent[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as RunEvent);
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 150_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
