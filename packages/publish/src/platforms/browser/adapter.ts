import type { ContentKind, MethodAdapter, MethodContext, PlatformAdapter, PublishContent } from '../../adapter.ts';
import { descriptorFor } from '../../descriptors.ts';
import { PublishError } from '../../errors.ts';
import { checkSample } from './check-sample.ts';
import { FlowRunner, titleOf } from './flow-runner.ts';
import type { PlatformFlow } from './flow-schema.ts';
import type { BrowserPool, SessionState } from './pool.ts';

/** A browser-automation platform built from its flow data file. */
export function browserAdapter(flow: PlatformFlow, pool: BrowserPool, options: { maxWaitMs?: number } = {}): PlatformAdapter {
  const runnerFor = (ctx: MethodContext) => new FlowRunner(flow, typeof ctx.account.settings.baseUrl === 'string' ? ctx.account.settings.baseUrl : undefined, options.maxWaitMs);

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
      if (!state) return { loggedIn: false, state: 'expired', reason: '这个账号还没有保存的登录' };
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
    ...(flow.postList
      ? {
          async findExisting(content: PublishContent, ctx: MethodContext) {
            const state = await session(ctx, 'look for an earlier post');
            const runner = runnerFor(ctx);
            const { result } = await pool.withPage(lease(ctx, state), (page) => runner.listPosts(page));
            // The site lists newest first; the job's own post, if it exists, is among the first.
            const match = result.slice(0, 20).find((p) => p.title === titleOf(content));
            return match ? { postId: match.id, url: runner.url(flow.postList!.link.replace('{id}', encodeURIComponent(match.id))), status: 'published' as const } : undefined;
          },
        }
      : {}),
    async deepCheck(ctx, kind, sample) {
      const state = await session(ctx, 'deep check of the publish page');
      const kinds = Object.keys(flow.variants) as ContentKind[];
      const chosen: ContentKind = kind ?? kinds.find((k) => k !== 'video') ?? kinds[0]!;
      if (!flow.variants[chosen]) throw new PublishError('PUBLISH_UNSUPPORTED', `${flow.name} has no browser flow for ${chosen} (has ${kinds.join(', ')}).`, { status: 400 });
      const { result } = await pool.withPage(lease(ctx, state), (page) => runnerFor(ctx).verify(page, chosen, checkSample(chosen, sample?.video), ctx));
      return result;
    },
  };

  return {
    // What the platform accepts and its limits are the catalogue's; the flow only knows how to click.
    descriptor: descriptorFor(flow.platform),
    methods: { browser },
  };
}
