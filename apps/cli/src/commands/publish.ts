import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { publishPlatforms } from '@creatorflow/platforms';
import type { ApiClient } from '../api-client.ts';
import { withClient, withConnection, type Connection, type Page } from './connection.ts';
import type { CommandModule } from './types.ts';
import { accountOAuthCommands } from './accounts-oauth.ts';

type Conn = Connection;

interface Job {
  id: string;
  platform: string;
  account_id: string;
  status: string;
  title: string;
  run_at: string;
  result_url: string | null;
  error_code: string | null;
  error_message: string | null;
  action: { type: string; message?: string; publish_page_url?: string; checklist?: string[] } | null;
  attempts?: Array<{ number: number; method: string; status: string; duration_ms: number | null; error_code: string | null; error_message: string | null; screenshot_url: string | null }>;
}

const out = (o: Conn, data: unknown, text: string): void => {
  process.stdout.write(o.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
};

/** The master password: CREATORFLOW_MASTER_PASSWORD, else asked on the terminal (never a flag: it would land in shell history). */
async function masterPassword(prompt = '主密码 / master password: '): Promise<string> {
  const env = process.env.CREATORFLOW_MASTER_PASSWORD;
  if (env) return env;
  if (!process.stdin.isTTY) throw new Error('Set CREATORFLOW_MASTER_PASSWORD or run in a terminal to type the master password.');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

/** A private CLI server starts locked: unlock it when credentials are needed. */
async function unlock(client: ApiClient): Promise<void> {
  const status = await client.request<{ initialized: boolean; unlocked: boolean }>('GET', '/api/publish/vault');
  if (!status.initialized) throw new Error('No master password yet: run `creatorflow vault init` first.');
  if (!status.unlocked) await client.request('POST', '/api/publish/vault/unlock', { password: await masterPassword() });
}

interface LoginState {
  id: string;
  status: 'waiting' | 'logged_in' | 'failed';
  window: boolean;
  qr_image: string | null;
  nickname: string | null;
  error: string | null;
}

/** Without a window on the server's desktop, the QR code is written as a PNG the user can open. */
function saveQr(dataUrl: string, sessionId: string): string {
  const file = join(tmpdir(), `creatorflow-login-${sessionId}.png`);
  writeFileSync(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return file;
}

interface DeepCheck {
  platform: string;
  kind: string;
  flow_version: number;
  checked: string;
  ok: boolean;
  logged_in: boolean;
  nickname: string | null;
  steps: Array<{ index: number; name: string; do: string; selector: string | null; status: 'ok' | 'failed' | 'skipped' | 'unchecked'; note: string | null }>;
  failed_step: string | null;
  error: { code: string; message: string } | null;
  screenshot_url: string | null;
}

const STEP_MARK = { ok: '✔', failed: '✘', skipped: '–', unchecked: '?' } as const;

/** The page as the failed check left it, written where the user can open it. */
async function fetchScreenshot(c: ApiClient, path: string, accountId: string): Promise<string | undefined> {
  const response = await c.fetch(path);
  if (!response.ok) return undefined;
  const file = join(tmpdir(), `creatorflow-deep-check-${accountId}.png`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

/** One line per step, then the verdict: which step no longer matches and where the screenshot is. */
export function describeDeepCheck(r: DeepCheck, screenshot?: string): string {
  const head = `${r.platform} ${r.kind} flow v${r.flow_version} (selectors checked ${r.checked})${r.nickname ? ` as ${r.nickname}` : ''}`;
  const lines = r.steps.map((s) => `  ${STEP_MARK[s.status]} ${s.index}. ${s.name}${s.selector ? `  ${s.selector}` : ''}${s.note ? `  (${s.note})` : ''}`);
  const verdict = r.ok
    ? '✔ 页面与发布流程一致 the editor matches every step (nothing was published)'
    : `✘ 页面已变化 the page no longer matches at: ${r.failed_step ?? '?'}${r.error ? `\n  [${r.error.code}] ${r.error.message}` : ''}${screenshot ? `\n  screenshot: ${screenshot}` : ''}`;
  return [head, ...lines, verdict].join('\n');
}

function describeJob(j: Job): string {
  if (j.status === 'published') return `✔ ${j.platform} 已发布 published: ${j.result_url ?? '(no URL)'}`;
  if (j.status === 'needs_action') return `! ${j.platform} 需要处理 needs action (${j.action?.type}): ${j.action?.message ?? j.error_message ?? ''}${j.action?.publish_page_url ? `\n    ${j.action.publish_page_url}` : ''}`;
  if (j.status === 'failed') return `✘ ${j.platform} 失败 failed [${j.error_code}]: ${j.error_message}`;
  return `… ${j.platform} ${j.status} (run at ${j.run_at})`;
}

async function follow(client: ApiClient, ids: string[]): Promise<Job[]> {
  const done = new Map<string, Job>();
  while (done.size < ids.length) {
    for (const id of ids) {
      if (done.has(id)) continue;
      const job = await client.request<Job>('GET', `/api/publish/jobs/${id}`);
      if (['published', 'failed', 'cancelled', 'needs_action'].includes(job.status)) {
        done.set(id, job);
        process.stderr.write(`${describeJob(job)}\n`);
      }
    }
    if (done.size < ids.length) await new Promise((r) => setTimeout(r, 1000));
  }
  return ids.map((id) => done.get(id)!);
}

export const publishCommands: CommandModule = (program) => {
  const vault = program.command('vault').description('Credential vault: master password / 凭据保险库');
  for (const [name, desc] of [['init', 'set the master password'], ['unlock', 'check the master password'], ['status', 'show vault status']] as const) {
    withConnection(vault.command(name).description(desc)).action((o: Conn) =>
      withClient(o, async (c) => {
        if (name === 'init') await c.request('POST', '/api/publish/vault/init', { password: await masterPassword('新主密码 / new master password: ') });
        if (name === 'unlock') await c.request('POST', '/api/publish/vault/unlock', { password: await masterPassword() });
        const s = await c.request<{ initialized: boolean; unlocked: boolean; forgotten_password: string }>('GET', '/api/publish/vault');
        out(o, s, `initialized: ${s.initialized}, unlocked: ${s.unlocked}\n${s.forgotten_password}`);
      }),
    );
  }
  withConnection(vault.command('reset').description('forgotten password: delete every credential').requiredOption('--yes-delete-all-credentials', 'confirm')).action((o: Conn) =>
    withClient(o, async (c) => out(o, await c.request('POST', '/api/publish/vault/reset', { confirm: 'DELETE ALL CREDENTIALS' }), 'Vault reset: every credential was deleted. Set a new master password and log in to each account again.')),
  );
  withConnection(vault.command('wipe-cloud').description('delete every cloud copy of every credential')).action((o: Conn) =>
    withClient(o, async (c) => {
      const r = await c.request<{ deleted: number }>('POST', '/api/publish/vault/wipe-cloud');
      out(o, r, `Deleted ${r.deleted} cloud copies.`);
    }),
  );

  const accounts = program.command('accounts').description('Platform accounts / 账号矩阵');
  withConnection(
    accounts
      .command('add <platform> <name>')
      .description(`add an account (${publishPlatforms().map((p) => p.id).join(', ')})`)
      .option('--mode <mode>', 'credential mode: local | sync | oauth', 'local')
      .option('--app-id <id>', 'wechat_mp AppID')
      .option('--app-secret-env <VAR>', 'wechat_mp: read the AppSecret from this environment variable', 'WECHAT_APP_SECRET')
      .option('--api-base-url <url>', 'wechat_mp API base URL (proxy)')
      .option('--base-url <url>', 'browser platforms: site address'),
  ).action((platform: string, name: string, o: Conn & { mode: string; appId?: string; appSecretEnv: string; apiBaseUrl?: string; baseUrl?: string }) =>
    withClient(o, async (c) => {
      const appSecret = platform === 'wechat_mp' ? process.env[o.appSecretEnv] : undefined;
      if (platform === 'wechat_mp' && !appSecret) throw new Error(`Put the AppSecret in $${o.appSecretEnv} (kept out of shell history), then run again.`);
      if (appSecret) await unlock(c);
      const a = await c.request<{ id: string }>('POST', '/api/publish/accounts', { platform, name, credential_mode: o.mode, app_id: o.appId, app_secret: appSecret, api_base_url: o.apiBaseUrl, base_url: o.baseUrl });
      out(o, a, `Added ${platform}:${name} (${a.id})`);
    }),
  );
  accountOAuthCommands(accounts, accountId);
  withConnection(accounts.command('list').description('list accounts')).action((o: Conn) =>
    withClient(o, async (c) => {
      const r = await c.request<{ accounts: Array<Record<string, unknown>> }>('GET', '/api/publish/accounts');
      out(o, r, r.accounts.map((a) => `${a.platform}:${a.name}\t${a.nickname ?? '-'}\t${a.login_status}\t${a.credential_mode}\t${a.id}`).join('\n') || '(no accounts)');
    }),
  );
  withConnection(
    accounts
      .command('check <account>')
      .description('check the login of platform:name or an id; --deep opens the editor and verifies every step of the flow (nothing is published)')
      .option('--deep', 'deep check: every selector of the publish flow against the live editor')
      .option('--kind <kind>', 'with --deep: article, image_note, video or short_post (default: the first non-video kind)')
      .option('--video <asset>', 'with --deep: an asset:// video uploaded as the sample, so a video flow is checked past the upload'),
  ).action((ref: string, o: Conn & { deep?: boolean; kind?: string; video?: string }) =>
    withClient(o, async (c) => {
      await unlock(c);
      const id = await accountId(c, ref);
      if (!o.deep) {
        const r = await c.request<{ logged_in: boolean; nickname: string | null; reason: string | null }>('POST', `/api/publish/accounts/${id}/check`);
        return out(o, r, r.logged_in ? `✔ logged in as ${r.nickname ?? '?'}` : `✘ not logged in: ${r.reason}`);
      }
      const r = await c.request<DeepCheck>('POST', `/api/publish/accounts/${id}/deep-check`, { ...(o.kind ? { kind: o.kind } : {}), ...(o.video ? { video_uri: o.video } : {}) });
      const screenshot = r.screenshot_url ? await fetchScreenshot(c, r.screenshot_url, id) : undefined;
      out(o, { ...r, screenshot_file: screenshot ?? null }, describeDeepCheck(r, screenshot));
      // A page that no longer matches is a failure for scripts (cron, CI) that run the check.
      if (!r.ok) process.exitCode = 1;
    }),
  );
  withConnection(accounts.command('login <account>').description('log in: opens a browser window (QR or password), or --cookies').option('--cookies <header>', 'paste cookies "a=1; b=2" instead')).action(
    (ref: string, o: Conn & { cookies?: string }) =>
      withClient(o, async (c) => {
        await unlock(c);
        const id = await accountId(c, ref);
        if (o.cookies) return out(o, await c.request('POST', `/api/publish/accounts/${id}/cookies`, { cookies: o.cookies }), 'Cookies stored in the vault.');
        const s = await c.request<LoginState>('POST', `/api/publish/accounts/${id}/login`, {});
        if (s.window) process.stderr.write('在打开的浏览器窗口中扫码或输入密码登录… / Log in in the browser window…\n');
        let qrShown = false;
        for (;;) {
          const st = await c.request<LoginState>('GET', `/api/publish/accounts/${id}/login/${s.id}`);
          if (st.status === 'logged_in') return out(o, st, `✔ logged in as ${st.nickname ?? '?'}`);
          if (st.status === 'failed') throw new Error(`Login failed: ${st.error}`);
          if (!st.window && st.qr_image && !qrShown) {
            qrShown = true;
            process.stderr.write(`用手机 App 扫描二维码登录 / Scan this QR code with the platform's app: ${saveQr(st.qr_image, s.id)}\n`);
          }
          await new Promise((r) => setTimeout(r, 1000));
        }
      }),
  );

  withConnection(
    program
      .command('publish <work>')
      .description('publish a library work to accounts now, at a time, or as a batch / 一键发布')
      .requiredOption('--to <accounts>', 'comma-separated platform:name or ids')
      .option('--at <time>', 'ISO time to publish at (scheduled)')
      .option('--late <policy>', 'when the machine wakes late: run | ask', 'run')
      .option('--spacing <seconds>', 'batch: seconds between jobs of one account', (v) => Number(v))
      .option('--jitter <seconds>', 'batch: random extra seconds', (v) => Number(v))
      .option('--wait', 'follow the jobs to their end'),
  ).action((work: string, o: Conn & { to: string; at?: string; late: string; spacing?: number; jitter?: number; wait?: boolean }) =>
    withClient(o, async (c) => {
      const at = o.at ? new Date(o.at) : undefined;
      if (at && Number.isNaN(at.getTime())) throw new Error(`--at '${o.at}' is not a time; use ISO 8601, e.g. 2026-12-01T20:00:00+08:00`);
      const works = work.split(',').map((w) => w.trim()).filter(Boolean);
      const r = await c.request<{ jobs: Job[] }>('POST', '/api/publish/jobs', {
        ...(works.length > 1 ? { works } : { work_id: works[0] }),
        to: o.to.split(',').map((t) => t.trim()).filter(Boolean),
        at: at?.toISOString(),
        late_policy: o.late,
        spacing_seconds: o.spacing,
        jitter_seconds: o.jitter,
      });
      process.stderr.write(r.jobs.map((j) => `job ${j.id} → ${j.platform} (${j.status}, ${j.run_at})`).join('\n') + '\n');
      const jobs = o.wait ? await follow(c, r.jobs.map((j) => j.id)) : r.jobs;
      out(o, jobs, jobs.map(describeJob).join('\n'));
      if (o.wait && jobs.some((j) => j.status !== 'published')) process.exitCode = 2;
    }),
  );

  const jobs = program.command('jobs').description('Publish jobs / 发布任务');
  withConnection(jobs.command('list').description('list jobs').option('--status <status>', 'filter by status')).action((o: Conn & { status?: string }) =>
    withClient(o, async (c) => {
      // The first page, newest first (`{ items, next_cursor }`).
      const r = await c.request<Page<Job>>('GET', `/api/publish/jobs${o.status ? `?status=${encodeURIComponent(o.status)}` : ''}`);
      out(o, r, r.items.map((j) => `${j.id}\t${j.platform}\t${j.status}\t${j.run_at}\t${j.title}`).join('\n') || '(no jobs)');
    }),
  );
  withConnection(jobs.command('show <id>').description('a job with its attempts')).action((id: string, o: Conn) =>
    withClient(o, async (c) => {
      const j = await c.request<Job>('GET', `/api/publish/jobs/${id}`);
      const lines = (j.attempts ?? []).map((a) => `  #${a.number} ${a.method} ${a.status} ${a.duration_ms ?? '-'}ms ${a.error_code ?? ''} ${a.error_message ?? ''}${a.screenshot_url ? ` screenshot: ${a.screenshot_url}` : ''}`);
      out(o, j, [describeJob(j), ...lines, ...(j.action?.checklist ?? []).map((s, i) => `  ${i + 1}. ${s}`)].join('\n'));
    }),
  );
  for (const verb of ['cancel', 'retry'] as const) {
    withConnection(jobs.command(`${verb} <id>`).description(`${verb} a job`)).action((id: string, o: Conn) =>
      withClient(o, async (c) => {
        const j = await c.request<Job>('POST', `/api/publish/jobs/${id}/${verb}`);
        out(o, j, describeJob(j));
      }),
    );
  }
  withConnection(jobs.command('done <id> <url>').description('assist: the post is published by hand at <url>')).action((id: string, url: string, o: Conn) =>
    withClient(o, async (c) => out(o, await c.request<Job>('POST', `/api/publish/jobs/${id}/complete`, { url }), 'Marked as published.')),
  );
};

async function accountId(c: ApiClient, ref: string): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return ref;
  const r = await c.request<{ accounts: Array<{ id: string; platform: string; name: string }> }>('GET', '/api/publish/accounts');
  const found = r.accounts.find((a) => `${a.platform}:${a.name}` === ref);
  if (!found) throw new Error(`No account '${ref}'. See \`creatorflow accounts list\`; write it as platform:name.`);
  return found.id;
}
