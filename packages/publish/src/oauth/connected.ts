import type { AccountRef } from '../adapter.ts';

/**
 * Whether an account can use its platform's official API with OAuth: it was
 * connected (授权登录) and not revoked. Accounts that log in with the browser
 * skip the method instead of recording a failed attempt on every job.
 */
export function oauthConnected(account: Pick<AccountRef, 'settings'>): boolean {
  const summary = account.settings.oauth as { connected?: unknown } | undefined;
  return summary?.connected === true;
}
