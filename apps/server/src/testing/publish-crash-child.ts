// Child process of the kill -9 test: starts a local server on the given home,
// sets up an account on the replica and starts one publish job, then waits to be killed.
import { openPublishServer } from './publish-server.ts';

const [home, replicaUrl, cookie, imagePath] = process.argv.slice(2) as [string, string, string, string];
const server = await openPublishServer(home);
await server.api('POST', '/api/publish/vault/init', { password: 'crash-test-master-password' });
const account = await server.api<{ id: string }>('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: 'crash', credential_mode: 'sync', base_url: replicaUrl });
await server.api('POST', `/api/publish/accounts/${account.body.id}/cookies`, { cookies: cookie });
const res = await server.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', {
  content: { kind: 'image_note', title: '崩溃测试', body: '不会重复发布', images: [{ name: 'a.png', content_type: 'image/png', path: imagePath }], tags: [] },
  to: [account.body.id],
});
process.stdout.write(`${JSON.stringify({ jobId: res.body.jobs[0]!.id })}\n`);
await new Promise(() => undefined);
