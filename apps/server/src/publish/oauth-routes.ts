import { z } from 'zod';
import { CreatorFlowError } from '@creatorflow/core';
import { checkMethodOrder, methodOrder, oauthSummary } from '@creatorflow/publish';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { rawBody } from '../contract/responses.ts';
import { oauthStateDto, oauthStateSchema } from './oauth-dto.ts';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });
const CALLBACK_PATH = '/api/publish/oauth/callback';

const authorizeBody = z
  .object({
    client_id: z.string().min(1).max(200).optional().describe("The open-platform app's id (client_id / client_key / app_id); stored in the vault"),
    client_secret: z.string().min(1).max(500).optional(),
    redirect_uri: z.string().url().optional().describe(`Defaults to this server's ${CALLBACK_PATH}; it must match the app's registered callback`),
    return_to: z
      .string()
      .regex(/^\/(?!\/)/, 'a path on this site')
      .max(500)
      .optional()
      .describe('Where the browser goes after the callback (a path here, never another site)'),
  })
  .refine((b) => (b.client_id === undefined) === (b.client_secret === undefined), { message: 'client_id and client_secret go together', path: ['client_secret'] });

/**
 * The `oauth` credential mode over HTTP: start an authorization, take the
 * platform's callback, see, refresh and revoke the grant; and the account's
 * method order. Used by 发布中心 (授权登录) and `creatorflow accounts connect`.
 */
export const oauthRoutes: RoutePlugin = async (app, ctx) => {
  const scopeOf = async (request: Parameters<typeof resolveScope>[1], role: 'viewer' | 'editor' = 'editor') => {
    const s = await resolveScope(ctx.database, request, role);
    return { workspaceId: s.workspaceId, userId: s.userId, traceId: request.traceId };
  };

  app.post(
    '/api/publish/accounts/:id/oauth/authorize',
    {
      schema: {
        tags,
        summary: "Start 授权登录: the platform's consent page URL for this account",
        params: id,
        body: authorizeBody,
        response: { 200: z.object({ authorize_url: z.string(), redirect_uri: z.string(), state: z.string(), expires_at: z.string() }) },
      },
    },
    async (request) => {
      const actor = await scopeOf(request);
      const b = request.body;
      const base = (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      const redirectUri = b.redirect_uri ?? `${base}${CALLBACK_PATH}`;
      const started = await ctx.publish.oauth.authorize(actor, request.params.id, {
        redirectUri,
        returnTo: b.return_to,
        app: b.client_id && b.client_secret ? { clientId: b.client_id, clientSecret: b.client_secret } : undefined,
      });
      return { authorize_url: started.url, redirect_uri: redirectUri, state: started.state, expires_at: started.expiresAt };
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      // The platform sends the browser here; the signed state, not a session, says whose account it is.
      config: { auth: 'public' },
      schema: {
        tags,
        summary: "The platforms' OAuth callback: exchanges the code and sends the browser back to 发布中心",
        querystring: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(4000).optional(),
          error: z.string().max(200).optional(),
          error_code: z.string().max(50).optional(),
          error_description: z.string().max(500).optional(),
        }),
        ...rawBody(['text/html'], 'A redirect to 发布中心 with the outcome (oauth=connected or oauth=failed&code=…)', 302),
      },
    },
    async (request, reply) => {
      const q = request.query;
      try {
        const done = await ctx.publish.oauth.callback({ code: q.code, state: q.state, error: q.error ?? q.error_code, errorDescription: q.error_description, traceId: request.traceId });
        const to = done.returnTo ?? '/publish';
        return reply.redirect(withQuery(to, { oauth: 'connected', account: done.account.id }), 302);
      } catch (error) {
        const code = CreatorFlowError.isInstance(error) ? error.code : 'INTERNAL';
        request.log.warn({ code }, 'oauth callback failed');
        return reply.redirect(withQuery('/publish', { oauth: 'failed', code }), 302);
      }
    },
  );

  app.get(
    '/api/publish/accounts/:id/oauth',
    { schema: { tags, summary: 'The OAuth grant of an account (授权状态): connected, expiry, last rotation', params: id, response: { 200: oauthStateSchema } } },
    async (request) => {
      const actor = await scopeOf(request, 'viewer');
      return oauthStateDto(oauthSummary(await ctx.publish.accounts.get(actor.workspaceId, request.params.id)));
    },
  );

  app.post(
    '/api/publish/accounts/:id/oauth/refresh',
    { schema: { tags, summary: 'Refresh the access token now; the refresh token is used once and replaced', params: id, response: { 200: oauthStateSchema } } },
    async (request) => {
      const actor = await scopeOf(request);
      return oauthStateDto(await ctx.publish.oauth.refresh(actor, request.params.id));
    },
  );

  app.delete(
    '/api/publish/accounts/:id/oauth',
    {
      schema: {
        tags,
        summary: 'Revoke the grant: at the platform where it has an endpoint, and the tokens are deleted here',
        params: id,
        response: { 200: z.object({ platform_revoked: z.boolean().describe('The platform confirmed the revocation (some have no endpoint)'), oauth: oauthStateSchema }) },
      },
    },
    async (request) => {
      const actor = await scopeOf(request);
      const { platformRevoked } = await ctx.publish.oauth.revoke(actor, request.params.id);
      return { platform_revoked: platformRevoked, oauth: oauthStateDto(oauthSummary(await ctx.publish.accounts.get(actor.workspaceId, request.params.id))) };
    },
  );

  app.put(
    '/api/publish/accounts/:id/methods',
    {
      schema: {
        tags,
        summary: "The account's publish method order (发布方式); assist is always tried last",
        params: id,
        body: z.object({ methods: z.array(z.enum(['official_api', 'browser', 'assist'])).min(1).max(3).nullable().describe('null = the platform default') }),
        response: { 200: z.object({ methods: z.array(z.enum(['official_api', 'browser', 'assist'])) }) },
      },
    },
    async (request) => {
      const actor = await scopeOf(request);
      const rt = ctx.publish;
      const account = await rt.accounts.get(actor.workspaceId, request.params.id);
      const descriptor = rt.registry.get(account.platform).descriptor;
      const rest = { ...account.settings };
      delete rest.methods;
      const settings = request.body.methods ? { ...rest, methods: checkMethodOrder(request.body.methods, descriptor) } : rest;
      await rt.accounts.update(actor.workspaceId, account.id, { settings });
      return { methods: methodOrder({ settings }, descriptor) };
    },
  );
};

function withQuery(path: string, query: Record<string, string>): string {
  const url = new URL(path, 'http://x');
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}
