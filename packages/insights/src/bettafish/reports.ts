import { CreatorFlowError, NotFoundError, ValidationError, newUuid, systemClock, type Clock } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { FetchPort } from '../trends/types.ts';
import { BettaFishClient } from './client.ts';

/**
 * Public-opinion reports (舆情报告) through BettaFish. A report walks BettaFish's
 * own flow: `searching` (its three engines gather and analyse the topic, minutes),
 * `generating` (its report engine writes the report, task_id + progress), then
 * `completed` with the HTML stored here, or `failed` with a code. Nothing runs in
 * the background: whoever looks at a report (the page polling, the graph tool
 * waiting) advances it one step, so it survives restarts and needs no worker.
 */
export type ReportStage = 'searching' | 'generating' | 'completed' | 'failed';

export interface OpinionReport {
  id: string;
  workspaceId: string;
  topic: string;
  stage: ReportStage;
  taskId: string | null;
  progress: number;
  errorCode: string | null;
  errorMessage: string | null;
  html: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

interface Row {
  id: string;
  workspace_id: string;
  topic: string;
  stage: ReportStage;
  task_id: string | null;
  progress: number;
  error_code: string | null;
  error_message: string | null;
  html: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const toReport = (r: Row): OpinionReport => ({
  id: r.id, workspaceId: r.workspace_id, topic: r.topic, stage: r.stage, taskId: r.task_id, progress: Number(r.progress), errorCode: r.error_code, errorMessage: r.error_message,
  html: r.html, createdAt: date(r.created_at), updatedAt: date(r.updated_at), finishedAt: r.finished_at ? date(r.finished_at) : null,
});

/** The BettaFish server of this process, from BETTAFISH_URL (read when used, so it can be set without a rebuild). */
export function bettafishUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.BETTAFISH_URL?.trim();
  return raw ? raw : undefined;
}

export interface OpinionReportsDeps {
  database: Database;
  clock?: Clock;
  /** The BettaFish server set by whoever runs CreatorFlow (BETTAFISH_URL); it wins over a workspace's own. */
  serverUrl: () => string | undefined;
  /** Fetch for the server's BETTAFISH_URL (a plain fetch: the operator chose it). */
  http?: FetchPort;
  /** Fetch for an address a workspace typed in: the egress (SSRF) guard in cloud mode. */
  userHttp?: FetchPort;
  /** How long the engines may search before the report gives up (default 40 min). */
  searchTimeoutMs?: number;
}

export interface BettaFishConnection {
  url: string;
  source: 'server' | 'workspace';
}

const ADDRESS_HINT = 'must be an http(s) address such as http://127.0.0.1:5000';

export class OpinionReports {
  readonly #clock: Clock;
  constructor(private readonly deps: OpinionReportsDeps) {
    this.#clock = deps.clock ?? systemClock;
  }

  /** The BettaFish server a workspace uses: BETTAFISH_URL, else the one it connected. */
  async connection(workspaceId: string): Promise<BettaFishConnection | undefined> {
    const server = this.deps.serverUrl();
    if (server) return { url: server, source: 'server' };
    const rows = await this.deps.database.query<{ url: string }>(`SELECT url FROM bettafish_connections WHERE workspace_id = $1`, [workspaceId]);
    return rows[0] ? { url: rows[0].url, source: 'workspace' } : undefined;
  }

  /**
   * Connects a workspace to a BettaFish server (null disconnects) after checking
   * that it answers BettaFish's report status; the check goes through the user fetch.
   */
  async connect(workspaceId: string, url: string | null): Promise<BettaFishConnection | undefined> {
    if (url === null) {
      await this.deps.database.query(`DELETE FROM bettafish_connections WHERE workspace_id = $1`, [workspaceId]);
      return this.connection(workspaceId);
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new ValidationError('not an http(s) address', [{ path: 'url', message: ADDRESS_HINT }]);
    const clean = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
    await new BettaFishClient(clean, this.deps.userHttp ?? this.deps.http).enginesReady();
    await this.deps.database.query(
      `INSERT INTO bettafish_connections (workspace_id, url, updated_at) VALUES ($1, $2, $3) ON CONFLICT (workspace_id) DO UPDATE SET url = EXCLUDED.url, updated_at = EXCLUDED.updated_at`,
      [workspaceId, clean, this.#clock.now()],
    );
    return this.connection(workspaceId);
  }

  async #client(workspaceId: string): Promise<BettaFishClient> {
    const connection = await this.connection(workspaceId);
    if (!connection) throw new CreatorFlowError('BETTAFISH_NOT_CONFIGURED', 'No BettaFish server is connected: connect one on the 舆情报告 page or set BETTAFISH_URL', { status: 409 });
    return new BettaFishClient(connection.url, connection.source === 'server' ? this.deps.http : (this.deps.userHttp ?? this.deps.http));
  }

  /** Hands the topic to BettaFish's engines and records the report; fails at once when BettaFish is missing, down or not started. */
  async start(workspaceId: string, topic: string, userId?: string): Promise<OpinionReport> {
    const client = await this.#client(workspaceId);
    await client.search(topic);
    const now = this.#clock.now();
    const rows = await this.deps.database.query<Row>(
      `INSERT INTO bettafish_reports (id, workspace_id, topic, stage, created_by, created_at, updated_at) VALUES ($1, $2, $3, 'searching', $4, $5, $5) RETURNING *`,
      [newUuid(), workspaceId, topic, userId ?? null, now],
    );
    return toReport(rows[0]!);
  }

  async list(workspaceId: string, limit = 30): Promise<OpinionReport[]> {
    const rows = await this.deps.database.query<Row>(
      `SELECT id, workspace_id, topic, stage, task_id, progress, error_code, error_message, NULL AS html, created_at, updated_at, finished_at
         FROM bettafish_reports WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [workspaceId, limit],
    );
    return rows.map(toReport);
  }

  async get(workspaceId: string, id: string): Promise<OpinionReport> {
    const rows = /^[0-9a-f-]{36}$/i.test(id) ? await this.deps.database.query<Row>(`SELECT * FROM bettafish_reports WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]) : [];
    if (!rows[0]) throw new NotFoundError('report', id);
    return toReport(rows[0]);
  }

  /** The report after one step of BettaFish's flow (a finished one as it is). */
  async advance(workspaceId: string, id: string): Promise<OpinionReport> {
    const report = await this.get(workspaceId, id);
    if (report.stage === 'completed' || report.stage === 'failed') return report;
    // Disconnected meanwhile: the report stays where it was until a server is connected again.
    if (!(await this.connection(workspaceId))) return report;
    const client = await this.#client(workspaceId);
    try {
      if (report.stage === 'searching') {
        if (this.#clock.nowMs() - report.createdAt.getTime() > (this.deps.searchTimeoutMs ?? 40 * 60_000)) {
          return await this.#fail(report, 'BETTAFISH_ENGINES_TIMEOUT', 'BettaFish engines did not finish their analysis in time');
        }
        if (!(await client.enginesReady())) return await this.#touch(report);
        const answer = await client.generate(report.topic);
        // Busy (another report is being written) or not ready yet: ask again on the next look.
        if (!answer.started) return await this.#touch(report);
        return await this.#update(report, { stage: 'generating', task_id: answer.task.taskId, progress: answer.task.progress }, `stage = 'searching'`);
      }
      const task = await client.progress(report.taskId!);
      if (task.status === 'error' || task.status === 'cancelled') {
        return await this.#fail(report, 'BETTAFISH_REPORT_FAILED', task.errorMessage || (task.status === 'cancelled' ? '任务已取消' : 'report failed'));
      }
      if (task.status !== 'completed') return await this.#update(report, { progress: Math.max(report.progress, task.progress) });
      const html = await client.result(task.taskId);
      if (html === undefined) return await this.#fail(report, 'BETTAFISH_TASK_LOST', 'BettaFish no longer has this report (it keeps only its last few tasks)');
      return await this.#update(report, { stage: 'completed', progress: 100, html, finished_at: this.#clock.now() });
    } catch (error) {
      // A BettaFish that is briefly down leaves the report where it was; anything else ends it.
      if (error instanceof CreatorFlowError && (error.code === 'BETTAFISH_UNREACHABLE' || error.code === 'BETTAFISH_BAD_ANSWER')) {
        return { ...(await this.#touch(report)), errorCode: error.code, errorMessage: error.message };
      }
      throw error;
    }
  }

  /** Advances a report until it is finished or `timeoutMs` passes (the graph tool). */
  async waitFor(workspaceId: string, id: string, options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal; sleep?: (ms: number) => Promise<void> }): Promise<OpinionReport> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const until = Date.now() + options.timeoutMs;
    for (;;) {
      const report = await this.advance(workspaceId, id);
      if (report.stage === 'completed' || report.stage === 'failed' || Date.now() >= until || options.signal?.aborted) return report;
      await sleep(options.intervalMs ?? 5_000);
    }
  }

  async #touch(report: OpinionReport): Promise<OpinionReport> {
    return this.#update(report, {});
  }

  async #fail(report: OpinionReport, code: string, message: string): Promise<OpinionReport> {
    return this.#update(report, { stage: 'failed', error_code: code, error_message: message.slice(0, 2000), finished_at: this.#clock.now() });
  }

  async #update(report: OpinionReport, set: Record<string, unknown>, guard = 'true'): Promise<OpinionReport> {
    const entries = Object.entries({ ...set, updated_at: this.#clock.now() });
    const assignments = entries.map(([column], i) => `${column} = $${i + 3}`).join(', ');
    const rows = await this.deps.database.query<Row>(
      `UPDATE bettafish_reports SET ${assignments} WHERE id = $1 AND workspace_id = $2 AND ${guard} RETURNING *`,
      [report.id, report.workspaceId, ...entries.map(([, value]) => value)],
    );
    // Another copy moved it first: read what it wrote.
    return rows[0] ? toReport(rows[0]) : this.get(report.workspaceId, report.id);
  }
}

/** The report as plain text for a model (tags, scripts and styles dropped, whitespace folded). */
export function reportText(html: string, max = 20_000): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|h[1-6]|li|tr|div|section)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim()
    .slice(0, max);
}
