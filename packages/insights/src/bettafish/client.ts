import { CreatorFlowError } from '@creatorflow/core';
import type { FetchPort } from '../trends/types.ts';

/**
 * HTTP client of a BettaFish server (666ghj/BettaFish, checked 2026-12-02):
 * app.py serves `POST /api/search` (hands the query to the Insight, Media and
 * Query engines, which write their reports in the background) and mounts
 * ReportEngine/flask_interface.py under `/api/report`:
 *   GET  /status                 {success, initialized, engines_ready, files_found, missing_files, current_task}
 *   POST /generate {query}       {success, task_id, message, task, stream_url}; 400 {success: false, error, …}
 *   GET  /progress/<task_id>     {success, task: {task_id, status: pending|running|completed|error|cancelled, progress, error_message, …}}
 *   GET  /result/<task_id>       the report as text/html; 404 {error: '任务不存在'}, 400 {error: '报告尚未完成'}
 * The report engine runs one task at a time ('已有报告生成任务在运行中') and only
 * after the three engines have written new files ('输入文件未准备就绪').
 * BETTAFISH_URL is set by whoever runs CreatorFlow (not by a workspace user),
 * and BettaFish usually sits beside it on a private address, so this is a plain fetch.
 */
export interface BettaFishTask {
  taskId: string;
  status: 'pending' | 'running' | 'completed' | 'error' | 'cancelled';
  progress: number;
  errorMessage: string;
}

export type GenerateAnswer = { started: true; task: BettaFishTask } | { started: false; reason: 'busy' | 'not_ready'; message: string };

const TIMEOUT_MS = 20_000;

function fail(code: string, message: string, status = 502, retryable = true): CreatorFlowError {
  return new CreatorFlowError(code, message, { status, retryable });
}

function taskOf(raw: unknown): BettaFishTask {
  const t = (raw ?? {}) as Record<string, unknown>;
  const status = String(t.status ?? '');
  if (typeof t.task_id !== 'string' || !['pending', 'running', 'completed', 'error', 'cancelled'].includes(status)) {
    throw fail('BETTAFISH_BAD_ANSWER', 'BettaFish answered a task without task_id or a known status');
  }
  return { taskId: t.task_id, status: status as BettaFishTask['status'], progress: Math.max(0, Math.min(100, Number(t.progress) || 0)), errorMessage: typeof t.error_message === 'string' ? t.error_message : '' };
}

export class BettaFishClient {
  readonly baseUrl: string;
  constructor(baseUrl: string, private readonly http: FetchPort = { fetch: (url, init) => fetch(url, init) }) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async #call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string; type: string }> {
    let response: Response;
    try {
      response = await this.http.fetch(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      // The egress guard's refusal (FETCH_BLOCKED_HOST) says more than "unreachable".
      if (cause instanceof CreatorFlowError) throw cause;
      throw new CreatorFlowError('BETTAFISH_UNREACHABLE', `BettaFish at ${this.baseUrl} cannot be reached: ${(cause as Error).message}`, { status: 502, retryable: true, cause });
    }
    return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
  }

  #json(answer: { status: number; text: string }): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(answer.text);
      if (value && typeof value === 'object') return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw fail('BETTAFISH_BAD_ANSWER', `BettaFish answered HTTP ${answer.status} without JSON`);
  }

  /** Starts the three analysis engines on a topic (BettaFish's own search box). */
  async search(query: string): Promise<void> {
    const body = this.#json(await this.#call('POST', '/api/search', { query }));
    if (body.success !== true) {
      const message = String(body.message ?? body.error ?? '');
      if (message.includes('没有运行中的应用')) throw fail('BETTAFISH_NOT_STARTED', `BettaFish has no running engines: ${message}`, 409, false);
      throw fail('BETTAFISH_REFUSED', `BettaFish refused the search: ${message}`, 502, false);
    }
  }

  /** Whether the engines have written new reports the report engine can use. */
  async enginesReady(): Promise<boolean> {
    const answer = await this.#call('GET', '/api/report/status');
    const body = this.#json(answer);
    if (body.success !== true) throw fail('BETTAFISH_BAD_ANSWER', `BettaFish status failed: ${String(body.error ?? answer.status)}`);
    return body.engines_ready === true;
  }

  async generate(query: string): Promise<GenerateAnswer> {
    const answer = await this.#call('POST', '/api/report/generate', { query });
    const body = this.#json(answer);
    if (body.success === true) return { started: true, task: taskOf({ ...(body.task as object), task_id: body.task_id }) };
    const message = String(body.error ?? '');
    if (answer.status === 400 && body.current_task) return { started: false, reason: 'busy', message };
    if (answer.status === 400 && Array.isArray(body.missing_files)) return { started: false, reason: 'not_ready', message };
    throw fail('BETTAFISH_REFUSED', `BettaFish refused the report: ${message || `HTTP ${answer.status}`}`);
  }

  async progress(taskId: string): Promise<BettaFishTask> {
    const answer = await this.#call('GET', `/api/report/progress/${encodeURIComponent(taskId)}`);
    const body = this.#json(answer);
    if (body.success !== true) throw fail('BETTAFISH_BAD_ANSWER', `BettaFish progress failed: ${String(body.error ?? answer.status)}`);
    return taskOf(body.task);
  }

  /** The finished report's HTML; undefined when BettaFish no longer has the task. */
  async result(taskId: string): Promise<string | undefined> {
    const answer = await this.#call('GET', `/api/report/result/${encodeURIComponent(taskId)}`);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200 || !answer.type.includes('html')) {
      const body = answer.type.includes('json') ? this.#json(answer) : {};
      throw fail('BETTAFISH_BAD_ANSWER', `BettaFish result failed: ${String(body.error ?? `HTTP ${answer.status}`)}`);
    }
    return answer.text;
  }
}
