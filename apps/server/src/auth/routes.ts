import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, CreatorFlowError, NotFoundError, UnauthorizedError } from '@creatorflow/core';
import {
  findPersonalWorkspace,
  findUserByEmail,
  findUserById,
  insertUser,
  insertWorkspace,
  revokeRefreshFamily,
  writeAudit,
  type UserRow,
} from '@creatorflow/db/repositories/foundation/index';
import type { AppContext } from '../context.ts';
import { endSession, issueSession, rotateSession } from './sessions.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { bearerOf } from './cloud.ts';
import { LoginBackoff } from './login-backoff.ts';
import { verifyAccessToken } from './jwt.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';

const userSchema = z.object({ id: z.string(), email: z.string().nullable(), name: z.string(), locale: z.string() });
const tokensSchema = z.object({
  token_type: z.literal('Bearer'),
  access_token: z.string(),
  expires_in: z.number(),
  /** Absent when the web app asked for it as the HttpOnly `cf_refresh` cookie instead (x-creatorflow-refresh: cookie). */
  refresh_token: z.string().optional(),
  refresh_expires_in: z.number(),
});
const credentials = z.object({
  email: z.email().max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
});
const refreshBody = z.object({ refresh_token: z.string().min(1).max(200) });

/**
 * The web app's refresh token lives in an HttpOnly, SameSite=Strict cookie,
 * out of reach of page scripts (an XSS cannot lift a 30-day credential from
 * localStorage). Only /api/auth sees it. A request reads it only when it also
 * sends `x-creatorflow-refresh: cookie`: a custom header a cross-site form or
 * <img> cannot add, so SameSite is not the only line. API clients (CLI, apps)
 * keep sending the token in the body.
 */
export const REFRESH_COOKIE = 'cf_refresh';
const COOKIE_PATH = '/api/auth';
const wantsCookie = (request: FastifyRequest) => request.headers['x-creatorflow-refresh'] === 'cookie';

function deliver<T extends { refresh_token?: string; refresh_expires_in: number }>(request: FastifyRequest, reply: FastifyReply, tokens: T): T {
  if (!wantsCookie(request) || !tokens.refresh_token) return tokens;
  void reply.setCookie(REFRESH_COOKIE, tokens.refresh_token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: COOKIE_PATH,
    maxAge: tokens.refresh_expires_in,
  });
  const { refresh_token: _inCookie, ...rest } = tokens;
  return rest as T;
}

/** The refresh token of a request: the body's, else (asked for by header) the cookie's. */
function refreshTokenOf(request: FastifyRequest, body: { refresh_token?: string } | null | undefined): string | undefined {
  if (body?.refresh_token) return body.refresh_token;
  return wantsCookie(request) ? request.cookies[REFRESH_COOKIE] || undefined : undefined;
}

const toUser = (u: UserRow) => ({ id: u.id, email: u.email, name: u.name, locale: u.locale });

function assertCloud(ctx: AppContext): void {
  if (ctx.mode === 'local') {
    throw new CreatorFlowError(
      'LOCAL_MODE_NO_LOGIN',
      'Local mode has no accounts or passwords: the API accepts the local session token from <home>/local-token ' +
        '(the URL printed by `creatorflow start` sets it). Register and sign in on a cloud server (`creatorflow server`).',
      { status: 400 },
    );
  }
}

/** Register, login, refresh, logout and "who am I". */
export const authRoutes: RoutePlugin = async (app, ctx) => {
  const db = ctx.database.db;
  const tags = ['auth'];
  // Its own connection that fails at once while Redis is away (the shared one waits for ever, which
  // held every sign-in during an outage: fault suite, issue 17); the backoff then counts in memory.
  const backoffRedis = ctx.redis?.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  backoffRedis?.on('error', () => undefined);
  if (backoffRedis) app.addHook('onClose', async () => void backoffRedis.disconnect());
  const backoff = new LoginBackoff(ctx.clock, backoffRedis ? { client: backoffRedis, prefix: ctx.config.redisPrefix } : undefined);

  app.post(
    '/api/auth/register',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Create an account with a personal workspace (cloud mode)',
        body: credentials.extend({ name: z.string().trim().min(1).max(100).optional() }),
        response: { 201: tokensSchema.extend({ user: userSchema, workspace: z.object({ id: z.string(), name: z.string() }) }) },
      },
    },
    async (request, reply) => {
      assertCloud(ctx);
      const { email, password, name } = request.body;
      if (await findUserByEmail(db, email)) {
        throw new ConflictError('EMAIL_TAKEN', `An account with ${email} already exists: sign in instead.`, { field: 'body.email' });
      }
      const passwordHash = await hashPassword(password);
      const result = await db.transaction(async (tx) => {
        const user = await insertUser(tx, { email, name: name ?? email.split('@')[0]!, passwordHash });
        const workspace = await insertWorkspace(tx, { name: `${user.name} 的工作区`, kind: 'personal', ownerId: user.id });
        await writeAudit(tx, { workspaceId: workspace.id, userId: user.id, action: 'auth.registered', traceId: request.traceId });
        return { user, workspace, tokens: await issueSession(ctx, tx, user.id) };
      }).catch((error: unknown) => {
        // Two registrations racing for one email: the unique index decides.
        if ((error as { code?: string }).code === '23505') throw new ConflictError('EMAIL_TAKEN', `An account with ${email} already exists.`);
        throw error;
      });
      return reply.code(201).send({
        ...deliver(request, reply, result.tokens),
        user: toUser(result.user),
        workspace: { id: result.workspace.id, name: result.workspace.name },
      });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'Sign in with email and password (cloud mode)', body: credentials, response: { 200: tokensSchema.extend({ user: userSchema }) } },
    },
    async (request, reply) => {
      assertCloud(ctx);
      // Per account, whatever address the guesses come from (the per-IP limit is in rate-limit/).
      await backoff.assertMayTry(request.body.email);
      const user = await findUserByEmail(db, request.body.email);
      const ok = await verifyPassword(user?.passwordHash, request.body.password);
      const personal = user ? await findPersonalWorkspace(db, user.id) : undefined;
      if (!user || !ok) {
        await backoff.recordFailure(request.body.email);
        if (user) {
          await writeAudit(db, { workspaceId: personal?.id ?? null, userId: user.id, action: 'auth.login_failed', data: { ip: request.ip }, traceId: request.traceId });
        }
        throw new UnauthorizedError('INVALID_CREDENTIALS', 'Email or password is wrong.');
      }
      await backoff.recordSuccess(request.body.email);
      const tokens = await issueSession(ctx, db, user.id);
      await writeAudit(db, { workspaceId: personal?.id ?? null, userId: user.id, action: 'auth.login', data: { ip: request.ip }, traceId: request.traceId });
      return { ...deliver(request, reply, tokens), user: toUser(user) };
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Exchange a refresh token (in the body, or the cf_refresh cookie with x-creatorflow-refresh: cookie) for a new token pair; each refresh token works once',
        body: refreshBody.partial().nullish(),
        response: { 200: tokensSchema },
      },
    },
    async (request, reply) => {
      assertCloud(ctx);
      const token = refreshTokenOf(request, request.body);
      if (!token) throw new UnauthorizedError('AUTH_REQUIRED', 'Send the refresh token in the body (or, from the web app, the cf_refresh cookie with x-creatorflow-refresh: cookie).');
      const { userId: _userId, ...tokens } = await rotateSession(ctx, token, request.traceId);
      return deliver(request, reply, tokens);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'End a session: the one of the refresh token given, else the one of the Bearer access token',
        body: refreshBody.partial().nullish(),
        response: noContent,
      },
    },
    async (request, reply) => {
      assertCloud(ctx);
      let ended: { userId: string; familyId: string } | undefined;
      const refresh = refreshTokenOf(request, request.body);
      if (request.cookies[REFRESH_COOKIE]) void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      if (refresh) {
        ended = await endSession(ctx, refresh);
      } else {
        const bearer = bearerOf(request);
        if (!bearer || !ctx.config.jwtSecret) throw new UnauthorizedError('AUTH_REQUIRED', 'Send the refresh token in the body, or the access token as `Authorization: Bearer …`.');
        const claims = await verifyAccessToken(ctx.config.jwtSecret, ctx.clock, bearer);
        await revokeRefreshFamily(db, claims.sid, ctx.clock.now());
        ended = { userId: claims.sub, familyId: claims.sid };
      }
      if (ended) await writeAudit(db, { workspaceId: null, userId: ended.userId, action: 'auth.logout', targetType: 'session', targetId: ended.familyId, traceId: request.traceId });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user and how they are authenticated',
        response: {
          200: z.object({
            user: userSchema,
            mode: z.enum(['local', 'cloud']),
            via: z.enum(['local', 'access_token', 'api_token']),
            default_workspace_id: z.string().nullable(),
            token_workspace_id: z.string().nullable(),
            token_role: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const user = await findUserById(db, auth.userId);
      if (!user) throw new NotFoundError('User', auth.userId);
      const personal = await findPersonalWorkspace(db, user.id);
      return {
        user: toUser(user),
        mode: ctx.mode,
        via: auth.via,
        default_workspace_id: auth.workspaceId ?? personal?.id ?? null,
        token_workspace_id: auth.workspaceId ?? null,
        token_role: auth.role ?? null,
      };
    },
  );
};
