import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PublishError } from '../errors.ts';

/** What the `state` of one authorization carries back from the platform to our callback. */
export interface OAuthState {
  workspaceId: string;
  accountId: string;
  userId: string | null;
  redirectUri: string;
  /** Where the browser goes after the callback (the web page that started it). */
  returnTo?: string;
  expiresAt: number;
  nonce: string;
}

export const STATE_TTL_MS = 10 * 60_000;

/**
 * `state` is signed, not stored: any server copy can check a callback, it
 * cannot be forged to attach a token to another workspace's account, and it
 * expires after ten minutes (CSRF protection of RFC 6749 §10.12).
 */
export function signState(key: Buffer, state: Omit<OAuthState, 'nonce'>): string {
  const body = Buffer.from(JSON.stringify({ ...state, nonce: randomBytes(12).toString('base64url') })).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

export function verifyState(key: Buffer, raw: string, now: number): OAuthState {
  const [body, sig] = raw.split('.');
  const expected = body ? mac(key, body) : '';
  if (!body || !sig || sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
    throw new PublishError('OAUTH_STATE_INVALID', 'The authorization callback does not belong to an authorization started here (state mismatch). Start 授权登录 again.', { status: 400 });
  }
  const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OAuthState;
  if (state.expiresAt < now) throw new PublishError('OAUTH_STATE_INVALID', 'The authorization took longer than ten minutes and expired. Start 授权登录 again.', { status: 400 });
  return state;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`oauth-state:${body}`).digest('base64url');
}
