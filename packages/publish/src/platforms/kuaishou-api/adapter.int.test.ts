import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@creatorflow/core';
import { startFakeKuaishouOpen, type FakeKuaishouOpen } from '@creatorflow/testing/fake-open-apis/kuaishou';
import type { PublishContent } from '../../adapter.ts';
import { memoryContext } from '../../testing/oauth-context.ts';
import { toSecret } from '../../oauth/session.ts';
import { kuaishouApiMethod, kuaishouCaption } from './adapter.ts';
import { kuaishouOAuth } from './api.ts';

describe('快手 open platform against the fake contract', () => {
  let fake: FakeKuaishouOpen;
  const dir = mkdtempSync(join(tmpdir(), 'cf-ks-'));
  const video = join(dir, 'v.mp4');
  const cover = join(dir, 'c.png');
  writeFileSync(video, Buffer.alloc(2500, 7));
  writeFileSync(cover, Buffer.alloc(300, 1));
  const app = { clientId: 'ks669628970400001', clientSecret: 'kuaishou-app-secret-0001' };
  let secrets: Record<string, Record<string, unknown>>;
  const method = () => kuaishouApiMethod({ clock: systemClock, fragmentBytes: 1000 });
  const content: PublishContent = {
    kind: 'video',
    title: '',
    body: '周末骑行去湖边 #骑行',
    images: [],
    cover: { name: 'c.png', contentType: 'image/png', path: cover },
    video: { name: 'v.mp4', contentType: 'video/mp4', path: video },
    tags: ['骑行', '周末'],
  };
  const ctx = () => memoryContext({ platform: 'kuaishou', settings: { apiBaseUrl: fake.url }, secrets });

  async function connect(): Promise<void> {
    const redirectUri = 'http://127.0.0.1:9/api/publish/oauth/callback';
    const page = await fetch(kuaishouOAuth.authorizeUrl({ app, redirectUri, state: 'st', baseUrl: fake.url }), { redirect: 'manual' });
    const back = new URL(page.headers.get('location')!);
    const tokens = await kuaishouOAuth.exchange({ app, code: back.searchParams.get('code')!, redirectUri, baseUrl: fake.url, now: Date.now() });
    secrets = { app: { ...app }, oauth: toSecret(tokens, Date.now(), false) as unknown as Record<string, unknown> };
  }

  beforeAll(async () => {
    fake = await startFakeKuaishouOpen();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.oauth.offsetMs = 0;
    await connect();
    fake.oauth.calls.splice(0);
  });

  it('reads a 48-hour access token and a 180-day refresh token', () => {
    const life = Date.parse(String(secrets.oauth!.expiresAt)) - Date.now();
    expect(life).toBeGreaterThan(47.9 * 3_600_000);
    expect(life).toBeLessThan(48.1 * 3_600_000);
    expect(Date.parse(String(secrets.oauth!.refreshExpiresAt)) - Date.now()).toBeGreaterThan(179 * 86_400_000);
    expect(secrets.oauth).toMatchObject({ openId: 'KS_user_1', refreshToken: expect.stringMatching(/^KSRT_/) });
  });

  it('checks the login with the user info', async () => {
    expect(await method().checkLogin(ctx().ctx)).toMatchObject({ loggedIn: true, nickname: '创流快手号' });
  });

  it('starts the upload, sends fragments from 0 to the named endpoint, completes and publishes with caption and cover', async () => {
    const c = ctx();
    const result = await method().publish(content, c.ctx);
    expect(result).toMatchObject({ status: 'processing', postId: '5000000000000001' });
    expect(fake.oauth.calls.map((x) => x.path)).toEqual(['/openapi/photo/start_upload', '/api/upload/fragment', '/api/upload/fragment', '/api/upload/fragment', '/api/upload/complete', '/openapi/photo/publish']);
    expect(fake.photos.at(-1)).toMatchObject({ caption: '周末骑行去湖边 #骑行 #周末', coverBytes: 300, bytes: 2500, openId: 'KS_user_1' });
    expect(c.submits()).toBe(1);
  });

  it('refreshes an expired token once (100200108) with a single-use refresh token', async () => {
    const old = String(secrets.oauth!.refreshToken);
    fake.oauth.advance(49 * 3_600_000);
    const c = ctx();
    expect(await method().checkLogin(c.ctx)).toMatchObject({ loggedIn: true });
    expect(fake.oauth.calls.map((x) => [x.path, x.code])).toEqual([
      ['/openapi/user_info', 100200108],
      ['/oauth2/refresh_token', 0],
      ['/openapi/user_info', 0],
    ]);
    expect(c.writes[0]!.secret.refreshToken).not.toBe(old);
    await expect(kuaishouOAuth.refresh!({ app, refreshToken: old, baseUrl: fake.url, now: Date.now() })).rejects.toMatchObject({ code: 'KUAISHOU_100200102' });
  });

  it('asks for a new authorization when the refresh token expired (100200113)', async () => {
    fake.oauth.advance(181 * 86_400_000);
    const error = await method().checkLogin(ctx().ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED', details: { reauthorize: true } });
  });

  it.each([
    ['/openapi/photo/start_upload', 400002, true],
    ['/api/upload/fragment', 100200500, true],
    ['/openapi/photo/publish', 120003, false],
    ['/openapi/photo/publish', 100400, false],
  ])('%s answering %i is retryable=%s', async (path, code, retryable) => {
    fake.oauth.failNext(path, code);
    await expect(method().publish(content, ctx().ctx)).rejects.toMatchObject({ code: `KUAISHOU_${code}`, retryable });
  });

  it('a user who cancelled the authorization (100200109) is asked to authorize again', async () => {
    fake.oauth.failNext('/openapi/photo/publish', 100200109);
    await expect(method().publish(content, ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED' });
  });

  it('writes each topic once into the caption and asks for the video file when there is none', async () => {
    expect(kuaishouCaption({ ...content, body: '', title: '周末骑行' })).toBe('周末骑行 #骑行 #周末');
    await expect(method().publish({ ...content, video: undefined }, ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_VIDEO_REQUIRED' });
  });
});
