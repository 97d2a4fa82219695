import { CreatorFlowError } from '@creatorflow/core';
import type { ApiClient } from '../api-client.ts';
import { withClient, withHome, type Connection } from './connection.ts';
import type { CommandModule } from './types.ts';

type LinkState =
  | { state: 'unlinked' }
  | { state: 'pending'; cloud_url: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_at: string }
  | { state: 'failed'; cloud_url: string; error: { code: string; message: string } }
  | { state: 'linked'; cloud_url: string; cloud_workspace: { id: string; name: string }; cloud_user: string; token_store: 'keychain' | 'file'; linked_at: string };

const local = withHome;

function describe(s: LinkState): string {
  switch (s.state) {
    case 'unlinked':
      return 'Not linked to a cloud. / 尚未连接云端。Run: creatorflow cloud login <url>';
    case 'pending':
      return `Waiting for confirmation of code ${s.user_code} at ${s.verification_uri} / 等待在云端确认代码`;
    case 'failed':
      return `Linking to ${s.cloud_url} failed: ${s.error.message} (${s.error.code})`;
    case 'linked':
      return (
        `Linked to ${s.cloud_url} — workspace “${s.cloud_workspace.name}” as ${s.cloud_user} / 已连接云端\n` +
        `  token kept in: ${s.token_store === 'keychain' ? 'the OS keychain' : 'a file only you can read (no keychain service found)'}\n` +
        `  since: ${s.linked_at}`
      );
  }
}

async function waitForLink(client: ApiClient, signal: AbortSignal): Promise<LinkState> {
  for (;;) {
    const state = await client.request<LinkState>('GET', '/api/cloud/link');
    if (state.state !== 'pending' || signal.aborted) return state;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export const cloudCommands: CommandModule = (program) => {
  const cloud = program.command('cloud').description('Link this install to a CreatorFlow cloud deployment / 连接云端');

  local(cloud.command('login <url>').description('Sign in to a cloud by device code (confirm it in the cloud web app) / 用设备码登录云端')).action(
    async (url: string, opts: Connection) => {
      process.exitCode = await withClient(opts, async (client) => {
        const started = await client.request<LinkState>('POST', '/api/cloud/link', { url });
        if (started.state !== 'pending') throw new CreatorFlowError('CLOUD_LINK_FAILED', describe(started));
        process.stdout.write(
          `在云端网页确认这个代码 / Confirm this code in the cloud web app:\n\n    ${started.user_code}\n\n` +
            `打开 / open: ${started.verification_uri_complete}\n(waiting until ${started.expires_at}; Ctrl-C stops waiting)\n`,
        );
        const controller = new AbortController();
        const stop = () => controller.abort();
        process.once('SIGINT', stop);
        try {
          const final = await waitForLink(client, controller.signal);
          process.stdout.write(`${opts.json ? JSON.stringify(final) : describe(final)}\n`);
          return final.state === 'linked' ? 0 : 1;
        } finally {
          process.off('SIGINT', stop);
        }
      });
    },
  );

  local(cloud.command('status').description('Which cloud this install is linked to / 云端连接状态')).action(async (opts: Connection) => {
    await withClient(opts, async (client) => {
      const state = await client.request<LinkState>('GET', '/api/cloud/link');
      process.stdout.write(`${opts.json ? JSON.stringify(state) : describe(state)}\n`);
    });
  });

  local(cloud.command('logout').description('Unlink: revoke this device on the cloud and forget its token / 断开云端')).action(async (opts: Connection) => {
    await withClient(opts, async (client) => {
      const result = await client.request<{ revoked_on_cloud: boolean }>('DELETE', '/api/cloud/link');
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(result)}\n`
          : result.revoked_on_cloud
            ? 'Unlinked; the device token was revoked on the cloud. / 已断开\n'
            : 'Unlinked here. The cloud could not be reached (or nothing was linked): revoke “桌面端” tokens in its settings if needed.\n',
      );
    });
  });
};
