import type { ApiClient } from '../api-client.ts';
import { withClient, withHome, type Connection } from './connection.ts';
import type { CommandModule } from './types.ts';

interface SyncStatus {
  linked: boolean;
  running: boolean;
  progress: { phase: 'pull' | 'push'; done: number; total: number | null } | null;
  last_sync_at: string | null;
  last_error: { code: string; message: string } | null;
  last_pulled: number;
  last_pushed: number;
  conflicts: number;
  pending: number;
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未 / never');

function describe(s: SyncStatus): string {
  if (!s.linked) return '尚未连接云端 / Not linked to a cloud. Run: creatorflow cloud login <url>';
  const lines = [
    `上次同步 / last sync: ${when(s.last_sync_at)}${s.last_sync_at ? `（拉取 ${s.last_pulled} 条，推送 ${s.last_pushed} 条 / pulled ${s.last_pulled}, pushed ${s.last_pushed}）` : ''}`,
    `待推送 / waiting to push: ${s.pending}`,
    `冲突 / conflicts: ${s.conflicts}${s.conflicts > 0 ? ' — 在 设置 → 连接云端 中逐条选择保留哪一版 / resolve them in 设置 → 连接云端' : ''}`,
  ];
  if (s.running) lines.unshift(`同步中 / syncing: ${progressLine(s)}`);
  if (s.last_error) lines.push(`上次出错 / last error: ${s.last_error.message} (${s.last_error.code})`);
  return lines.join('\n');
}

function progressLine(s: SyncStatus): string {
  if (!s.progress) return '连接云端… / connecting…';
  return s.progress.phase === 'pull' ? `拉取 / pulling ${s.progress.done}` : `推送 / pushing ${s.progress.done}/${s.progress.total ?? '?'}`;
}

async function runRound(client: ApiClient, json: boolean): Promise<number> {
  let status = await client.request<SyncStatus>('POST', '/api/sync/run');
  let last = '';
  while (status.running) {
    const line = progressLine(status);
    if (!json && line !== last) process.stdout.write(`${line}\n`);
    last = line;
    await new Promise((r) => setTimeout(r, 300));
    status = await client.request<SyncStatus>('GET', '/api/sync/status');
  }
  process.stdout.write(`${json ? JSON.stringify(status) : describe(status)}\n`);
  return status.last_error ? 1 : 0;
}

export const syncCommands: CommandModule = (program) => {
  const sync = program
    .command('sync')
    .description('Sync this install with the linked cloud workspace / 与云端同步')
    .option('--status', 'show the last sync, changes waiting and conflicts without syncing / 只查看同步状态');
  withHome(sync)
    .action(async (opts: Connection & { status?: boolean }) => {
      process.exitCode = await withClient(opts, async (client) => {
        if (opts.status) {
          const status = await client.request<SyncStatus>('GET', '/api/sync/status');
          process.stdout.write(`${opts.json ? JSON.stringify(status) : describe(status)}\n`);
          return 0;
        }
        return runRound(client, Boolean(opts.json));
      });
    });
};
