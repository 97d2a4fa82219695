import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@creatorflow/core';
import { startFakeWechatMp, type FakeWechatMp } from '@creatorflow/testing/fake-wechat-mp/server';
import type { MethodContext, PublishContent } from '../../adapter.ts';
import { wechatMpAdapter } from './adapter.ts';

describe('WeChat Official Account adapter against the fake API', () => {
  let fake: FakeWechatMp;
  const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
  const dir = mkdtempSync(join(tmpdir(), 'cf-wx-'));
  const image = join(dir, 'a.png');
  writeFileSync(image, Buffer.alloc(2048, 1));
  const content: PublishContent = {
    kind: 'article',
    title: '春天的第一篇',
    body: `<p>正文</p><img src="${image}">`,
    images: [{ name: 'a.png', contentType: 'image/png', path: image }],
    cover: { name: 'a.png', contentType: 'image/png', path: image },
    tags: [],
  };
  let submits = 0;
  const ctx = (): MethodContext => ({
    account: { id: 'acc', workspaceId: 'ws', platform: 'wechat_mp', name: 'main', settings: { apiBaseUrl: fake.url } },
    readSecret: async () => ({ appId: 'wx_test_app', appSecret: 'test-app-secret-0001' }),
    writeSecret: async () => undefined,
    signal: new AbortController().signal,
    beforeSubmit: async () => void (submits += 1),
    progress: () => undefined,
  });

  beforeAll(async () => {
    fake = await startFakeWechatMp({ publishingPolls: 2 });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.calls.splice(0));

  const adapter = () => wechatMpAdapter({ clock, pollIntervalMs: 5 }).methods.official_api!;

  it('uploads images and cover, adds a draft, submits and polls until published', async () => {
    const result = await adapter().publish(content, ctx());
    expect(result.status).toBe('published');
    expect(result.url).toMatch(/\/s\/ART_/);
    expect(fake.calls.map((c) => c.path)).toEqual([
      '/cgi-bin/stable_token',
      '/cgi-bin/media/uploadimg',
      '/cgi-bin/material/add_material',
      '/cgi-bin/draft/add',
      '/cgi-bin/freepublish/submit',
      '/cgi-bin/freepublish/get',
      '/cgi-bin/freepublish/get',
      '/cgi-bin/freepublish/get',
    ]);
    const draft = [...fake.drafts.values()].at(-1)!;
    expect(String(draft.articles[0]!.content)).toContain('mmbiz.qpic.cn');
    expect(submits).toBe(1);
  });

  it('caches the stable token and reuses it across jobs', async () => {
    const a = adapter();
    await a.checkLogin(ctx());
    await a.checkLogin(ctx());
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(1);
  });

  it('refreshes the token once when a call answers 40001 and succeeds', async () => {
    const a = adapter();
    await a.checkLogin(ctx());
    fake.revokeTokens();
    const result = await a.publish(content, ctx());
    expect(result.status).toBe('published');
    expect(fake.calls.filter((c) => c.errcode === 40001)).toHaveLength(1);
  });

  it('refreshes before expiry instead of waiting for 42001', async () => {
    const a = adapter();
    await a.checkLogin(ctx());
    clock.advance(7200_000 - 60_000);
    await a.checkLogin(ctx());
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(2);
  });

  it.each([
    [40164, 'IP白名单', false],
    [45009, 'quota', false],
    [48001, 'not authorised', false],
    [-1, 'temporary', true],
  ])('turns errcode %i into a clear message (%s)', async (errcode, words, retryable) => {
    fake.failNext('/cgi-bin/draft/add', errcode);
    const error = await adapter().publish(content, ctx()).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable });
    expect((error as Error).message).toContain(words);
    expect((error as Error).message).not.toContain('AT_');
  });

  it('reports a cover rejected with 40007 as retryable', async () => {
    fake.failNext('/cgi-bin/draft/add', 40007);
    await expect(adapter().publish(content, ctx())).rejects.toMatchObject({ code: 'WECHAT_40007', retryable: true });
  });

  it('fails with the reason when WeChat rejects the article in review', async () => {
    fake.setNextPublishStatus(4);
    await expect(adapter().publish(content, ctx())).rejects.toThrow(/review rejected/);
  });

  it('reads the status of a published article', async () => {
    const a = adapter();
    const result = await a.publish(content, ctx());
    expect(await a.fetchPostStatus!(result.postId, ctx())).toMatchObject({ status: 'published', url: result.url });
  });
});
