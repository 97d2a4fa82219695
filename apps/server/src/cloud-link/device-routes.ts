import { z } from 'zod';
import { CreatorFlowError, NotFoundError } from '@creatorflow/core';
import { findUserById, insertApiToken, writeAudit } from '@creatorflow/db/repositories/foundation/index';
import { resolveScope } from '../auth/scope.ts';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../auth/secrets.ts';
import type { RoutePlugin } from '../http/types.ts';
import { DeviceStore, normaliseUserCode, type DeviceAuthorization } from './device-store.ts';

const DEVICE_CODE_PREFIX = 'cf_dc_';
const tags = ['cloud-link'];
const codeParams = z.object({ user_code: z.string().min(4).max(20) });

const problem = (code: string, message: string, status = 400, retryable = false) => new CreatorFlowError(code, message, { status, retryable });

const requestSchema = z.object({ user_code: z.string(), client_name: z.string(), status: z.enum(['pending', 'approved', 'denied', 'used', 'expired']), expires_at: z.string() });
const toRequest = (a: DeviceAuthorization, now: number) => ({
  user_code: a.userCode,
  client_name: a.clientName,
  status: a.status === 'pending' && a.expiresAt.getTime() <= now ? ('expired' as const) : a.status,
  expires_at: a.expiresAt.toISOString(),
});

/**
 * Device-code sign-in of a desktop install (RFC 8628 style, like `gh auth login`):
 * the desktop asks for a code, the person confirms it here in the cloud web app
 * while signed in and picks the workspace to pair with, and the desktop's poll
 * then receives an API token bound to that workspace with the person's role.
 * Cloud mode only: a local install is the desktop, not the cloud.
 */
export const deviceRoutes: RoutePlugin = async (app, ctx) => {
  const store = new DeviceStore(ctx.database);
  const { expiresInSeconds, intervalSeconds } = ctx.config.deviceLogin;
  const cloudOnly = () => {
    if (ctx.mode !== 'cloud') throw problem('DEVICE_LOGIN_CLOUD_ONLY', 'Device sign-in is offered by a cloud deployment; this is a local install.', 409);
  };

  app.post(
    '/api/auth/device/code',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'A desktop asks for a sign-in code to show its user',
        body: z.object({ client_name: z.string().trim().min(1).max(100) }),
        response: {
          200: z.object({ device_code: z.string(), user_code: z.string(), verification_uri: z.string(), verification_uri_complete: z.string(), expires_in: z.number(), interval: z.number() }),
        },
      },
    },
    async (request) => {
      cloudOnly();
      const now = ctx.clock.nowMs();
      await store.deleteExpired(new Date(now - 24 * 3600_000));
      const deviceCode = newSecret(DEVICE_CODE_PREFIX);
      const created = await store.create({ deviceCodeHash: sha256Hex(deviceCode), clientName: request.body.client_name, intervalSeconds, expiresAt: new Date(now + expiresInSeconds * 1000) });
      const base = (ctx.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
      return {
        device_code: deviceCode,
        user_code: created.userCode,
        verification_uri: `${base}/device`,
        verification_uri_complete: `${base}/device?code=${encodeURIComponent(created.userCode)}`,
        expires_in: expiresInSeconds,
        interval: created.intervalSeconds,
      };
    },
  );

  app.post(
    '/api/auth/device/token',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'The desktop polls until its user confirmed the code (then receives its API token once)',
        body: z.object({ device_code: z.string().min(1).max(200) }),
        response: {
          200: z.object({
            token_type: z.literal('Bearer'),
            access_token: z.string(),
            token_id: z.string(),
            role: z.string(),
            workspace: z.object({ id: z.string(), name: z.string() }),
            user: z.object({ id: z.string(), email: z.string().nullable(), name: z.string() }),
          }),
        },
      },
    },
    async (request) => {
      cloudOnly();
      const found = await store.byDeviceCodeHash(sha256Hex(request.body.device_code));
      if (!found) throw problem('DEVICE_CODE_INVALID', 'This sign-in code is unknown: start the sign-in again.');
      const now = ctx.clock.nowMs();
      if (found.status === 'denied') throw problem('DEVICE_ACCESS_DENIED', 'The sign-in was declined in the cloud web app.', 403);
      if (found.status === 'used') throw problem('DEVICE_CODE_INVALID', 'This sign-in code was already used: start the sign-in again.');
      if (found.expiresAt.getTime() <= now) throw problem('DEVICE_CODE_EXPIRED', 'The sign-in code expired before it was confirmed: start the sign-in again.');
      if (found.status === 'pending') {
        const tooSoon = found.lastPolledAt !== null && now - found.lastPolledAt.getTime() < found.intervalSeconds * 1000;
        await store.polled(found.id, new Date(now), tooSoon);
        if (tooSoon) throw problem('DEVICE_SLOW_DOWN', `Polling too fast: wait ${found.intervalSeconds + 5} s between polls.`, 400, true);
        throw problem('DEVICE_AUTHORIZATION_PENDING', 'Waiting for the code to be confirmed in the cloud web app.', 400, true);
      }
      if (!(await store.claim(found.id))) throw problem('DEVICE_CODE_INVALID', 'This sign-in code was already used: start the sign-in again.');
      const { userId, workspaceId, role } = found as DeviceAuthorization & { userId: string; workspaceId: string; role: NonNullable<DeviceAuthorization['role']> };
      const token = newSecret(API_TOKEN_PREFIX);
      const saved = await insertApiToken(ctx.database.db, {
        workspaceId,
        userId,
        name: `桌面端 · ${found.clientName}`,
        tokenPrefix: token.slice(0, 13),
        tokenHash: sha256Hex(token),
        role,
        expiresAt: null,
      });
      await writeAudit(ctx.database.db, { workspaceId, userId, action: 'device.linked', targetType: 'api_token', targetId: saved.id, traceId: request.traceId, data: { client_name: found.clientName } });
      const user = (await findUserById(ctx.database.db, userId))!;
      const [workspace] = await ctx.database.query<{ id: string; name: string }>('SELECT id, name FROM workspaces WHERE id = $1', [workspaceId]);
      return { token_type: 'Bearer' as const, access_token: token, token_id: saved.id, role, workspace: workspace!, user: { id: user.id, email: user.email, name: user.name } };
    },
  );

  app.get(
    '/api/auth/device/requests/:user_code',
    { schema: { tags, summary: 'What a sign-in code asks for (shown before the user confirms it)', params: codeParams, response: { 200: requestSchema } } },
    async (request) => {
      cloudOnly();
      await resolveScope(ctx.database, request, 'viewer');
      const found = await store.byUserCode(normaliseUserCode(request.params.user_code));
      if (!found) throw new NotFoundError('Sign-in code', request.params.user_code);
      return toRequest(found, ctx.clock.nowMs());
    },
  );

  app.post(
    '/api/auth/device/requests/:user_code/approve',
    {
      schema: {
        tags,
        summary: 'Confirm a sign-in code and choose the workspace the desktop pairs with',
        params: codeParams,
        body: z.object({ workspace_id: z.uuid() }),
        response: { 200: requestSchema },
      },
    },
    async (request) => {
      cloudOnly();
      const scope = await resolveScope(ctx.database, request, 'viewer', request.body.workspace_id);
      return decide(request.params.user_code, { status: 'approved', userId: scope.userId, workspaceId: scope.workspaceId, role: scope.role });
    },
  );

  app.post(
    '/api/auth/device/requests/:user_code/deny',
    { schema: { tags, summary: 'Decline a sign-in code', params: codeParams, response: { 200: requestSchema } } },
    async (request) => {
      cloudOnly();
      const scope = await resolveScope(ctx.database, request, 'viewer');
      return decide(request.params.user_code, { status: 'denied', userId: scope.userId });
    },
  );

  async function decide(input: string, decision: Parameters<DeviceStore['decide']>[1]) {
    const code = normaliseUserCode(input);
    const found = await store.byUserCode(code);
    if (!found) throw new NotFoundError('Sign-in code', input);
    if (found.expiresAt.getTime() <= ctx.clock.nowMs()) throw problem('DEVICE_CODE_EXPIRED', 'This code expired: start the sign-in on the desktop again.', 410);
    if (!(await store.decide(code, decision))) throw problem('DEVICE_CODE_DECIDED', 'This code was already confirmed or declined.', 409);
    return toRequest((await store.byUserCode(code))!, ctx.clock.nowMs());
  }
};
