import { rememberSecret, type Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodContext } from '../adapter.ts';
import { PublishError } from '../errors.ts';
import { appFor } from './app-credentials.ts';
import type { OAuthApp, OAuthProvider, OAuthSecret, TokenErrorDetails, TokenSet } from './types.ts';

/** Refresh this long before the platform's expiry, so a long upload does not run out mid-way. */
export const REFRESH_MARGIN_MS = 10 * 60_000;

/**
 * Per-process refresh lock per account: two jobs of one account must not
 * both spend a single-use refresh token (B站, 快手 and 抖音 void the old one).
 */
const refreshing = new Map<string, Promise<OAuthSecret>>();

export function reauthorizeError(platformName: string, why: string): PublishError {
  return new PublishError(
    'PUBLISH_LOGIN_EXPIRED',
    `${platformName} 授权已失效（${why}），请在 发布中心 → 账号 → 授权登录 重新授权。 The ${platformName} authorization is no longer valid (${why}); connect the account again (creatorflow accounts connect).`,
    { status: 401, details: { reauthorize: true } },
  );
}

export function toSecret(tokens: TokenSet, now: number, rotated: boolean): OAuthSecret {
  const secret: OAuthSecret = { ...tokens, obtainedAt: new Date(now).toISOString() };
  if (rotated) secret.rotatedAt = secret.obtainedAt;
  rememberSecret(secret.accessToken);
  rememberSecret(secret.refreshToken);
  return secret;
}

/**
 * The token side of one publish attempt: reads the account's OAuth secret
 * through the vault (each read audited with its reason), refreshes it before
 * expiry or once when the platform says it expired, and writes the rotated
 * pair back so the old refresh token is gone.
 */
export class OAuthSession {
  #secret: OAuthSecret | undefined;
  #app: OAuthApp | undefined;

  constructor(
    private readonly provider: OAuthProvider,
    private readonly platformName: string,
    private readonly ctx: MethodContext,
    private readonly o: { clock: Clock; guard?: EgressGuard },
  ) {}

  get baseUrl(): string | undefined {
    const v = this.ctx.account.settings.apiBaseUrl;
    return typeof v === 'string' && v ? v : undefined;
  }

  async app(): Promise<OAuthApp> {
    this.#app ??= await appFor(this.ctx, this.platformName);
    return this.#app;
  }

  /** The current secret, refreshed first when it is about to expire. */
  async current(why: string): Promise<OAuthSecret> {
    if (!this.#secret) {
      const raw = (await this.ctx.readSecret('oauth', why)) as OAuthSecret | undefined;
      if (!raw || typeof raw.accessToken !== 'string') throw reauthorizeError(this.platformName, '账号未授权 not connected');
      this.#secret = raw;
    }
    if (Date.parse(this.#secret.expiresAt) - REFRESH_MARGIN_MS <= this.o.clock.nowMs()) this.#secret = await this.refresh();
    return this.#secret;
  }

  async refresh(): Promise<OAuthSecret> {
    const key = this.ctx.account.id;
    const running = refreshing.get(key);
    if (running) return (this.#secret = await running);
    const job = this.#refresh().finally(() => refreshing.delete(key));
    refreshing.set(key, job);
    return (this.#secret = await job);
  }

  async #refresh(): Promise<OAuthSecret> {
    const now = this.o.clock.nowMs();
    // Read again: another job (or process) may have rotated it since this session read it.
    const stored = ((await this.ctx.readSecret('oauth', 'oauth refresh')) as OAuthSecret | undefined) ?? this.#secret;
    if (stored && this.#secret && stored.accessToken !== this.#secret.accessToken && Date.parse(stored.expiresAt) - REFRESH_MARGIN_MS > now) return stored;
    const refreshToken = stored?.refreshToken;
    if (!this.provider.refresh || !refreshToken) throw reauthorizeError(this.platformName, '访问令牌已过期且不能刷新 the access token expired and cannot be refreshed');
    if (stored?.refreshExpiresAt && Date.parse(stored.refreshExpiresAt) <= now) throw reauthorizeError(this.platformName, '刷新令牌已过期 the refresh token expired');
    const tokens = await this.provider.refresh({ app: await this.app(), refreshToken, baseUrl: this.baseUrl, guard: this.o.guard, signal: this.ctx.signal, now }).catch((error: unknown) => {
      if ((error as PublishError).details?.reauthorize || (error as PublishError).details?.tokenExpired) throw reauthorizeError(this.platformName, (error as Error).message.slice(0, 160));
      throw error;
    });
    // Platforms that keep the refresh token's lifetime (快手, 抖音 refresh_token/) answer without it: keep the old expiry.
    const next = toSecret({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken, refreshExpiresAt: tokens.refreshExpiresAt ?? stored?.refreshExpiresAt, openId: tokens.openId ?? stored?.openId }, now, true);
    await this.ctx.writeSecret('oauth', next as unknown as Record<string, unknown>);
    this.ctx.progress('oauth_refreshed', { expires_at: next.expiresAt });
    return next;
  }

  /** Runs a call with the access token; a token the platform calls expired is refreshed once and the call repeated. */
  async call<T>(why: string, fn: (secret: OAuthSecret, app: OAuthApp) => Promise<T>): Promise<T> {
    const secret = await this.current(why);
    const app = await this.app();
    try {
      return await fn(secret, app);
    } catch (error) {
      const details = (error as PublishError).details as TokenErrorDetails | undefined;
      if (details?.reauthorize) throw reauthorizeError(this.platformName, (error as Error).message.slice(0, 160));
      if (!details?.tokenExpired) throw error;
      return fn(await this.refresh(), app);
    }
  }
}
