import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, startLocal, type RunningInstance } from '@creatorflow/server';
import { runInProcess } from '../testing/cli-in-process.ts';
import { workspacesCommands } from './workspaces.ts';

const run = (home: string, ...args: string[]) => runInProcess(workspacesCommands, home, ...args);

describe('creatorflow workspaces / tokens', () => {
  const home = mkdtempSync(join(tmpdir(), 'cf-cli-'));
  let running: RunningInstance | undefined;
  afterAll(async () => {
    await running?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('works with no server running: the command opens the home itself', async () => {
    expect(await run(home, 'workspaces', 'create', '团队工作区')).toContain('Created workspace 团队工作区');
  }, 300_000);

  it('talks to a running `creatorflow start` on the same home', async () => {
    running = await startLocal(loadConfig({ mode: 'local', home, port: 0 }, { LOG_LEVEL: 'silent' }));
    const listed = await run(home, 'workspaces', 'list');
    expect(listed).toMatch(/^ID\s+NAME\s+KIND\s+ROLE/);
    expect(listed).toContain('我的工作区');
    expect(listed).toMatch(/团队工作区\s+team\s+owner/);
  }, 300_000);

  it('creates a token once, lists it without the secret, revokes it', async () => {
    const created = JSON.parse(await run(home, 'tokens', 'create', '--name', 'ci', '--role', 'viewer', '--json')) as { id: string; token: string };
    expect(created.token).toMatch(/^cf_pat_/);
    const listed = JSON.parse(await run(home, 'tokens', 'list', '--json')) as Array<{ id: string; revoked_at: string | null }>;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, revoked_at: null })]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await run(home, 'tokens', 'revoke', created.id)).toContain(`Revoked ${created.id}`);
    const after = JSON.parse(await run(home, 'tokens', 'list', '--json')) as Array<{ revoked_at: string | null }>;
    expect(after[0]!.revoked_at).not.toBeNull();
  }, 120_000);

  it('reports API errors with their code', async () => {
    await expect(run(home, 'tokens', 'revoke', 'not-a-uuid')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  }, 120_000);
});
