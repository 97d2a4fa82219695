import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@creatorflow/core';
import { startFakeBilibiliOpen, type FakeBilibiliOpen } from '@creatorflow/testing/fake-open-apis/bilibili';
import type { PublishContent } from '../../adapter.ts';
import { memoryContext } from '../../testing/oauth-context.ts';
import { toSecret } from '../../oauth/session.ts';
import { bilibiliApiMethod } from './adapter.ts';
import { bilibiliOAuth } from './api.ts';

describe('B站 open platform against the fake contract', () => {
  let fake: FakeBilibiliOpen;
  const dir = mkdtempSync(join(tmpdir(), 'cf-bl-'));
  const video = join(dir, 'v.mp4');
  const cover = join(dir, 'c.png');
  writeFileSync(video, Buffer.alloc(2500, 7));
  writeFileSync(cover, Buffer.alloc(300, 1));
  const app = { clientId: 'bili_client_1', clientSecret: 'bili-app-secret-0001' };
  let secrets: Record<string, Record<string, unknown>>;
  const method = () => bilibiliApiMethod({ clock: systemClock, partBytes: 1000 });
  const content: PublishContent = {
    kind: 'video',
    title: '三分钟看懂创流',
    body: '<p>视频简介</p>',
    images: [],
    cover: { name: 'c.png', contentType: 'image/png', path: cover },
    video: { name: 'v.mp4', contentType: 'video/mp4', path: video },
    tags: ['效率', '工具'],
  };
  const ctx = () => memoryContext({ platform: 'bilibili', settings: { apiBaseUrl: fake.url, tid: 122 }, secrets });

  async function connect(): Promise<void> {
    const redirectUri = 'http://127.0.0.1:9/api/publish/oauth/callback';
    const page = await fetch(bilibiliOAuth.authorizeUrl({ app, redirectUri, state: 'st', baseUrl: fake.url }), { redirect: 'manual' });
    const back = new URL(page.headers.get('location')!);
    const tokens = await bilibiliOAuth.exchange({ app, code: back.searchParams.get('code')!, redirectUri, baseUrl: fake.url, now: Date.now() });
    secrets = { app: { ...app }, oauth: toSecret(tokens, Date.now(), false) as unknown as Record<string, unknown> };
  }

  beforeAll(async () => {
    fake = await startFakeBilibiliOpen();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.oauth.offsetMs = 0;
    await connect();
    fake.oauth.calls.splice(0);
  });

  it('reads expires_in as a Unix time and keeps the refresh token', () => {
    const life = Date.parse(String(secrets.oauth!.expiresAt)) - Date.now();
    expect(life).toBeGreaterThan(29 * 86_400_000);
    expect(life).toBeLessThan(31 * 86_400_000);
    expect(secrets.oauth!.refreshToken).toMatch(/^BLRT_/);
  });

  it('uploads in parts, completes, uploads the cover and submits the archive, all signed', async () => {
    const c = ctx();
    const result = await method().publish(content, c.ctx);
    expect(result).toMatchObject({ status: 'processing', postId: 'BV1fake00001', url: 'https://www.bilibili.com/video/BV1fake00001' });
    expect(fake.oauth.calls.map((x) => x.path)).toEqual([
      '/arcopen/fn/archive/video/init',
      '/video/v2/part/upload',
      '/video/v2/part/upload',
      '/video/v2/part/upload',
      '/arcopen/fn/archive/video/complete',
      '/arcopen/fn/archive/cover/upload',
      '/arcopen/fn/archive/add-by-utoken',
    ]);
    expect(fake.oauth.calls.every((x) => x.code === 0)).toBe(true);
    expect(fake.archives.at(-1)).toMatchObject({ title: '三分钟看懂创流', tid: 122, tag: '效率,工具', desc: '视频简介', bytes: 2500 });
    expect(c.submits()).toBe(1);
  });

  it('a wrong app secret fails the signature check instead of publishing', async () => {
    secrets.app = { clientId: app.clientId, clientSecret: 'not-the-secret' };
    await expect(method().checkLogin(ctx().ctx)).rejects.toMatchObject({ code: 'BILIBILI_-3' });
  });

  it('refreshes an expired token once (127001) with a single-use refresh token', async () => {
    const old = String(secrets.oauth!.refreshToken);
    fake.oauth.advance(31 * 86_400_000);
    const c = ctx();
    // Our copy still thinks the token is fresh: B站 says 127001 and the session refreshes.
    expect(await method().checkLogin(c.ctx)).toMatchObject({ loggedIn: true, nickname: '创流B站号' });
    expect(fake.oauth.calls.map((x) => x.code)).toEqual([127001, 0, 0]);
    expect(c.writes).toHaveLength(1);
    expect(c.writes[0]!.secret.refreshToken).not.toBe(old);
    await expect(bilibiliOAuth.refresh!({ app, refreshToken: old, baseUrl: fake.url, now: Date.now() })).rejects.toMatchObject({ code: 'BILIBILI_122007' });
  });

  it('refreshes before expiry without waiting for an error', async () => {
    secrets.oauth!.expiresAt = new Date(Date.now() + 60_000).toISOString();
    const c = ctx();
    await method().checkLogin(c.ctx);
    expect(fake.oauth.calls.map((x) => x.path)).toEqual(['/x/account-oauth2/v1/refresh_token', '/arcopen/fn/user/account/info']);
  });

  it('asks for a new authorization when the refresh token is gone', async () => {
    fake.oauth.revokeAll();
    const error = await method().checkLogin(ctx().ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED', details: { reauthorize: true } });
  });

  it.each([
    ['/video/v2/part/upload', 127009, true],
    ['/arcopen/fn/archive/add-by-utoken', 127201, true],
    ['/arcopen/fn/archive/add-by-utoken', 127007, false],
    ['/arcopen/fn/archive/video/init', 127102, false],
  ])('%s answering %i is retryable=%s', async (path, code, retryable) => {
    fake.oauth.failNext(path, code);
    await expect(method().publish(content, ctx().ctx)).rejects.toMatchObject({ code: `BILIBILI_${code}`, retryable });
  });

  it('asks for the video file when the work has none', async () => {
    await expect(method().publish({ ...content, video: undefined }, ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_VIDEO_REQUIRED' });
  });
});
