// Load benchmark (issue 17 item 6): autocannon against a real local-mode `creatorflow start`
// (the compiled CLI): the REST API, the /v1 gateway (against the bare Node proxy in the same
// run), and run events over SSE fanned out to 1,000 subscribers; then the default per-user
// API limit against a burst at a browser's six connections.
// Usage: node --import tsx bench/load/run.ts   (BENCH_SECONDS=10 per autocannon row, BENCH_SSE=1000)
// Traffic goes to 127.0.0.1 only; every loop is bounded in count or time.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Options, type Result } from 'autocannon';
import { startFakeLlm } from '@creatorflow/testing/fake-llm/index';
import { chatBody, startServers } from '../gateway/processes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SUBSCRIBERS = Number(process.env.BENCH_SSE ?? 1000);
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  process.stderr.write(`${line}\n`);
};

interface Local {
  url: string;
  token: string;
  child: ChildProcess;
  home: string;
  stop(): Promise<void>;
}

const children: ChildProcess[] = [];
// A failed run must not leave servers behind.
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** A real `creatorflow start` on a new home; resolves once it printed its link. */
async function startLocal(env: Record<string, string>): Promise<Local> {
  const home = mkdtempSync(join(tmpdir(), 'cf-bench-load-'));
  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/cli/dist/main.js', 'start', '--home', home, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 240_000;
  for (;;) {
    const open = /Open:\s+(http:\/\/[^\s/]+)\/\?token=([\w-]+)/.exec(stdout);
    if (open) {
      return {
        url: open[1]!,
        token: open[2]!,
        child,
        home,
        async stop() {
          child.kill('SIGINT');
          await exited;
          rmSync(home, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`creatorflow start did not come up: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function api<T>(local: Local, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${local.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${local.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** User + system CPU of a process so far, in ms (clock ticks are 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Requests per second depend on how the server, autocannon and every other process share
 * the two cores; the server's CPU time per answered request does not, and is the column to
 * compare between runs on a busy machine.
 */
const HEADER = '| target | connections | req/s (mean) | latency p50 / p99 (ms) | requests | non-2xx | errors | server CPU ms / request |\n|---|---:|---:|---|---:|---:|---:|---:|';
async function row(label: string, pid: number, options: Options): Promise<Result & { cpuPerRequest: number }> {
  const before = cpuMs(pid);
  const result = await autocannon({ duration: SECONDS, ...options });
  const cpuPerRequest = (cpuMs(pid) - before) / Math.max(1, result.requests.total);
  say(`| ${label} | ${options.connections ?? 10} | ${result.requests.mean.toFixed(0)} | ${result.latency.p50} / ${result.latency.p99} | ${result.requests.total} | ${result.non2xx} | ${result.errors + result.timeouts} | ${cpuPerRequest.toFixed(2)} |`);
  return { ...result, cpuPerRequest };
}

const DRAFT = '# 骑行通勤\n\n骑车上班，省钱又健康。\n\n## 路线\n\n尽量选择有自行车道的道路。';
const llm = await startFakeLlm({
  rules: [
    { match: '最需要配图', reply: { json: { illustrations: [] } } },
    { match: '生成大纲', reply: { text: '## 一、路线\n## 二、装备' } },
    { match: '撰写正文', reply: { chunks: DRAFT.split(/(?<=\n\n)/) } },
    { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
    { match: '标题候选', reply: { json: { titles: ['骑行通勤指南', '骑车上班的三个理由', '通勤新方式'], tags: ['骑行', '通勤'] } } },
  ],
});
const llmEnv = { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: `${llm.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' };

const { ensureServerBuild } = (await import(new URL('../../scripts/build-server.mjs', import.meta.url).href)) as { ensureServerBuild(): Promise<boolean> };
await ensureServerBuild();
say(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start, Node ${process.version}, ${SECONDS} s per row, ${new Date().toISOString()}`);

// ---- 1. REST API, with the per-user limit lifted so the server's own capacity shows -------------
const local = await startLocal({ ...llmEnv, CREATORFLOW_RATE_LIMIT_API: '100000000' });
const auth = { authorization: `Bearer ${local.token}` };
for (let i = 0; i < 100; i++) await api(local, 'POST', '/api/ideas', { text: `选题 ${i}：春天的茶，小红书标题怎么写`, tags: ['茶', '小红书'] });
say('\n### REST API (local mode, limit lifted)\n');
say(HEADER);
const pid = local.child.pid!;
await row('GET /api/health (no auth, no database)', pid, { url: `${local.url}/api/health`, connections: 10 });
await row('GET /api/health', pid, { url: `${local.url}/api/health`, connections: 100 });
await row('GET /api/ideas?limit=20 (auth + PGlite read)', pid, { url: `${local.url}/api/ideas?limit=20`, connections: 10, headers: auth });
await row('GET /api/ideas?limit=20', pid, { url: `${local.url}/api/ideas?limit=20`, connections: 100, headers: auth });
await row('POST /api/ideas (auth + PGlite write + search index)', pid, {
  url: `${local.url}/api/ideas`,
  connections: 10,
  method: 'POST',
  headers: { ...auth, 'content-type': 'application/json' },
  body: JSON.stringify({ text: '压测选题：露营装备清单', tags: ['露营'] }),
});

// ---- 2. SSE fan-out: SUBSCRIBERS followers of one run's events -------------------------------------
say(`\n### SSE fan-out: ${SUBSCRIBERS} subscribers to one run's events\n`);
interface Subscriber {
  connectedAt?: number;
  seqs: number[];
  doneAt?: number;
}
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** A content-creation run held at its approval, `count` followers of its events, then the approval. */
async function fanOut(count: number): Promise<{ runId: string; subscribers: Subscriber[]; connected: number; finish: number[]; cpu: number }> {
  const started = await api<{ id: string }>(local, 'POST', '/api/runs', { graph: 'content-creation', inputs: { topic: '骑行通勤：路线、装备和安全' } });
  if (started.status !== 202) throw new Error(`run not started: ${JSON.stringify(started.body)}`);
  const runId = started.body.id;
  await until('the run to wait for approval', async () => (await api<{ status: string }>(local, 'GET', `/api/runs/${runId}`)).body.status, (s) => s === 'waiting' || s === 'failed');
  const subscribers: Subscriber[] = [];
  const ended: Array<Promise<void>> = [];
  const cpuBefore = cpuMs(pid);
  const connectStart = performance.now();
  for (let i = 0; i < count; i++) {
    const sub: Subscriber = { seqs: [] };
    subscribers.push(sub);
    ended.push(
      new Promise<void>((resolve, reject) => {
        const req = http.get(`${local.url}/api/runs/${runId}/events`, { agent, headers: auth }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`subscriber ${i}: HTTP ${res.statusCode}`));
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            sub.connectedAt ??= performance.now();
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const id = /^id: (\d+)$/m.exec(frame)?.[1];
              if (id) sub.seqs.push(Number(id));
              if (/^event: run_(completed|failed|cancelled)$/m.test(frame)) sub.doneAt = performance.now();
            }
          });
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.setTimeout(300_000, () => req.destroy(new Error('subscriber timed out')));
      }),
    );
  }
  // Connected = the server answered and sent what the run had so far (its replay).
  await until('every subscriber to receive the replay', async () => subscribers.filter((s) => s.connectedAt !== undefined && s.seqs.length > 0).length, (n) => n === count, 180_000);
  const connected = performance.now() - connectStart;
  const resumedAt = performance.now();
  const resumed = await api(local, 'POST', `/api/runs/${runId}/resume`, { data: { approved: true } });
  if (resumed.status >= 300) throw new Error(`resume failed: ${JSON.stringify(resumed.body)}`);
  await Promise.all(ended);
  return { runId, subscribers, connected, finish: subscribers.map((s) => s.doneAt! - resumedAt).sort((a, b) => a - b), cpu: cpuMs(pid) - cpuBefore };
}

const one = await fanOut(1);
const { runId, subscribers, connected, finish, cpu } = await fanOut(SUBSCRIBERS);
const reference = JSON.stringify(subscribers[0]!.seqs);
const identical = subscribers.filter((s) => JSON.stringify(s.seqs) === reference).length;
const pct = (p: number) => finish[Math.min(finish.length - 1, Math.ceil((p / 100) * finish.length) - 1)]!.toFixed(0);
say(`Baseline, the same run with 1 subscriber: approval → run_completed ${one.finish[0]!.toFixed(0)} ms; server CPU for the whole run ${one.cpu} ms.`);
say(`${SUBSCRIBERS} subscribers connected and received the replay in ${connected.toFixed(0)} ms (${(connected / SUBSCRIBERS).toFixed(1)} ms each). After the approval each received the rest of the run through run_completed:`);
say(`approval → run_completed at the subscribers: first ${finish[0]!.toFixed(0)} ms, p50 ${pct(50)} ms, p99 ${pct(99)} ms, last ${finish.at(-1)!.toFixed(0)} ms (${(finish.at(-1)! / one.finish[0]!).toFixed(2)}× the 1-subscriber run); server CPU for connecting and serving all ${SUBSCRIBERS} and the run ${cpu} ms (${((cpu - one.cpu) / SUBSCRIBERS).toFixed(1)} ms per subscriber beyond the run's own).`);
say(`events per subscriber: ${subscribers[0]!.seqs.length} (seq ${subscribers[0]!.seqs[0]}…${subscribers[0]!.seqs.at(-1)}); identical, in order, without gaps or repeats: ${identical}/${SUBSCRIBERS}`);
say('');
say(HEADER);
await row(`GET /api/runs/:id/events?follow=false (replay of ${subscribers[0]!.seqs.length} events as SSE)`, pid, { url: `${local.url}/api/runs/${runId}/events?follow=false`, connections: 100, headers: auth });
agent.destroy();
await local.stop();

// ---- 3. The /v1 gateway against the bare Node proxy, same fake upstream, same run -----------------
say('\n### /v1 gateway (local mode) vs a bare Node proxy, same fake upstream\n');
const servers = await startServers();
say(HEADER);
for (const stream of [false, true]) {
  const json = { 'content-type': 'application/json' };
  // Untimed first: the gateway's code is compiled by V8 as it runs (cpu.ts warms up the same way).
  await autocannon({ url: `${servers.gateway.info.url}/v1/chat/completions`, connections: 50, amount: 2000, method: 'POST', headers: { ...json, authorization: `Bearer ${servers.gateway.info.key}` }, body: chatBody(stream, 'bench') });
  await autocannon({ url: `${servers.bare.info.url}/v1/chat/completions`, connections: 50, amount: 2000, method: 'POST', headers: json, body: chatBody(stream, 'gpt-4o-mini') });
  const g = await row(`gateway ${stream ? 'stream' : 'non-stream'}`, servers.gateway.child.pid!, { url: `${servers.gateway.info.url}/v1/chat/completions`, connections: 50, method: 'POST', headers: { ...json, authorization: `Bearer ${servers.gateway.info.key}` }, body: chatBody(stream, 'bench') });
  const b = await row(`bare proxy ${stream ? 'stream' : 'non-stream'}`, servers.bare.child.pid!, { url: `${servers.bare.info.url}/v1/chat/completions`, connections: 50, method: 'POST', headers: json, body: chatBody(stream, 'gpt-4o-mini') });
  say(`| gateway / bare proxy, ${stream ? 'stream' : 'non-stream'} | | ${((100 * g.requests.mean) / b.requests.mean).toFixed(0)} % | | | | | ${(g.cpuPerRequest / b.cpuPerRequest).toFixed(2)}× |`);
}
servers.stop();

// ---- 4. The default per-user limit against a browser's burst ------------------------------------
say('\n### The default per-user API limit (local mode, defaults)\n');
const plain = await startLocal(llmEnv);
const burst = await autocannon({ url: `${plain.url}/api/ideas?limit=20`, connections: 6, amount: 1000, headers: { authorization: `Bearer ${plain.token}` } });
say(`1,000 GET /api/ideas at 6 connections (a browser's per-host limit): ${burst.statusCodeStats['200']?.count ?? 0} answered 200, ${burst.statusCodeStats['429']?.count ?? 0} answered 429 (limit: CREATORFLOW_RATE_LIMIT_API, default 600 per user per minute)`);
await plain.stop();
await llm.close();
process.stdout.write(`${out.join('\n')}\n`);
