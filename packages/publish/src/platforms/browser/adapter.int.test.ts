import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import { contentFor, cookieState, mediaFixtures, memoryContext } from '../../test-fixtures.ts';
import { descriptorFor } from '../../descriptors.ts';
import { browserAdapter } from './adapter.ts';
import { BROWSER_PLATFORMS, loadFlow } from './flow-schema.ts';
import { BrowserPool } from './pool.ts';

vi.setConfig({ testTimeout: 120_000 });
const media = mediaFixtures(2);
let pool: BrowserPool;

beforeAll(() => {
  pool = new BrowserPool({ executablePath: '/usr/bin/chromium' });
});
afterAll(() => pool.close());

// Every adapter publishes end to end; the guard behaviours come from the shared
// flow runner, so two platforms (one image, one video) cover them — the machine is small.
describe.each(BROWSER_PLATFORMS)('%s adapter in real Chromium against its replica', (platform) => {
  let site: ReplicaSite;
  const secrets = new Map<string, Record<string, unknown>>();
  const flow = loadFlow(platform);
  const adapter = () => browserAdapter(flow, pool).methods.browser!;

  beforeAll(async () => {
    site = await startReplica(platform);
    secrets.set('session', cookieState(site.issueSession()) as unknown as Record<string, unknown>);
  });
  afterAll(() => site.close());

  it('sees the logged-in account with its nickname', async () => {
    const state = await adapter().checkLogin(memoryContext(site.url, platform, secrets));
    expect(state).toMatchObject({ loggedIn: true, nickname: `${platform}测试号` });
  });

  it('publishes with uploads in order and returns the post id and URL', async () => {
    const ctx = memoryContext(site.url, platform, secrets);
    const content = contentFor(descriptorFor(platform).kinds, media);
    const result = await adapter().publish(content, ctx);
    const post = site.posts.at(-1)!;
    expect(result).toMatchObject({ postId: post.id, status: 'published' });
    expect(result.url).toContain(post.id);
    expect(ctx.submits).toBe(1);
    const expected = [...content.images.map((i) => i.name), ...(content.video ? [content.video.name] : [])];
    expect(post.uploads.filter((u) => u.kind !== 'cover').map((u) => u.name)).toEqual(expected);
    expect(await adapter().findExisting!(content, ctx, new Date(Date.now() - 1000))).toMatchObject({ postId: post.id });
  });

  if (platform !== 'xiaohongshu' && platform !== 'bilibili') return;

  it('stops at a captcha page with a screenshot instead of clicking through', async () => {
    site.setRisk('captcha');
    const ctx = memoryContext(site.url, platform, secrets);
    const before = site.posts.length;
    await expect(adapter().publish(contentFor(descriptorFor(platform).kinds, media), ctx)).rejects.toMatchObject({ code: 'PUBLISH_RISK_CONTROL' });
    expect(ctx.artifacts).toHaveLength(1);
    expect(site.posts).toHaveLength(before);
    site.setRisk('none');
  });

  it('detects a changed layout and reports it with a screenshot', async () => {
    site.setLayout(2);
    const ctx = memoryContext(site.url, platform, secrets);
    const error = await adapter().publish(contentFor(descriptorFor(platform).kinds, media), ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLISH_PAGE_MISMATCH', details: { flow_version: 1 } });
    expect(ctx.artifacts).toHaveLength(1);
    expect(ctx.submits).toBe(0);
    site.setLayout(1);
  });

  it('reports an expired session as a login to redo', async () => {
    site.expireSessions();
    const ctx = memoryContext(site.url, platform, secrets);
    expect(await adapter().checkLogin(ctx)).toMatchObject({ loggedIn: false, reason: expect.stringContaining('过期') });
    await expect(adapter().publish(contentFor(descriptorFor(platform).kinds, media), ctx)).rejects.toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED' });
  });
});
