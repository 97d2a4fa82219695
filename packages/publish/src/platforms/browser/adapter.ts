import type { MethodAdapter, MethodContext, PlatformAdapter, PublishContent } from '../../adapter.ts';
import { descriptorFor } from '../../descriptors.ts';
import { PublishError } from '../../errors.ts';
import { FlowRunner } from './flow-runner.ts';
import type { PlatformFlow } from './flow-schema.ts';
import type { BrowserPool, SessionState } from './pool.ts';

/** Finds posts made up to this long before the attempt started (clock skew between us and the site). */
const FIND_SLACK_MS = 2 * 60_000;

/** A browser-automation platform built from its flow data file. */
export function browserAdapter(flow: PlatformFlow, pool: BrowserPool): PlatformAdapter {
  const runnerFor = (ctx: MethodContext) => new FlowRunner(flow, typeof ctx.account.settings.baseUrl === 'string' ? ctx.account.settings.baseUrl : flow.baseUrl);

  async function session(ctx: MethodContext, why: string): Promise<SessionState> {
    const state = (await ctx.readSecret('session', why)) as SessionState | undefined;
    if (!state?.cookies?.length) throw new PublishError('PUBLISH_LOGIN_EXPIRED', `${flow.name} 账号尚未登录：请先登录 (the account has no saved login; log in first).`);
    return state;
  }

  const lease = (ctx: MethodContext, storageState: SessionState) => ({
    userKey: ctx.account.workspaceId,
    platform: flow.platform,
    accountId: ctx.account.id,
    storageState,
    signal: ctx.signal,
  });

  const browser: MethodAdapter = {
    method: 'browser',
    async checkLogin(ctx) {
      const state = await session(ctx, 'login check').catch(() => undefined);
      if (!state) return { loggedIn: false, reason: '未登录 (no saved login)' };
      const { result, state: after } = await pool.withPage(lease(ctx, state), (page) => runnerFor(ctx).checkLogin(page));
      if (result.loggedIn) await ctx.writeSecret('session', after as unknown as Record<string, unknown>);
      return result;
    },
    async publish(content, ctx) {
      const state = await session(ctx, 'publish');
      const { result, state: after } = await pool.withPage(lease(ctx, state), (page) => runnerFor(ctx).publish(page, content, ctx));
      // Sites rotate cookies as they are used: keep the fresh ones.
      await ctx.writeSecret('session', after as unknown as Record<string, unknown>);
      return result;
    },
    async findExisting(content: PublishContent, ctx, since) {
      const state = await session(ctx, 'look for an earlier post');
      const runner = runnerFor(ctx);
      const { result } = await pool.withPage(lease(ctx, state), async (page) => {
        const response = await page.request.get(runner.url(flow.urls.postList));
        if (!response.ok()) throw new PublishError('PUBLISH_PLATFORM_ERROR', `Could not read the post list of ${flow.name} (HTTP ${response.status()}).`, { retryable: true });
        return ((await response.json()) as { posts: Array<{ id: string; title: string; createdAt: string; url: string }> }).posts;
      });
      const hasTitle = flow.publish.steps.some((st) => st.from === 'title');
      const title = hasTitle && content.title ? content.title : plainText(content.body).slice(0, 20);
      const match = result.find((p) => p.title === title && Date.parse(p.createdAt) >= since.getTime() - FIND_SLACK_MS);
      return match ? { postId: match.id, url: runner.url(match.url), status: 'published' } : undefined;
    },
    async fetchPostStatus(postId, ctx) {
      const runner = runnerFor(ctx);
      const response = await fetch(runner.url(flow.urls.postStatus.replace('{id}', encodeURIComponent(postId))), { signal: AbortSignal.timeout(30_000) });
      if (response.status === 404) return { status: 'deleted' };
      const json = (await response.json()) as { status: 'published'; url: string };
      return { status: json.status, url: runner.url(json.url) };
    },
    async fetchMetrics(postId, ctx) {
      const runner = runnerFor(ctx);
      const response = await fetch(runner.url(flow.urls.postStatus.replace('{id}', encodeURIComponent(postId))), { signal: AbortSignal.timeout(30_000) });
      const json = (await response.json()) as { views?: number };
      return { views: json.views };
    },
  };

  return {
    // What the platform accepts and its limits are the catalogue's; the flow only knows how to click.
    descriptor: descriptorFor(flow.platform),
    methods: { browser },
  };
}

function plainText(body: string): string {
  return body.replace(/<[^>]+>/g, '').trim();
}
