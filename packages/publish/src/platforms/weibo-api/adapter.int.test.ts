import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@creatorflow/core';
import { startFakeWeibo, type FakeWeibo } from '@creatorflow/testing/fake-open-apis/weibo';
import type { PublishContent } from '../../adapter.ts';
import { memoryContext } from '../../testing/oauth-context.ts';
import { toSecret } from '../../oauth/session.ts';
import { weiboApiMethod } from './adapter.ts';
import { weiboOAuth } from './api.ts';

describe('微博 official API against the fake open.weibo.com contract', () => {
  let fake: FakeWeibo;
  const dir = mkdtempSync(join(tmpdir(), 'cf-wb-'));
  const pic = join(dir, 'p.png');
  writeFileSync(pic, Buffer.alloc(1024, 2));
  const app = { clientId: '3000000001', clientSecret: 'weibo-app-secret-0001' };
  const method = () => weiboApiMethod({ clock: systemClock });
  let secrets: Record<string, Record<string, unknown>>;
  let n = 0;
  const content = (extra: Partial<PublishContent> = {}): PublishContent => ({ kind: 'short_post', title: '标题', body: `今天的第${(n += 1)}条微博`, images: [], tags: ['话题'], ...extra });

  /** Runs the authorization-code grant against the fake: consent page → code → tokens. */
  async function connect(): Promise<void> {
    const redirectUri = 'http://127.0.0.1:9/api/publish/oauth/callback';
    const consent = await fetch(weiboOAuth.authorizeUrl({ app, redirectUri, state: 's1', baseUrl: fake.url }), { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const tokens = await weiboOAuth.exchange({ app, code: back.searchParams.get('code')!, redirectUri, baseUrl: fake.url, now: Date.now() });
    secrets = { app: { ...app }, oauth: toSecret(tokens, Date.now(), false) as unknown as Record<string, unknown> };
  }
  const ctx = () => memoryContext({ platform: 'weibo', settings: { apiBaseUrl: fake.url, shareUrl: 'https://creatorflow.example/p/1' }, secrets });

  beforeAll(async () => {
    fake = await startFakeWeibo();
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    fake.oauth.offsetMs = 0;
    fake.giveRefreshTokens = false;
    await connect();
    fake.oauth.calls.splice(0);
  });

  it('exchanges the code for a token with the uid and a day of life', () => {
    expect(secrets.oauth).toMatchObject({ openId: '7300000001' });
    const life = Date.parse(String(secrets.oauth!.expiresAt)) - Date.now();
    expect(life).toBeGreaterThan(86_000_000);
    expect(secrets.oauth!.refreshToken).toBeUndefined();
  });

  it('refuses a code twice and a wrong redirect URI with the documented codes', async () => {
    const redirectUri = 'http://127.0.0.1:9/cb';
    const r = await fetch(weiboOAuth.authorizeUrl({ app, redirectUri, state: 's', baseUrl: fake.url }), { redirect: 'manual' });
    const code = new URL(r.headers.get('location')!).searchParams.get('code')!;
    await expect(weiboOAuth.exchange({ app, code, redirectUri: 'http://127.0.0.1:9/other', baseUrl: fake.url, now: Date.now() })).rejects.toMatchObject({ code: 'WEIBO_21322' });
    await expect(weiboOAuth.exchange({ app, code, redirectUri, baseUrl: fake.url, now: Date.now() })).rejects.toMatchObject({ code: 'WEIBO_21325' });
  });

  it('shares a status with its picture and the safe-domain link, audited reads, one submit', async () => {
    const c = ctx();
    const result = await method().publish(content({ images: [{ name: 'p.png', contentType: 'image/png', path: pic }] }), c.ctx);
    expect(result).toMatchObject({ status: 'published', url: expect.stringMatching(/m\.weibo\.cn\/detail\/49/) });
    expect(fake.posts.at(-1)).toMatchObject({ status: expect.stringContaining('https://creatorflow.example/p/1'), pic: { name: 'p.png', size: 1024 } });
    expect(fake.posts.at(-1)!.status).not.toContain('#话题#');
    expect(c.submits()).toBe(1);
    expect(c.reads.map((r) => r.kind)).toContain('oauth');
    expect(c.reads.every((r) => r.why.length > 0)).toBe(true);
  });

  it('says a web app must re-authorize when the token expired (no refresh token)', async () => {
    fake.oauth.advance(2 * 86_400_000);
    const error = await method().publish(content(), ctx().ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED', details: { reauthorize: true } });
    expect((error as Error).message).toContain('授权登录');
  });

  it('refreshes with rotation when the app was given a refresh token, and the old one is void', async () => {
    fake.giveRefreshTokens = true;
    await connect();
    const old = String(secrets.oauth!.refreshToken);
    fake.oauth.advance(2 * 86_400_000);
    secrets.oauth!.expiresAt = new Date(Date.now() + 3600_000).toISOString(); // we think it is valid; 微博 says 21327
    const c = ctx();
    const result = await method().publish(content(), c.ctx);
    expect(result.status).toBe('published');
    expect(fake.oauth.calls.map((x) => x.code)).toContain(21327);
    expect(c.writes.at(-1)!.secret.refreshToken).not.toBe(old);
    await expect(weiboOAuth.refresh!({ app, refreshToken: old, baseUrl: fake.url, now: Date.now() })).rejects.toMatchObject({ code: 'WEIBO_21325' });
  });

  it.each([
    [10023, true],
    [10024, true],
    [20019, false],
    [10014, false],
  ])('maps error_code %i (retryable %s)', async (code, retryable) => {
    fake.oauth.failNext('/2/statuses/share.json', code);
    await expect(method().publish(content(), ctx().ctx)).rejects.toMatchObject({ code: `WEIBO_${code}`, retryable });
  });

  it('hands texts over 140 characters and image sets to the next method before calling 微博', async () => {
    await expect(method().publish(content({ body: '长'.repeat(150) }), ctx().ctx)).rejects.toMatchObject({ code: 'WEIBO_TOO_LONG' });
    const img = { name: 'p.png', contentType: 'image/png', path: pic };
    await expect(method().publish(content({ images: [img, img] }), ctx().ctx)).rejects.toMatchObject({ code: 'WEIBO_TOO_MANY_IMAGES' });
    expect(fake.oauth.calls.filter((x) => x.path.includes('share'))).toHaveLength(0);
  });

  it('checks the login with get_token_info and revokes the grant', async () => {
    expect(await method().checkLogin(ctx().ctx)).toMatchObject({ loggedIn: true });
    await weiboOAuth.revoke!({ app, accessToken: String(secrets.oauth!.accessToken), baseUrl: fake.url, now: Date.now() });
    expect(fake.oauth.revoked).toBe(1);
    await expect(method().checkLogin(ctx().ctx)).rejects.toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED' });
  });
});
