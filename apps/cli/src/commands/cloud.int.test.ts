import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';
import { registerUser } from '@creatorflow/server/testing/users';
import { hasPostgres } from '@creatorflow/testing';
import { cli, waitFor, type CliProcess } from '../testing/cli-process.ts';

let cloud: TestServer;
let cloudUrl: string;
const home = mkdtempSync(join(tmpdir(), 'cf-cloud-cli-'));
// One running local server the commands talk to, as on a desktop (each command would otherwise open the home itself).
let server: CliProcess;

beforeAll(async () => {
  cloud = await createTestServer({ cloud: hasPostgres() ? 'postgres' : 'pglite', env: { CREATORFLOW_DEVICE_POLL_INTERVAL: '1' } });
  cloudUrl = await cloud.app.listen({ port: 0, host: '127.0.0.1' });
  server = cli(['start', '--home', home, '--port', '0']);
  await waitFor(() => server.stdout().includes('Open:'), 'the local server');
}, 180_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.done;
  await cloud?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('creatorflow cloud login | status | logout', () => {
  it('links by device code confirmed in the cloud, shows the link, and unlinks', { timeout: 300_000 }, async () => {
    const user = await registerUser(cloud);
    const login = cli(['cloud', 'login', cloudUrl, '--home', home]);
    await waitFor(() => /\b[A-Z]{4}-[A-Z]{4}\b/.test(login.stdout()), 'the code to confirm');
    const code = /\b([A-Z]{4}-[A-Z]{4})\b/.exec(login.stdout())![1]!;
    expect(login.stdout()).toContain(`${cloudUrl}/device?code=${code}`);
    const approved = await cloud.app.inject({ method: 'POST', url: `/api/auth/device/requests/${code}/approve`, headers: user.headers, payload: { workspace_id: user.workspaceId } });
    expect(approved.statusCode).toBe(200);
    const done = await login.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Linked to ${cloudUrl}`);

    const status = await cli(['cloud', 'status', '--home', home, '--json']).done;
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'linked', cloud_workspace: { id: user.workspaceId }, cloud_user: user.email });

    // Auto sync (on once linked) would race the scripted rounds below: off, and the status says so.
    const off = await cli(['sync', '--auto', 'off', '--home', home]).done;
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain('自动同步 / auto sync: 关 / off');
    // creatorflow sync: an idea made here reaches the cloud; one made there comes back.
    const made = await cli(['ideas', 'add', '桌面上记下的选题', '--home', home, '--json']).done;
    expect(made.code, made.stderr).toBe(0);
    await cloud.app.inject({ method: 'POST', url: '/api/ideas', headers: user.headers, payload: { text: '手机上记下的选题' } });
    const before = await cli(['sync', '--status', '--home', home]).done;
    expect(before.stdout).toContain('上次同步 / last sync: 从未');
    expect(before.stdout).toContain('待推送 / waiting to push: 1');
    const synced = await cli(['sync', '--home', home]).done;
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toContain('冲突 / conflicts: 0');
    const after = JSON.parse((await cli(['sync', '--status', '--home', home, '--json']).done).stdout) as { last_sync_at: string | null; last_pushed: number; last_pulled: number; pending: number };
    expect(after).toMatchObject({ last_pushed: 1, pending: 0, last_sync_at: expect.any(String) });
    expect(after.last_pulled).toBeGreaterThanOrEqual(1);
    const cloudIdeas = (await cloud.app.inject({ method: 'GET', url: '/api/ideas', headers: user.headers })).json<{ items: Array<{ text: string }> }>();
    expect(cloudIdeas.items.map((i) => i.text)).toContain('桌面上记下的选题');
    const localIdeas = await cli(['ideas', 'list', '--home', home, '--json']).done;
    expect(localIdeas.stdout).toContain('手机上记下的选题');

    const logout = await cli(['cloud', 'logout', '--home', home, '--json']).done;
    expect(JSON.parse(logout.stdout)).toEqual({ revoked_on_cloud: true });
    expect(JSON.parse((await cli(['cloud', 'status', '--home', home, '--json']).done).stdout)).toEqual({ state: 'unlinked' });
  });
});
