import type { MethodContext } from '../adapter.ts';
import { PublishError } from '../errors.ts';
import type { OAuthApp } from './types.ts';

/**
 * The open-platform app of an account: the account's own (stored in the vault
 * as `app` when the account was connected) or the operator's, from
 * CREATORFLOW_<PLATFORM>_CLIENT_ID / _CLIENT_SECRET.
 */
export async function appFor(ctx: Pick<MethodContext, 'readSecret' | 'account'>, platformName: string): Promise<OAuthApp> {
  const stored = await ctx.readSecret('app', 'oauth client');
  const fromVault = stored && typeof stored.clientId === 'string' && typeof stored.clientSecret === 'string' ? { clientId: stored.clientId, clientSecret: stored.clientSecret } : undefined;
  const app = fromVault ?? operatorApp(ctx.account.platform);
  if (!app) {
    throw new PublishError(
      'OAUTH_APP_MISSING',
      `No ${platformName} open-platform app is configured: enter the app's client id and secret when connecting the account, or set ${envName(ctx.account.platform)}_CLIENT_ID and _CLIENT_SECRET on the server.`,
      { status: 400 },
    );
  }
  return app;
}

export function operatorApp(platform: string): OAuthApp | undefined {
  const id = process.env[`${envName(platform)}_CLIENT_ID`];
  const secret = process.env[`${envName(platform)}_CLIENT_SECRET`];
  return id && secret ? { clientId: id, clientSecret: secret } : undefined;
}

function envName(platform: string): string {
  return `CREATORFLOW_${platform.toUpperCase()}`;
}
