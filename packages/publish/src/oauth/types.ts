import type { EgressGuard } from '@creatorflow/net';

/** The developer app a creator (or the operator) registered on the platform's open platform. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

/** What a token endpoint answered, normalised: absolute expiry times instead of each platform's own form. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** ISO time the access token stops working. */
  expiresAt: string;
  /** ISO time the refresh token stops working (absent: unknown or none). */
  refreshExpiresAt?: string;
  /** The platform's id of the user who authorised (uid, openid, open_id). */
  openId?: string;
  scope?: string;
}

/** The `oauth` secret of an account in the vault (sealed with the server key, rotated on refresh). */
export interface OAuthSecret extends TokenSet {
  obtainedAt: string;
  rotatedAt?: string;
}

/** Non-secret token facts kept in the account's settings so lists and the web show them without reading the vault. */
export interface OAuthSummary {
  connected: boolean;
  expiresAt?: string;
  refreshExpiresAt?: string;
  openId?: string;
  scope?: string;
  connectedAt?: string;
  rotatedAt?: string;
  revokedAt?: string;
}

export interface ProviderCall {
  app: OAuthApp;
  /** The account's API base override (a fake, a proxy); each provider knows its real hosts. */
  baseUrl?: string;
  guard?: EgressGuard;
  signal?: AbortSignal;
  now: number;
}

/**
 * One platform's OAuth 2.0 authorization-code contract. Each platform names
 * its fields differently (client_id / client_key / app_id, redirect_uri /
 * gourl) and answers in its own envelope; the provider hides that.
 */
export interface OAuthProvider {
  readonly platform: string;
  /** Scopes asked for when publishing (the app must have been granted them on the open platform). */
  readonly scopes: string[];
  /** Whether the platform gives a refresh token to this kind of app (微博 web apps get none). */
  readonly refreshes: boolean;
  authorizeUrl(o: { app: OAuthApp; redirectUri: string; state: string; baseUrl?: string }): string;
  exchange(o: ProviderCall & { code: string; redirectUri: string }): Promise<TokenSet>;
  refresh?(o: ProviderCall & { refreshToken: string }): Promise<TokenSet>;
  /** Tells the platform to drop the grant; platforms without such an endpoint only forget it here. */
  revoke?(o: ProviderCall & { accessToken: string }): Promise<void>;
}

/** Error details a provider or adapter sets so the token layer knows what to do. */
export interface TokenErrorDetails {
  /** The access token is stale: refresh once and repeat the call. */
  tokenExpired?: boolean;
  /** The grant is gone (refresh token expired or revoked): only a new authorization helps. */
  reauthorize?: boolean;
}
