import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of a BettaFish server (666ghj/BettaFish: app.py and
 * ReportEngine/flask_interface.py, checked 2026-12-02), answering what the real
 * one answers:
 * - POST /api/search {query} → {success, query, results} once the system is started
 *   (else {success: false, message: '没有运行中的应用'}); the three analysis engines
 *   then write their reports, which the fake does after `searchPolls` status reads.
 * - GET /api/report/status → {success, initialized, engines_ready, files_found, missing_files, current_task}.
 * - POST /api/report/generate {query, custom_template} → {success, task_id: 'report_<unix s>', message,
 *   task, stream_url}; 400 {success: false, error: '已有报告生成任务在运行中', current_task} while one runs;
 *   400 {success: false, error: '输入文件未准备就绪', missing_files} before the engines wrote anything.
 * - GET /api/report/progress/<task_id> → {success, task: {task_id, query, status, progress, error_message, …}};
 *   a task it does not know answers a made-up completed task (as BettaFish does after pruning).
 * - GET /api/report/result/<task_id> → the report as text/html; 404 {success: false, error: '任务不存在'};
 *   400 {success: false, error: '报告尚未完成', task} before it is done.
 * Each progress read advances a running task by `step` percent.
 */
export interface FakeBettaFishOptions {
  /** Status reads before the engines' files exist after a search (default 1). */
  searchPolls?: number;
  /** Progress percent per read (default 50). */
  step?: number;
  /** Fail the report at this progress with this message. */
  failAt?: { progress: number; message: string };
  /** The system was not started in BettaFish's own page: /api/search answers no running apps. */
  notStarted?: boolean;
}

interface Task {
  task_id: string;
  query: string;
  status: 'pending' | 'running' | 'completed' | 'error' | 'cancelled';
  progress: number;
  error_message: string;
  created_at: string;
  updated_at: string;
}

export interface FakeBettaFish {
  url: string;
  /** Every request path, in order. */
  requests: string[];
  tasks: Map<string, Task>;
  /** Forget every task (BettaFish keeps only its last five in memory). */
  forget(): void;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const toDict = (t: Task) => ({
  ...t,
  has_result: t.status === 'completed',
  report_file_ready: t.status === 'completed',
  report_file_name: t.status === 'completed' ? `final_report_${t.task_id}.html` : '',
  report_file_path: '',
  state_file_ready: false,
  state_file_path: '',
});

export async function startFakeBettaFish(options: FakeBettaFishOptions = {}): Promise<FakeBettaFish> {
  const tasks = new Map<string, Task>();
  const requests: string[] = [];
  let searched: string | undefined;
  let statusReads = 0;
  let seq = 0;
  const step = options.step ?? 50;
  const enginesReady = () => searched !== undefined && statusReads >= (options.searchPolls ?? 1);
  const running = () => [...tasks.values()].find((t) => t.status === 'running');

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://bettafish');
      requests.push(`${req.method} ${url.pathname}`);
      const path = url.pathname;
      if (req.method === 'POST' && path === '/api/search') {
        const body = await readJson(req);
        const query = String(body.query ?? '').trim();
        if (!query) return send(res, 200, { success: false, message: '搜索查询不能为空' });
        if (options.notStarted) return send(res, 200, { success: false, message: '没有运行中的应用' });
        searched = query;
        statusReads = 0;
        return send(res, 200, { success: true, query, results: { insight: { success: true }, media: { success: true }, query: { success: true } } });
      }
      if (req.method === 'GET' && path === '/api/report/status') {
        if (searched !== undefined) statusReads++;
        const ready = enginesReady();
        const current = running();
        return send(res, 200, {
          success: true, initialized: true, engines_ready: ready,
          files_found: ready ? ['insight_engine_streamlit_reports/report.md', 'media_engine_streamlit_reports/report.md', 'query_engine_streamlit_reports/report.md'] : [],
          missing_files: ready ? [] : ['insight_engine_streamlit_reports', 'media_engine_streamlit_reports', 'query_engine_streamlit_reports'],
          current_task: current ? toDict(current) : null,
        });
      }
      if (req.method === 'POST' && path === '/api/report/generate') {
        const body = await readJson(req);
        const current = running();
        if (current) return send(res, 400, { success: false, error: '已有报告生成任务在运行中', current_task: toDict(current) });
        if (!enginesReady()) return send(res, 400, { success: false, error: '输入文件未准备就绪', missing_files: ['insight_engine_streamlit_reports', 'media_engine_streamlit_reports', 'query_engine_streamlit_reports'] });
        const now = new Date().toISOString();
        const task_id = `report_${Math.floor(Date.now() / 1000) + seq++}`;
        const task: Task = { task_id, query: String(body.query ?? '智能舆情分析报告'), status: 'running', progress: 5, error_message: '', created_at: now, updated_at: now };
        tasks.set(task_id, task);
        searched = undefined;
        return send(res, 200, { success: true, task_id, message: '报告生成已启动', task: toDict(task), stream_url: `/api/report/stream/${task_id}` });
      }
      const progress = /^\/api\/report\/progress\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && progress) {
        const task = tasks.get(progress[1]!);
        if (!task) {
          return send(res, 200, { success: true, task: { task_id: progress[1], status: 'completed', progress: 100, error_message: '', has_result: true, report_file_ready: false, report_file_name: '', report_file_path: '', state_file_ready: false, state_file_path: '' } });
        }
        if (task.status === 'running') {
          task.progress = Math.min(100, task.progress + step);
          task.updated_at = new Date().toISOString();
          if (options.failAt && task.progress >= options.failAt.progress) {
            task.status = 'error';
            task.progress = 0;
            task.error_message = options.failAt.message;
          } else if (task.progress >= 100) task.status = 'completed';
        }
        return send(res, 200, { success: true, task: toDict(task) });
      }
      const result = /^\/api\/report\/result\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && result) {
        const task = tasks.get(result[1]!);
        if (!task) return send(res, 404, { success: false, error: '任务不存在' });
        if (task.status !== 'completed') return send(res, 400, { success: false, error: '报告尚未完成', task: toDict(task) });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${task.query} 舆情分析报告</title><script>window.__ran = true</script></head><body><h1>${task.query} 舆情分析报告</h1><h2>一、舆情概况</h2><p>全网讨论量较上周上升 38%，正面情绪占 61%。</p><h2>二、情感分布</h2><ul><li>正面 61%</li><li>中性 27%</li><li>负面 12%</li></ul></body></html>`);
        return;
      }
      send(res, 404, { success: false, error: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tasks,
    forget: () => tasks.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
