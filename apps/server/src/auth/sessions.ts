import { UnauthorizedError, newUuid } from '@creatorflow/core';
import type { DbOrTx } from '@creatorflow/db';
import {
  findRefreshTokenByHash,
  insertRefreshToken,
  markRefreshTokenRotated,
  revokeRefreshFamily,
  writeAudit,
} from '@creatorflow/db/repositories/foundation/index';
import type { AppContext } from '../context.ts';
import { signAccessToken } from './jwt.ts';
import { REFRESH_TOKEN_PREFIX, newSecret, sha256Hex } from './secrets.ts';

export interface SessionTokens {
  token_type: 'Bearer';
  access_token: string;
  /** Seconds until the access token expires. */
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

function jwtSecretOf(ctx: AppContext): string {
  // Cloud config validation guarantees it; local mode never issues sessions.
  if (!ctx.config.jwtSecret) throw new Error('CREATORFLOW_JWT_SECRET is not configured');
  return ctx.config.jwtSecret;
}

/** Starts a session (a new refresh-token family) or continues one after rotation. */
export async function issueSession(ctx: AppContext, db: DbOrTx, userId: string, familyId: string = newUuid()): Promise<SessionTokens> {
  const now = ctx.clock.nowMs();
  const refresh = newSecret(REFRESH_TOKEN_PREFIX);
  await insertRefreshToken(db, {
    userId,
    familyId,
    tokenHash: sha256Hex(refresh),
    expiresAt: new Date(now + ctx.config.refreshTokenTtlSeconds * 1000),
  });
  const access = await signAccessToken(jwtSecretOf(ctx), ctx.clock, {
    userId,
    sessionId: familyId,
    ttlSeconds: ctx.config.accessTokenTtlSeconds,
  });
  return {
    token_type: 'Bearer',
    access_token: access.token,
    expires_in: ctx.config.accessTokenTtlSeconds,
    refresh_token: refresh,
    refresh_expires_in: ctx.config.refreshTokenTtlSeconds,
  };
}

/**
 * Exchanges a refresh token for a new pair. Each refresh token works once;
 * presenting one that was rotated earlier means it
 * was copied, so the whole family (every device token of that session) is revoked.
 */
export async function rotateSession(ctx: AppContext, refreshToken: string, traceId: string): Promise<SessionTokens & { userId: string }> {
  const db = ctx.database.db;
  const row = await findRefreshTokenByHash(db, sha256Hex(refreshToken));
  if (!row) throw new UnauthorizedError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid: sign in again.');
  const now = ctx.clock.now();
  if (row.revokedAt) throw new UnauthorizedError('REFRESH_TOKEN_REVOKED', 'This session was ended: sign in again.');
  const reused = async () => {
    await revokeRefreshFamily(db, row.familyId, now);
    await writeAudit(db, {
      workspaceId: null,
      userId: row.userId,
      action: 'auth.refresh_reused',
      targetType: 'session',
      targetId: row.familyId,
      traceId,
    });
    ctx.logger.warn({ user_id: row.userId, family_id: row.familyId, trace_id: traceId }, 'refresh token reuse: session revoked');
    return new UnauthorizedError(
      'REFRESH_TOKEN_REUSED',
      'This refresh token was already used, so the session may have been stolen; it has been ended on every device. Sign in again.',
    );
  };
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw new UnauthorizedError('REFRESH_TOKEN_EXPIRED', 'The session has expired: sign in again.');
  }
  // A just-rotated token is still honoured for a short grace (config.refreshReuseGraceSeconds, 30 s by
  // default): two tabs renewing at once, or a page reloaded while its renewal was in flight (the server
  // rotated, the browser never stored the new cookie), present it again a moment later. That is the same
  // client, not a thief, and ending the session would sign the creator out for nothing — the idea of
  // Okta's rotation grace period and Auth0's reuse interval. After the grace, reuse revokes the family.
  const withinGrace = (rotatedAt: Date) => now.getTime() - rotatedAt.getTime() <= ctx.config.refreshReuseGraceSeconds * 1000;
  if (row.rotatedAt) {
    if (!withinGrace(row.rotatedAt)) throw await reused();
  } else if (!(await markRefreshTokenRotated(db, row.id, now))) {
    // A concurrent renewal with the same token won the race a moment ago: the grace applies to it too.
    const again = await findRefreshTokenByHash(db, row.tokenHash);
    if (!again?.rotatedAt || again.revokedAt || !withinGrace(again.rotatedAt)) throw await reused();
  }
  const tokens = await issueSession(ctx, db, row.userId, row.familyId);
  return { ...tokens, userId: row.userId };
}

/** Ends the session the refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
export async function endSession(ctx: AppContext, refreshToken: string): Promise<{ userId: string; familyId: string } | undefined> {
  const row = await findRefreshTokenByHash(ctx.database.db, sha256Hex(refreshToken));
  if (!row) return undefined;
  await revokeRefreshFamily(ctx.database.db, row.familyId, ctx.clock.now());
  return { userId: row.userId, familyId: row.familyId };
}
