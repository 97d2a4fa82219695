import { deriveServerKey, type Clock } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import type { MethodContext } from '../adapter.ts';
import type { AccountService, PublishAccount } from '../accounts/account-service.ts';
import { PublishError } from '../errors.ts';
import { writeAudit, type Actor } from '../vault/audit.ts';
import type { CredentialVault } from '../vault/vault.ts';
import type { Database } from '@creatorflow/db';
import { appFor } from './app-credentials.ts';
import { OAuthSession, toSecret } from './session.ts';
import { signState, STATE_TTL_MS, verifyState } from './state.ts';
import type { OAuthApp, OAuthProvider, OAuthSecret, OAuthSummary } from './types.ts';

export interface OAuthPlatform {
  provider: OAuthProvider;
  /** The platform's name for messages (微博, 哔哩哔哩, …). */
  name: string;
}

/** The summary kept in `settings.oauth`: what the web shows, never a token. */
export function summaryOf(secret: OAuthSecret, previous?: OAuthSummary): OAuthSummary {
  return {
    connected: true,
    expiresAt: secret.expiresAt,
    refreshExpiresAt: secret.refreshExpiresAt,
    openId: secret.openId,
    scope: secret.scope,
    // A new authorization (no rotation) starts a new grant; a refresh keeps the grant's start.
    connectedAt: secret.rotatedAt && previous?.connected ? previous.connectedAt : secret.obtainedAt,
    rotatedAt: secret.rotatedAt ?? previous?.rotatedAt,
  };
}

export function oauthSummary(account: Pick<PublishAccount, 'settings'>): OAuthSummary {
  const raw = account.settings.oauth as OAuthSummary | undefined;
  return raw && typeof raw === 'object' ? raw : { connected: false };
}

/**
 * The `oauth` credential mode (ARCHITECTURE §7): authorize → callback → tokens
 * sealed in the vault under the server key, refreshed with rotation, revoked.
 * Every token read goes through CredentialVault.read, which audits it.
 */
export class OAuthService {
  readonly #key: Buffer;

  constructor(
    private readonly d: {
      database: Database;
      vault: CredentialVault;
      accounts: AccountService;
      platforms: Map<string, OAuthPlatform>;
      serverSecret: string;
      clock: Clock;
      guard?: EgressGuard;
    },
  ) {
    this.#key = deriveServerKey(d.serverSecret, 'oauth-state');
  }

  supports(platform: string): boolean {
    return this.d.platforms.has(platform);
  }

  platformIds(): string[] {
    return [...this.d.platforms.keys()];
  }

  #platform(platform: string): OAuthPlatform {
    const entry = this.d.platforms.get(platform);
    if (!entry) throw new PublishError('OAUTH_UNSUPPORTED', `${platform} has no official API with OAuth in CreatorFlow; log in with the browser instead.`, { status: 400 });
    return entry;
  }

  /** A method context outside a job (routes, CLI): vault reads are audited with `why`. */
  #ctx(actor: Actor, account: PublishAccount): MethodContext {
    return {
      account: { id: account.id, workspaceId: account.workspaceId, platform: account.platform, name: account.name, settings: account.settings },
      readSecret: (kind, why) => this.d.vault.read(actor, account.id, kind, why),
      writeSecret: (kind, secret) => (kind === 'oauth' ? this.storeTokens(actor, account, secret as unknown as OAuthSecret) : this.d.vault.put(actor, account.id, kind, secret, 'oauth')),
      signal: AbortSignal.timeout(60_000),
      beforeSubmit: async () => undefined,
      progress: () => undefined,
    };
  }

  /** Seals a token pair (replacing, so a rotated refresh token is gone) and updates the account's summary. */
  async storeTokens(actor: Actor, account: PublishAccount, secret: OAuthSecret): Promise<void> {
    await this.d.vault.put(actor, account.id, 'oauth', secret as unknown as Record<string, unknown>, 'oauth');
    const fresh = await this.d.accounts.get(account.workspaceId, account.id);
    await this.d.accounts.update(account.workspaceId, account.id, {
      settings: { ...fresh.settings, oauth: summaryOf(secret, oauthSummary(fresh)) },
      loginStatus: 'logged_in',
      loginCheckedAt: this.d.clock.now(),
    });
    if (secret.rotatedAt) await writeAudit(this.d.database, actor, 'credential.rotate', 'publish_account', account.id, { kind: 'oauth' });
  }

  /** Step 1: the platform's consent page URL, with a signed state that brings the answer back to this account. */
  async authorize(actor: Actor, accountId: string, o: { redirectUri: string; returnTo?: string; app?: OAuthApp }): Promise<{ url: string; state: string; expiresAt: string }> {
    const account = await this.d.accounts.get(actor.workspaceId, accountId);
    const { provider, name } = this.#platform(account.platform);
    if (o.app) await this.d.vault.put(actor, account.id, 'app', { clientId: o.app.clientId, clientSecret: o.app.clientSecret }, 'oauth');
    const app = await appFor(this.#ctx(actor, account), name);
    const expiresAt = this.d.clock.nowMs() + STATE_TTL_MS;
    const state = signState(this.#key, { workspaceId: actor.workspaceId, accountId, userId: actor.userId, redirectUri: o.redirectUri, returnTo: o.returnTo, expiresAt });
    const url = provider.authorizeUrl({ app, redirectUri: o.redirectUri, state, baseUrl: baseOf(account) });
    await writeAudit(this.d.database, actor, 'oauth.authorize', 'publish_account', account.id, { platform: account.platform });
    return { url, state, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Step 2: the platform sent the browser back with `code` (or `error`); the code becomes tokens in the vault. */
  async callback(q: { code?: string; state?: string; error?: string; errorDescription?: string; traceId?: string }): Promise<{ account: PublishAccount; returnTo?: string }> {
    if (!q.state) throw new PublishError('OAUTH_STATE_INVALID', 'The authorization callback came without state. Start 授权登录 again.', { status: 400 });
    const state = verifyState(this.#key, q.state, this.d.clock.nowMs());
    const actor: Actor = { workspaceId: state.workspaceId, userId: state.userId, traceId: q.traceId };
    const account = await this.d.accounts.get(state.workspaceId, state.accountId);
    const { provider, name } = this.#platform(account.platform);
    if (q.error || !q.code) {
      await writeAudit(this.d.database, actor, 'oauth.denied', 'publish_account', account.id, { error: String(q.error ?? 'no code').slice(0, 100) });
      throw new PublishError('OAUTH_DENIED', `${name} did not grant access (${String(q.errorDescription ?? q.error ?? 'no code').slice(0, 120)}). Start 授权登录 again and choose 同意/授权.`, { status: 400 });
    }
    const now = this.d.clock.nowMs();
    const app = await appFor(this.#ctx(actor, account), name);
    const tokens = await provider.exchange({ app, code: q.code, redirectUri: state.redirectUri, baseUrl: baseOf(account), guard: this.d.guard, now });
    await this.storeTokens(actor, account, toSecret(tokens, now, false));
    if (account.credentialMode !== 'oauth') await this.d.accounts.update(account.workspaceId, account.id, { credentialMode: 'oauth' });
    await writeAudit(this.d.database, actor, 'oauth.connect', 'publish_account', account.id, { platform: account.platform });
    return { account: await this.d.accounts.get(account.workspaceId, account.id), returnTo: state.returnTo };
  }

  /** Refreshes now (the 刷新 button, `accounts connect --refresh`): the refresh token is used once and replaced. */
  async refresh(actor: Actor, accountId: string): Promise<OAuthSummary> {
    const account = await this.d.accounts.get(actor.workspaceId, accountId);
    const { provider, name } = this.#platform(account.platform);
    const session = new OAuthSession(provider, name, this.#ctx(actor, account), { clock: this.d.clock, guard: this.d.guard });
    await session.current('oauth refresh (manual)');
    await session.refresh();
    return oauthSummary(await this.d.accounts.get(actor.workspaceId, accountId));
  }

  /** Drops the grant at the platform where it has an endpoint, and always here: the tokens are deleted. */
  async revoke(actor: Actor, accountId: string): Promise<{ platformRevoked: boolean }> {
    const account = await this.d.accounts.get(actor.workspaceId, accountId);
    const { provider, name } = this.#platform(account.platform);
    let platformRevoked = false;
    const secret = (await this.d.vault.read(actor, account.id, 'oauth', 'oauth revoke')) as OAuthSecret | undefined;
    if (secret && provider.revoke) {
      const app = await appFor(this.#ctx(actor, account), name);
      platformRevoked = await provider
        .revoke({ app, accessToken: secret.accessToken, baseUrl: baseOf(account), guard: this.d.guard, now: this.d.clock.nowMs() })
        .then(() => true, () => false);
    }
    await this.d.vault.remove(actor, account.id, 'oauth');
    const fresh = await this.d.accounts.get(actor.workspaceId, accountId);
    await this.d.accounts.update(actor.workspaceId, accountId, {
      settings: { ...fresh.settings, oauth: { connected: false, revokedAt: this.d.clock.now().toISOString() } satisfies OAuthSummary },
      loginStatus: 'expired',
    });
    await writeAudit(this.d.database, actor, 'oauth.revoke', 'publish_account', account.id, { platform_revoked: platformRevoked });
    return { platformRevoked };
  }
}

function baseOf(account: Pick<PublishAccount, 'settings'>): string | undefined {
  const v = account.settings.apiBaseUrl;
  return typeof v === 'string' && v ? v : undefined;
}
