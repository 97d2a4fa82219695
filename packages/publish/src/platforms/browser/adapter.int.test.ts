import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startReplica, type ReplicaSite } from '@creatorflow/testing/replicas/engine';
import type { ContentKind, PublishContent } from '../../adapter.ts';
import { cookieState, mediaFixtures, memoryContext } from '../../testing/fixtures.ts';
import { browserAdapter } from './adapter.ts';
import { BROWSER_PLATFORMS, loadFlow } from './flow-schema.ts';
import { formatSiteTime } from './flow-steps.ts';
import { BrowserPool } from './pool.ts';

vi.setConfig({ testTimeout: 120_000 });
const media = mediaFixtures(2);
let pool: BrowserPool;

beforeAll(() => {
  pool = new BrowserPool({ executablePath: '/usr/bin/chromium' });
});
afterAll(() => pool.close());

/** The step each replica's redesign (layout 2) breaks: the deep check must name exactly it. */
const REDESIGN_BREAKS: Record<(typeof BROWSER_PLATFORMS)[number], string> = {
  xiaohongshu: '等待图片上传完成（出现标题框）',
  douyin: '填写作品标题',
  bilibili: '点击立即投稿',
  zhihu: 'open editor /write: missing .public-DraftEditor-content',
  weibo: 'open editor /: missing textarea',
  toutiao: '添加封面',
  kuaishou: '输入描述',
  wechat_channels: '输入描述（标题与正文）',
};

function work(kind: ContentKind, title = '春日出游记'): PublishContent {
  return {
    kind,
    title,
    body: kind === 'article' ? '<p>今天天气很好，我们去了公园。</p>' : '今天天气很好，我们去了公园。',
    images: kind === 'image_note' ? media.images : [],
    cover: media.cover,
    video: kind === 'video' ? media.video : undefined,
    tags: ['出游'],
  };
}

describe.each(BROWSER_PLATFORMS)('%s flow in real Chromium against its replica', (platform) => {
  let site: ReplicaSite;
  const secrets = new Map<string, Record<string, unknown>>();
  const flow = loadFlow(platform);
  const kinds = Object.keys(flow.variants) as ContentKind[];
  // Replicas answer at once: a missing element is known after seconds, not the minutes a real upload may take.
  const adapter = () => browserAdapter(flow, pool, { maxWaitMs: 8000 }).methods.browser!;
  const ctx = () => memoryContext(site.url, platform, secrets);

  beforeAll(async () => {
    site = await startReplica(platform);
    secrets.set('session', cookieState(site.issueSession()) as unknown as Record<string, unknown>);
  });
  afterAll(() => site.close());

  it('sees a live session on the real check page', async () => {
    expect(await adapter().checkLogin(ctx())).toMatchObject({ loggedIn: true, state: 'logged_in' });
  });

  it.each(kinds)('publishes a %s with its topics and cover, and learns the post', async (kind) => {
    const c = ctx();
    const content = work(kind);
    const result = await adapter().publish(content, c);
    const post = site.posts.at(-1)!;
    expect(c.submits).toBe(1);
    expect(post.kind).toBe(kind);
    if (flow.variants[kind]!.steps.some((s) => s.do === 'topics')) expect(post.tags).toEqual(['出游']);
    expect(post.body).toContain('今天天气很好');
    expect(post.uploads.map((u) => u.name)).toEqual(kind === 'video' ? ['clip.mp4'] : kind === 'image_note' ? ['image-1.png', 'image-2.png'] : []);
    const coverStep = flow.variants[kind]!.steps.some((s) => s.do === 'upload' && s.from === 'cover');
    if (coverStep) expect(post.cover?.name).toBe('cover.png');
    if (flow.success.postId.from === 'none') {
      expect(result).toMatchObject({ postId: '', status: 'published' });
      expect(result.url).toContain(new URL(`http://x${flow.managePageUrl.replace(/^https?:\/\/[^/]+/, '')}`).pathname);
    } else {
      expect(result).toMatchObject({ postId: post.id, status: 'published' });
      expect(result.url).toContain(post.id);
    }
    if (flow.postList) expect(await adapter().findExisting!(content, c, new Date(Date.now() - 60_000))).toMatchObject({ postId: post.id });
  });

  if (flow.variants[kinds[0]!]!.steps.some((s) => s.when === 'scheduled')) {
    it('sets the platform’s own 定时发布 with the switch and the date picker', async () => {
      const kind = kinds[0]!;
      const at = new Date(Date.now() + 3 * 24 * 3600_000);
      at.setUTCMinutes(30, 0, 0);
      const result = await adapter().publish({ ...work(kind, '定时的笔记'), scheduleAt: at.toISOString() }, ctx());
      expect(result.status).toBe('processing');
      const post = site.posts.at(-1)!;
      const expected = formatSiteTime(at.toISOString(), platform === 'kuaishou' ? 'YYYY-MM-DD HH:mm:ss' : platform === 'wechat_channels' ? 'YYYY-MM-DD HH:00' : 'YYYY-MM-DD HH:mm');
      expect(post.scheduleAt).toBe(expected);
    });
  }

  it('deep check: every step of the live editor matches, nothing is published', async () => {
    const before = site.posts.length;
    const c = ctx();
    const report = await adapter().deepCheck!(c, undefined, { video: media.video });
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ ok: true, platform, flowVersion: 2 });
    expect(report.steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(report.steps.at(-1)).toMatchObject({ do: 'submit', status: 'ok' });
    expect(c.submits).toBe(0);
    expect(site.posts).toHaveLength(before);
  });

  it('deep check on the redesigned site names the step that no longer matches, with a screenshot', async () => {
    site.setLayout(2);
    try {
      const before = site.posts.length;
      const c = ctx();
      const report = await adapter().deepCheck!(c, undefined, { video: media.video });
      expect(report.ok).toBe(false);
      expect(report.error?.code).toBe('PUBLISH_PAGE_MISMATCH');
      expect(report.failedStep).toContain(REDESIGN_BREAKS[platform]);
      expect(report.screenshot).toBeTruthy();
      expect(c.artifacts.length).toBeGreaterThan(0);
      expect(site.posts).toHaveLength(before);
      // A job on the redesigned site stops at the same step instead of clicking on.
      const error = await adapter().publish(work(kinds[0]!), c).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PUBLISH_PAGE_MISMATCH', details: { flow_version: 2 } });
      expect(c.submits).toBe(0);
    } finally {
      site.setLayout(1);
    }
  });

  if (platform === 'xiaohongshu' || platform === 'douyin') {
    it('stops at the risk-control page with a screenshot instead of clicking through', async () => {
      site.setRisk('captcha');
      try {
        const c = ctx();
        const before = site.posts.length;
        await expect(adapter().publish(work(kinds[0]!), c)).rejects.toMatchObject({ code: 'PUBLISH_RISK_CONTROL' });
        expect(c.artifacts).toHaveLength(1);
        expect(site.posts).toHaveLength(before);
      } finally {
        site.setRisk('none');
      }
    });
  }

  it('an expired session is a login to redo (and only that)', async () => {
    site.expireSessions();
    const c = ctx();
    expect(await adapter().checkLogin(c)).toMatchObject({ loggedIn: false, state: 'expired' });
    await expect(adapter().publish(work(kinds[0]!), c)).rejects.toMatchObject({ code: 'PUBLISH_LOGIN_EXPIRED' });
  });
});
