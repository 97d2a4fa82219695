import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '@creatorflow/core';
import type { AppContext } from '../context.ts';
import { authenticateApiToken } from './api-token-auth.ts';
import { authenticateCloud, bearerOf } from './cloud.ts';
import { assertLoopbackRequest, localTokenOf, tokensEqual } from './local-guard.ts';
import { API_TOKEN_PREFIX } from './secrets.ts';
import type { AuthContext } from './types.ts';

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<AuthContext | undefined> {
  const bearer = bearerOf(request);
  // Personal API tokens work in both modes (scripts, the CLI against a cloud server).
  if (bearer?.startsWith(API_TOKEN_PREFIX)) return authenticateApiToken(ctx, bearer);
  if (ctx.local) {
    const token = localTokenOf(request);
    if (token && tokensEqual(token, ctx.local.token)) return { userId: ctx.local.userId, via: 'local' };
    return undefined;
  }
  return authenticateCloud(ctx, request);
}

/**
 * Runs before every route: the loopback guard in local mode, then the
 * credential check for routes that need a user (`config.auth` defaults to 'user').
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', undefined);
  app.addHook('onRequest', async (request) => {
    if (ctx.mode === 'local') assertLoopbackRequest(request);
    const mode = request.routeOptions.config?.auth ?? 'user';
    if (mode !== 'user') return;
    if (!request.routeOptions.url) return; // 404s are answered by the not-found handler.
    request.auth = await authenticate(ctx, request);
    if (!request.auth) {
      throw new UnauthorizedError(
        'AUTH_REQUIRED',
        ctx.mode === 'local'
          ? 'Local session token missing or wrong: open the URL printed by `creatorflow start`, or send the token from <home>/local-token as `Authorization: Bearer …`.'
          : 'Sign in first, or send an access or API token as `Authorization: Bearer …`.',
      );
    }
  });
}
