import { UnauthorizedError, isRole } from '@creatorflow/core';
import { findApiTokenByHash, touchApiToken } from '@creatorflow/db/repositories/foundation/index';
import type { AppContext } from '../context.ts';
import { sha256Hex } from './secrets.ts';
import type { AuthContext } from './types.ts';

// Writing last_used_at on every request would turn reads into writes; once a minute is enough to audit use.
const TOUCH_INTERVAL_MS = 60_000;

/** A personal API token (`cf_pat_…`): bound to one workspace, with a role ceiling and an optional expiry. */
export async function authenticateApiToken(ctx: AppContext, token: string): Promise<AuthContext> {
  const row = await findApiTokenByHash(ctx.database.db, sha256Hex(token));
  if (!row) throw new UnauthorizedError('API_TOKEN_INVALID', 'The API token is not valid: create one with `creatorflow tokens create`.');
  if (row.revokedAt) throw new UnauthorizedError('API_TOKEN_REVOKED', `The API token '${row.name}' was revoked.`);
  const now = ctx.clock.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    throw new UnauthorizedError('API_TOKEN_EXPIRED', `The API token '${row.name}' has expired: create a new one.`);
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiToken(ctx.database.db, row.id, now);
  }
  return {
    userId: row.userId,
    via: 'api_token',
    workspaceId: row.workspaceId,
    role: isRole(row.role) ? row.role : 'viewer',
    credentialId: row.id,
  };
}
