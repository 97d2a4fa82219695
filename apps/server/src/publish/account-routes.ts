import { z } from 'zod';
import { ValidationError } from '@creatorflow/core';
import { PublishError, canShowBrowserWindow, methodOrder, sessionFromCookies, type OAuthSecret, type PublishRuntime } from '@creatorflow/publish';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { accountDto, accountSchema, loginSessionDto, loginSessionSchema, platformDto, platformSchema } from './dto.ts';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });

const createBody = z.object({
  platform: z.string().min(1),
  name: z.string().min(1).max(100),
  credential_mode: z.enum(['local', 'sync', 'oauth']).default('local'),
  /** Official-API accounts (wechat_mp). */
  app_id: z.string().min(1).optional(),
  app_secret: z.string().min(1).optional(),
  api_base_url: z.string().url().optional(),
  /** Browser accounts: a different site address (replicas, proxies). */
  base_url: z.string().url().optional(),
  /** 微博 official API: a link on the app's 安全域名, added to each post (statuses/share requires one). */
  share_url: z.string().url().optional(),
});

/** An account after a login check: whether it is logged in and why not. */
const checkedSchema = accountSchema.extend({ logged_in: z.boolean(), reason: z.string().nullable() });

/** The account matrix (账号矩阵) and logins. */
export const accountRoutes: RoutePlugin = async (app, ctx) => {
  const scopeOf = async (request: Parameters<typeof resolveScope>[1], role: 'viewer' | 'editor' = 'editor') => {
    const s = await resolveScope(ctx.database, request, role);
    return { workspaceId: s.workspaceId, userId: s.userId, traceId: request.traceId };
  };
  const withCreds = async (rt: PublishRuntime, workspaceId: string, a: Awaited<ReturnType<PublishRuntime['accounts']['get']>>) => {
    const oauth = rt.oauth.supports(a.platform);
    const kind = a.platform === 'wechat_mp' ? 'app' : oauth && a.credentialMode === 'oauth' ? 'oauth' : 'session';
    return accountDto(a, { has_credentials: await rt.vault.has(workspaceId, a.id, kind), methods: methodOrder(a, rt.registry.get(a.platform).descriptor), oauth });
  };

  app.get('/api/publish/platforms', { schema: { tags, summary: 'Platforms, their content kinds, limits and methods', response: { 200: z.object({ platforms: z.array(platformSchema) }) } } }, async (request) => {
    await scopeOf(request, 'viewer');
    return { platforms: ctx.publish.registry.descriptors().map(platformDto) };
  });

  app.get('/api/publish/accounts', { schema: { tags, summary: 'Accounts of the workspace', response: { 200: z.object({ accounts: z.array(accountSchema) }) } } }, async (request) => {
    const actor = await scopeOf(request, 'viewer');
    const rt = ctx.publish;
    const rows = await rt.accounts.list(actor.workspaceId);
    return { accounts: await Promise.all(rows.map((a) => withCreds(rt, actor.workspaceId, a))) };
  });

  app.post('/api/publish/accounts', { schema: { tags, summary: 'Add a platform account', body: createBody, response: { 201: accountSchema } } }, async (request, reply) => {
    const actor = await scopeOf(request);
    const rt = ctx.publish;
    const b = request.body;
    // Any catalogue name is accepted (`shipinhao`), the canonical id is stored; unknown or format-only platforms are refused.
    const platform = rt.registry.get(b.platform).descriptor.id;
    if (platform === 'wechat_mp' && (!b.app_id || !b.app_secret)) {
      throw new ValidationError('A 公众号 account needs app_id and app_secret (公众号后台 → 设置与开发 → 基本配置).', [{ path: 'app_secret', message: 'required for wechat_mp' }]);
    }
    // The AppSecret is sent to the API base and the browser opens the base URL: neither may point inside in cloud mode.
    if (b.api_base_url) await ctx.egress.validate(b.api_base_url);
    if (b.base_url) await ctx.egress.validate(b.base_url);
    const settings: Record<string, unknown> = {};
    if (b.app_id) settings.appId = b.app_id;
    if (b.api_base_url) settings.apiBaseUrl = b.api_base_url;
    if (b.base_url) settings.baseUrl = b.base_url;
    if (b.share_url) settings.shareUrl = b.share_url;
    const account = await rt.accounts.create({ workspaceId: actor.workspaceId, createdBy: actor.userId, platform, name: b.name, credentialMode: b.credential_mode, settings });
    if (b.app_secret) {
      try {
        await rt.vault.put(actor, account.id, 'app', { appId: b.app_id, appSecret: b.app_secret }, b.credential_mode);
      } catch (error) {
        await rt.accounts.remove(actor.workspaceId, account.id);
        throw error;
      }
    }
    return reply.code(201).send(await withCreds(rt, actor.workspaceId, account));
  });

  app.get('/api/publish/accounts/:id', { schema: { tags, summary: 'One account', params: id, response: { 200: accountSchema } } }, async (request) => {
    const actor = await scopeOf(request, 'viewer');
    const rt = ctx.publish;
    return withCreds(rt, actor.workspaceId, await rt.accounts.get(actor.workspaceId, request.params.id));
  });

  app.delete('/api/publish/accounts/:id', { schema: { tags, summary: 'Remove an account and its credentials', params: id, response: noContent } }, async (request, reply) => {
    const actor = await scopeOf(request);
    const rt = ctx.publish;
    await rt.accounts.get(actor.workspaceId, request.params.id);
    await rt.vault.remove(actor, request.params.id);
    await rt.accounts.remove(actor.workspaceId, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/publish/accounts/:id/check', { schema: { tags, summary: 'Check the login of an account now', params: id, response: { 200: checkedSchema } } }, async (request) => {
    const actor = await scopeOf(request);
    const rt = ctx.publish;
    const account = await rt.accounts.get(actor.workspaceId, request.params.id);
    const adapter = rt.registry.get(account.platform);
    // The first automated method this account can use: an OAuth API only once connected (授权登录).
    const ref = { id: account.id, workspaceId: account.workspaceId, platform: account.platform, name: account.name, settings: account.settings };
    const impl = [adapter.methods.official_api, adapter.methods.browser].find((m) => m && (!m.usable || m.usable(ref)));
    if (!impl) throw new PublishError('PUBLISH_UNSUPPORTED', `${adapter.descriptor.name} has no automated method to check a login.`);
    const login = await impl
      .checkLogin({
        account: { id: account.id, workspaceId: account.workspaceId, platform: account.platform, name: account.name, settings: account.settings },
        readSecret: (kind, why) => rt.vault.read(actor, account.id, kind, why),
        writeSecret: (kind, secret) =>
          kind === 'oauth' ? rt.oauth.storeTokens(actor, account, secret as unknown as OAuthSecret) : rt.vault.put(actor, account.id, kind, secret, account.credentialMode === 'oauth' ? 'sync' : account.credentialMode),
        signal: AbortSignal.timeout(120_000),
        beforeSubmit: async () => undefined,
        progress: () => undefined,
      })
      .catch((error: unknown) => {
        if (error instanceof PublishError && error.code.startsWith('VAULT_')) throw error;
        return { loggedIn: false, reason: error instanceof Error ? error.message : String(error) };
      });
    const updated = await rt.accounts.update(actor.workspaceId, account.id, {
      loginStatus: login.loggedIn ? 'logged_in' : 'expired',
      loginCheckedAt: ctx.clock.now(),
      ...('nickname' in login && login.nickname ? { nickname: login.nickname } : {}),
      ...('avatarUrl' in login && login.avatarUrl ? { avatarUrl: login.avatarUrl } : {}),
    });
    return { ...(await withCreds(rt, actor.workspaceId, updated)), logged_in: login.loggedIn, reason: login.reason ?? null };
  });

  app.post(
    '/api/publish/accounts/:id/login',
    {
      schema: {
        tags,
        summary: 'Start an interactive login: a browser window on the local desktop when there is one, and the QR code as an image for the web UI',
        params: id,
        body: z.object({ headed: z.boolean().optional() }).optional(),
        response: { 202: loginSessionSchema },
      },
    },
    async (request, reply) => {
      const actor = await scopeOf(request);
      const rt = ctx.publish;
      const account = await rt.accounts.get(actor.workspaceId, request.params.id);
      const flow = rt.flows.get(account.platform);
      if (!flow) throw new PublishError('PUBLISH_UNSUPPORTED', `${account.platform} logs in with app credentials, not a browser login.`, { status: 400 });
      // The session is kept in the vault once the phone confirms: refuse before showing a QR code the person would scan for nothing.
      const vault = await rt.vault.status(actor.workspaceId);
      if (!vault.initialized) throw new PublishError('VAULT_NOT_INITIALIZED', 'Set the vault master password before logging an account in: the login is kept encrypted in the vault.', { status: 409 });
      if (!vault.unlocked) throw new PublishError('VAULT_LOCKED', 'Unlock the vault with the master password before logging an account in: the login is kept encrypted in the vault.', { status: 423 });
      const baseUrl = typeof account.settings.baseUrl === 'string' ? account.settings.baseUrl : flow.baseUrl;
      const session = rt.logins.start({
        workspaceId: actor.workspaceId,
        accountId: account.id,
        flow,
        baseUrl,
        // Without a display a window cannot open; the QR code in the web UI still works.
        headed: (request.body?.headed ?? ctx.mode === 'local') && canShowBrowserWindow(),
        onLoggedIn: async (state, nickname, avatarUrl) => {
          await rt.vault.put(actor, account.id, 'session', state as unknown as Record<string, unknown>, account.credentialMode === 'oauth' ? 'sync' : account.credentialMode);
          await rt.accounts.update(actor.workspaceId, account.id, { loginStatus: 'logged_in', loginCheckedAt: ctx.clock.now(), nickname: nickname ?? null, avatarUrl: avatarUrl ?? null });
        },
      });
      return reply.code(202).send(loginSessionDto(session));
    },
  );

  app.get(
    '/api/publish/accounts/:id/login/:sid',
    { schema: { tags, summary: 'State of an interactive login', params: z.object({ id: z.string().uuid(), sid: z.string().uuid() }), response: { 200: loginSessionSchema } } },
    async (request) => {
      const actor = await scopeOf(request, 'viewer');
      return loginSessionDto(ctx.publish.logins.get(actor.workspaceId, request.params.sid));
    },
  );

  app.post(
    '/api/publish/accounts/:id/cookies',
    { schema: { tags, summary: 'Log in by pasting the session cookies', params: id, body: z.object({ cookies: z.string().min(3).max(20_000) }), response: { 200: z.object({ stored: z.literal(true), cookies: z.number().describe('Cookies stored') }) } } },
    async (request) => {
      const actor = await scopeOf(request);
      const rt = ctx.publish;
      const account = await rt.accounts.get(actor.workspaceId, request.params.id);
      const flow = rt.flows.get(account.platform);
      if (!flow) throw new PublishError('PUBLISH_UNSUPPORTED', `${account.platform} does not log in with cookies.`, { status: 400 });
      const state = sessionFromCookies(request.body.cookies, typeof account.settings.baseUrl === 'string' ? account.settings.baseUrl : flow.baseUrl);
      await rt.vault.put(actor, account.id, 'session', state as unknown as Record<string, unknown>, account.credentialMode === 'oauth' ? 'sync' : account.credentialMode);
      return { stored: true as const, cookies: state.cookies.length };
    },
  );
};
