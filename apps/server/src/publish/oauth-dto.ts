import { z } from 'zod';
import type { OAuthSummary } from '@creatorflow/publish';

/** An account's OAuth grant as the web and CLI show it (授权状态): never a token. */
export const oauthStateSchema = z.object({
  connected: z.boolean(),
  expires_at: z.string().nullable().describe('When the access token expires (it is refreshed before)'),
  refresh_expires_at: z.string().nullable().describe('When the refresh token expires: after that only a new 授权登录 helps'),
  open_id: z.string().nullable().describe("The platform's id of the authorising user"),
  scope: z.string().nullable(),
  connected_at: z.string().nullable(),
  rotated_at: z.string().nullable().describe('Last refresh (the refresh token was replaced)'),
  revoked_at: z.string().nullable(),
});

export function oauthStateDto(s: OAuthSummary): z.infer<typeof oauthStateSchema> {
  return {
    connected: s.connected,
    expires_at: s.expiresAt ?? null,
    refresh_expires_at: s.refreshExpiresAt ?? null,
    open_id: s.openId ?? null,
    scope: s.scope ?? null,
    connected_at: s.connectedAt ?? null,
    rotated_at: s.rotatedAt ?? null,
    revoked_at: s.revokedAt ?? null,
  };
}
