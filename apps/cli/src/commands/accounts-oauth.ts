import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import type { ApiClient } from '../api-client.ts';
import { withClient, withConnection, type Connection } from './connection.ts';

interface OAuthState {
  connected: boolean;
  expires_at: string | null;
  refresh_expires_at: string | null;
  open_id: string | null;
  connected_at: string | null;
  rotated_at: string | null;
  revoked_at: string | null;
}

const out = (o: Connection, data: unknown, text: string): void => {
  process.stdout.write(o.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
};

function describe(s: OAuthState): string {
  if (!s.connected) return s.revoked_at ? `✘ 已撤销授权 revoked ${s.revoked_at}` : '✘ 未授权 not connected (creatorflow accounts connect <account>)';
  return [
    `✔ 已授权 connected${s.open_id ? ` (${s.open_id})` : ''} since ${s.connected_at ?? '?'}`,
    `  access token until ${s.expires_at ?? '?'}`,
    s.refresh_expires_at ? `  refresh token until ${s.refresh_expires_at}` : '  no refresh token: authorize again when it expires',
    s.rotated_at ? `  last refreshed ${s.rotated_at}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Opens a URL in the desktop browser when there is one; the URL is printed either way. */
function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser here (a server, CI): the printed URL is enough.
  }
}

/**
 * `creatorflow accounts connect|oauth|methods`: the OAuth grant of an account
 * from the terminal. connect prints (and opens) the platform's consent page;
 * the platform sends the browser to the server's callback, which stores the
 * tokens; the CLI waits until the server has them.
 */
export function accountOAuthCommands(accounts: Command, accountId: (c: ApiClient, ref: string) => Promise<string>): void {
  withConnection(
    accounts
      .command('connect <account>')
      .description('授权登录: authorize platform:name with OAuth (微博, B站) — prints and opens the consent page, waits for the callback')
      .option('--client-id <id>', "the open-platform app's id (client_id / client_key / app_id)")
      .option('--client-secret-env <VAR>', "read the app's secret from this environment variable (kept out of shell history)", 'CREATORFLOW_OAUTH_CLIENT_SECRET')
      .option('--redirect-uri <url>', "the callback registered with the app (default: the server's /api/publish/oauth/callback)")
      .option('--no-open', 'only print the URL')
      .option('--timeout <seconds>', 'give up waiting after this long', '600'),
  ).action((ref: string, o: Connection & { clientId?: string; clientSecretEnv: string; redirectUri?: string; open: boolean; timeout: string }) =>
    withClient(o, async (c) => {
      const id = await accountId(c, ref);
      const secret = o.clientId ? process.env[o.clientSecretEnv] : undefined;
      if (o.clientId && !secret) throw new Error(`Put the app secret in $${o.clientSecretEnv}, then run again.`);
      const started = await c.request<{ authorize_url: string; redirect_uri: string; expires_at: string }>('POST', `/api/publish/accounts/${id}/oauth/authorize`, {
        ...(o.clientId ? { client_id: o.clientId, client_secret: secret } : {}),
        ...(o.redirectUri ? { redirect_uri: o.redirectUri } : {}),
      });
      const since = Date.now();
      process.stderr.write(`在浏览器中打开并同意授权 / Open this page and agree:\n${started.authorize_url}\n(callback: ${started.redirect_uri})\n`);
      if (o.open) openInBrowser(started.authorize_url);
      const deadline = since + Math.min(Number(o.timeout) || 600, 600) * 1000;
      for (;;) {
        const s = await c.request<OAuthState>('GET', `/api/publish/accounts/${id}/oauth`);
        if (s.connected && s.connected_at && Date.parse(s.connected_at) >= since - 1000) return out(o, s, describe(s));
        if (Date.now() > deadline) throw new Error('No authorization arrived in time. Run `creatorflow accounts connect` again (the link is valid for 10 minutes).');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }),
  );
  withConnection(
    accounts
      .command('oauth <account>')
      .description('the OAuth grant of an account; --refresh rotates the tokens now, --revoke drops the grant')
      .option('--refresh', 'refresh the access token now (the refresh token is replaced)')
      .option('--revoke', 'revoke at the platform and delete the tokens'),
  ).action((ref: string, o: Connection & { refresh?: boolean; revoke?: boolean }) =>
    withClient(o, async (c) => {
      const id = await accountId(c, ref);
      if (o.revoke) {
        const r = await c.request<{ platform_revoked: boolean; oauth: OAuthState }>('DELETE', `/api/publish/accounts/${id}/oauth`);
        return out(o, r, `${describe(r.oauth)}${r.platform_revoked ? '' : '\n  (the platform has no revoke endpoint: also remove the app in the platform’s 授权管理)'}`);
      }
      const s = o.refresh ? await c.request<OAuthState>('POST', `/api/publish/accounts/${id}/oauth/refresh`) : await c.request<OAuthState>('GET', `/api/publish/accounts/${id}/oauth`);
      out(o, s, describe(s));
    }),
  );
  withConnection(accounts.command('methods <account> <order>').description('the order jobs of this account try: e.g. official_api,browser — or "default"; assist stays last')).action(
    (ref: string, order: string, o: Connection) =>
      withClient(o, async (c) => {
        const id = await accountId(c, ref);
        const methods = order === 'default' ? null : order.split(',').map((m) => m.trim()).filter(Boolean);
        const r = await c.request<{ methods: string[] }>('PUT', `/api/publish/accounts/${id}/methods`, { methods });
        out(o, r, r.methods.join(' → '));
      }),
  );
}
