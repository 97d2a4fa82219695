import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '@creatorflow/core';
import { isRefreshFamilyRevoked } from '@creatorflow/db/repositories/foundation/index';
import type { AppContext } from '../context.ts';
import { verifyAccessToken } from './jwt.ts';
import type { AuthContext } from './types.ts';

/** The token of `Authorization: Bearer …`, if any. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (!authorization?.startsWith('Bearer ')) return undefined;
  const token = authorization.slice(7).trim();
  return token.length > 0 ? token : undefined;
}

/**
 * Cloud-mode credential check for a JWT access token (API tokens are handled
 * before, in both modes). Returns undefined when none is given. A token of a
 * session that was logged out or revoked for reuse stops working at once,
 * not only when it expires.
 */
export async function authenticateCloud(ctx: AppContext, request: FastifyRequest): Promise<AuthContext | undefined> {
  const token = bearerOf(request);
  if (!token || !ctx.config.jwtSecret) return undefined;
  const claims = await verifyAccessToken(ctx.config.jwtSecret, ctx.clock, token);
  if (await isRefreshFamilyRevoked(ctx.database.db, claims.sid)) {
    throw new UnauthorizedError('SESSION_REVOKED', 'This session was ended (logout or a security revocation): sign in again.');
  }
  return { userId: claims.sub, via: 'access_token', credentialId: claims.sid };
}
