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
  last_counts?: Array<{ kind: string; down: number; up: number; conflicts: number }>;
  auto?: { enabled: boolean; interval_seconds: number; next_at: string | null };
}

const KIND_NAMES: Record<string, string> = { idea: '灵感 ideas', work: '作品 works', asset: '素材 assets', knowledge: '知识库 knowledge', graph: '工作流 graphs', setting: '设置 settings', account: '账号 accounts', credential: '凭据 credentials' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '从未 / never');

function describe(s: SyncStatus): string {
  if (!s.linked) return '尚未连接云端 / Not linked to a cloud. Run: creatorflow cloud login <url>';
  const lines = [
    `上次同步 / last sync: ${when(s.last_sync_at)}${s.last_sync_at ? `（拉取 ${s.last_pulled} 条，推送 ${s.last_pushed} 条 / pulled ${s.last_pulled}, pushed ${s.last_pushed}）` : ''}`,
    `待推送 / waiting to push: ${s.pending}`,
    `冲突 / conflicts: ${s.conflicts}${s.conflicts > 0 ? ' — 在 设置 → 连接云端 中逐条选择保留哪一版 / resolve them in 设置 → 连接云端' : ''}`,
  ];
  for (const c of s.last_counts ?? []) lines.push(`  ${KIND_NAMES[c.kind] ?? c.kind}: ↓${c.down} ↑${c.up}${c.conflicts ? ` ⚠${c.conflicts}` : ''}`);
  if (s.auto) lines.push(`自动同步 / auto sync: ${s.auto.enabled ? `开 / on${s.auto.next_at ? `（下次 / next ${when(s.auto.next_at)}）` : ''}` : '关 / off'}`);
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
    .option('--status', 'show the last sync, changes waiting and conflicts without syncing / 只查看同步状态')
    .option('--auto <on|off>', 'turn auto sync (periodic and after changes) on or off / 打开或关闭自动同步');
  withHome(sync)
    .action(async (opts: Connection & { status?: boolean; auto?: string }) => {
      process.exitCode = await withClient(opts, async (client) => {
        if (opts.auto !== undefined) {
          if (opts.auto !== 'on' && opts.auto !== 'off') {
            process.stderr.write('--auto takes on or off / --auto 只能是 on 或 off\n');
            return 2;
          }
          const status = await client.request<SyncStatus>('PUT', '/api/sync/settings', { auto: opts.auto === 'on' });
          process.stdout.write(`${opts.json ? JSON.stringify(status) : describe(status)}\n`);
          return 0;
        }
        if (opts.status) {
          const status = await client.request<SyncStatus>('GET', '/api/sync/status');
          process.stdout.write(`${opts.json ? JSON.stringify(status) : describe(status)}\n`);
          return 0;
        }
        return runRound(client, Boolean(opts.json));
      });
    });
};
