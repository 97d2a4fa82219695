import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { mediaFixtures } from '@creatorflow/publish/testing/fixtures';
import { openPublishServer } from '../testing/publish-server.ts';

vi.setConfig({ testTimeout: 300_000 });
const media = mediaFixtures(1);
const article = { kind: 'article', title: '定时发布', body: '<p>正文</p>', images: [], cover: { name: 'cover.png', content_type: 'image/png', path: media.cover.path }, tags: [] };

describe('scheduled publishing across a restart', () => {
  let wx: FakeWechatMp;
  const home = mkdtempSync(join(tmpdir(), 'cf-pub-restart-'));
  beforeAll(async () => {
    wx = await startFakeWechatMp({ apps: { wx_app_1: 'restart-secret-123' } });
  });
  afterAll(async () => {
    await wx.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('fires within seconds of its time after the server restarted, and asks first when it woke late', async () => {
    const a = await openPublishServer(home);
    await a.api('POST', '/api/publish/vault/init', { password: 'restart-master-password' });
    // sync: a copy the restarted process can read before anyone unlocks the vault.
    const account = await a.api<{ id: string }>('POST', '/api/publish/accounts', { platform: 'wechat_mp', name: 'main', credential_mode: 'sync', app_id: 'wx_app_1', app_secret: 'restart-secret-123', api_base_url: wx.url });
    // Far enough ahead that the restart (slow on a loaded 2-core machine) finishes before it.
    const at = new Date(Date.now() + 25_000);
    const onTime = await a.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: article, to: [account.body.id], at: at.toISOString() });
    const lateAsk = await a.api<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { content: article, to: [account.body.id], at: new Date(Date.now() + 2000).toISOString(), late_policy: 'ask' });
    await a.close();
    // The "machine" sleeps past the second job's time.
    await new Promise((r) => setTimeout(r, 4000));
    const b = await openPublishServer(home, { policy: { lateGraceMs: 1000 } });
    const ready = Date.now();
    try {
      const late = await b.waitForJob(lateAsk.body.jobs[0]!.id, ['needs_action', 'published', 'failed']);
      expect(late).toMatchObject({ status: 'needs_action', action: { type: 'confirm_late' } });
      const job = await b.waitForJob(onTime.body.jobs[0]!.id, ['published', 'failed', 'needs_action']);
      expect(job.status).toBe('published');
      const started = (await b.ctx.publish.repo.events(job.id)).find((e) => e.type === 'job_started')!;
      const lateness = new Date(started.createdAt).getTime() - Math.max(at.getTime(), ready);
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(5000);
      const confirmed = await b.api<{ status: string }>('POST', `/api/publish/jobs/${late.id}/retry`);
      expect(confirmed.body.status).toBe('queued');
      expect((await b.waitForJob(late.id, ['published', 'failed'])).status).toBe('published');
    } finally {
      await b.close();
    }
  });
});

describe('kill -9 between the publish click and the confirmation', () => {
  let site: ReplicaSite;
  const home = mkdtempSync(join(tmpdir(), 'cf-pub-crash-'));
  beforeAll(async () => {
    site = await startReplica('xiaohongshu');
  });
  afterAll(async () => {
    await site.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('does not post twice: the restarted job finds the post it already made', async () => {
    site.setConfirmDelay(120_000);
    const cookie = site.issueSession();
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../testing/publish-crash-child.ts', import.meta.url)), home, site.url, `${cookie.name}=${cookie.value}`, media.images[0]!.path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 240_000;
    while (site.posts.length === 0) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the child never reached the publish click (exit ${child.exitCode}): ${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const jobId = (JSON.parse(out.trim().split('\n').at(-1)!) as { jobId: string }).jobId;
    site.setConfirmDelay(0);

    const server = await openPublishServer(home);
    try {
      const job = await server.waitForJob(jobId, ['published', 'failed', 'needs_action']);
      expect(job.status).toBe('published');
      expect(site.posts).toHaveLength(1);
      expect(job.resultPostId).toBe(site.posts[0]!.id);
      const attempts = await server.ctx.publish.repo.attempts(jobId);
      expect(attempts.map((x) => x.status)).toEqual(['reconciled']);
    } finally {
      await server.close();
    }
  });
});
