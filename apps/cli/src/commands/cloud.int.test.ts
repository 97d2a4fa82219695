import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '@creatorflow/server/testing/harness';
import { registerUser } from '@creatorflow/server/testing/users';
import { hasPostgres } from '@creatorflow/testing';
import { cli, waitFor, type CliProcess } from '../cli-process.ts';

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

    const logout = await cli(['cloud', 'logout', '--home', home, '--json']).done;
    expect(JSON.parse(logout.stdout)).toEqual({ revoked_on_cloud: true });
    expect(JSON.parse((await cli(['cloud', 'status', '--home', home, '--json']).done).stdout)).toEqual({ state: 'unlinked' });
  });
});
