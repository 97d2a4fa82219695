import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@creatorflow/core';
import { startFakeDouyinOpen, type FakeDouyinOpen } from '@creatorflow/testing/fake-open-apis/douyin';
import type { PublishContent } from '../../adapter.ts';
import { memoryContext } from '../../testing/oauth-context.ts';
import { toSecret } from '../../oauth/session.ts';
import { douyinApiMethod, douyinText } from './adapter.ts';
import { douyinOAuth } from './api.ts';

describe('抖音 open platform against the fake contract', () => {
  let fake: FakeDouyinOpen;
  const dir = mkdtempSync(join(tmpdir(), 'cf-dy-'));
  const small = join(dir, 'small.mp4');
  const large = join(dir, 'large.mp4');
  writeFileSync(small, Buffer.alloc(1500, 7));
  writeFileSync(large, Buffer.alloc(2500, 9));
  const app = { clientId: 'awdouyin0001', clientSecret: 'douyin-client-secret-0001' };
  let secrets: Record<string, Record<string, unknown>>;
  // Parts of 1000 bytes above 2000 bytes: the 2500-byte file goes in three parts, the other in one call.
  const method = () => douyinApiMethod({ clock: systemClock, singleMaxBytes: 2000, partBytes: 1000 });
  const content = (path = small): PublishContent => ({
    kind: 'video',
    title: '三分钟看懂创流',
    body: '一键发布到多个平台 #效率',
    images: [],
    video: { name: 'v.mp4', contentType: 'video/mp4', path },
    tags: ['效率', '工具'],
  });
  const ctx = (settings: Record<string, unknown> = {}) => memoryContext({ platform: 'douyin', settings: { apiBaseUrl: fake.url, ...settings }, secrets });

  async function connect(): Promise<void> {
    const redirectUri = 'http://127.0.0.1:9/api/publish/oauth/callback';
    const page = await fetch(douyinOAuth.authorizeUrl({ app, redirectUri, state: 'st', baseUrl: fake.url }), { redirect: 'manual' });
    const back = new URL(page.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st');
    const tokens = await douyinOAuth.exchange({ app, code: back.searchParams.get('code')!, redirectUri, baseUrl: fake.url, now: Date.now() });
    secrets = { app: { ...app }, oauth: toSecret(tokens, Date.now(), false) as unknown as Record<string, unknown> };
  }

  beforeAll(async () => {
    fake = await startFakeDouyinOpen({ minPartBytes: 1000 });
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.oauth.offsetMs = 0;
    await connect();
    fake.oauth.calls.splice(0);
  });

  it('reads a 15-day access token, the 30-day refresh token and the open_id', () => {
    const life = Date.parse(String(secrets.oauth!.expiresAt)) - Date.now();
    expect(life).toBeGreaterThan(14.9 * 86_400_000);
    expect(life).toBeLessThan(15.1 * 86_400_000);
    expect(Date.parse(String(secrets.oauth!.refreshExpiresAt)) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(secrets.oauth).toMatchObject({ openId: 'DY_user_1', refreshToken: expect.stringMatching(/^DYRT_/) });
  });

  it('checks the login with the user info of the open_id', async () => {
    expect(await method().checkLogin(ctx().ctx)).toMatchObject({ loggedIn: true, nickname: '创流抖音号' });
  });

  it('uploads a small video in one call and creates it with the title, description and topics', async () => {
    const c = ctx({ coverSeconds: 2 });
    const result = await method().publish(content(), c.ctx);
    expect(result).toMatchObject({ status: 'processing', postId: expect.stringMatching(/^@9VwL/) });
    expect(fake.oauth.calls.map((x) => x.path)).toEqual(['/video/upload/', '/video/create/']);
    expect(fake.items.at(-1)).toMatchObject({ text: '三分钟看懂创流\n一键发布到多个平台 #效率 #工具', coverTsp: 2, openId: 'DY_user_1' });
    expect(c.submits()).toBe(1);
  });

  it('uploads a large video in parts (init → parts from 1 → complete), then creates it', async () => {
    await method().publish(content(large), ctx().ctx);
    expect(fake.oauth.calls.map((x) => x.path)).toEqual(['/video/part/init/', '/video/part/upload/', '/video/part/upload/', '/video/part/upload/', '/video/part/complete/', '/video/create/']);
    expect(fake.oauth.calls.every((x) => x.code === 0)).toBe(true);
    expect(fake.items.at(-1)?.text).toContain('#工具');
  });

  it('refreshes an expired token once (2190008) and keeps the refresh token’s own expiry', async () => {
    const before = String(secrets.oauth!.refreshExpiresAt);
    fake.oauth.advance(16 * 86_400_000);
    const c = ctx();
    // Our copy still thinks the token is fresh: 抖音 says 2190008 and the session refreshes.
    expect(await method().checkLogin(c.ctx)).toMatchObject({ loggedIn: true });
    expect(fake.oauth.calls.map((x) => [x.path, x.code])).toEqual([
      ['/oauth/userinfo/', 2190008],
      ['/oauth/refresh_token/', 0],
      ['/oauth/userinfo/', 0],
    ]);
    expect(c.writes).toHaveLength(1);
    // The refresh token keeps its 30 days from the authorization, not 30 more: 14 days are left on the fake's clock,
    // which runs 16 days ahead of ours (within a second of rounding).
    const left = Date.parse(String(c.writes[0]!.secret.refreshExpiresAt)) - Date.now();
    expect(Math.abs(left + 16 * 86_400_000 - (Date.parse(before) - Date.now()))).toBeLessThan(2000);
  });

  it('asks for a new authorization when the refresh token expired (10010)', async () => {
    fake.oauth.advance(31 * 86_400_000);
    const error = await method().checkLogin(ctx().ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED', details: { reauthorize: true } });
  });

  it.each([
    ['/video/upload/', 28003018, true],
    ['/video/create/', 2100004, true],
    ['/video/create/', 2190004, false],
    ['/video/upload/', 2100005, false],
  ])('%s answering %i is retryable=%s', async (path, code, retryable) => {
    fake.oauth.failNext(path, code);
    await expect(method().publish(content(), ctx().ctx)).rejects.toMatchObject({ code: `DOUYIN_${code}`, retryable });
  });

  it('a scope the user did not grant (28001012) asks for a new authorization', async () => {
    fake.oauth.failNext('/video/create/', 28001012);
    await expect(method().publish(content(), ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED' });
  });

  it('asks for the video file when the work has none', async () => {
    await expect(method().publish({ ...content(), video: undefined }, ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_VIDEO_REQUIRED' });
  });

  it('writes each topic once into the text', () => {
    expect(douyinText({ ...content(), body: '正文 #效率', tags: ['效率', '骑行'] })).toBe('三分钟看懂创流\n正文 #效率 #骑行');
  });
});
