import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatIssue, graphJsonSchema, validateGraphSource, type GraphIssue } from '@creatorflow/core';
import { loadConfig, startCloudWorker } from '@creatorflow/runtime';
import type { CommandModule } from './types.ts';
import { withClient, withConnection, type Connection } from './connection.ts';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_SUCCESS, EXIT_WAITING, followRun, type FollowOptions } from './runtime-follow.ts';

const connectionOpts = (command: Command): Command => withConnection(command, 'machine-readable output (NDJSON events for run/resume)');

/** `--input k=v` pairs; a value that parses as JSON (numbers, lists) is kept typed, else it is a string. */
export function parseInputs(pairs: string[]): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--input expects key=value, got '${pair}'`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    if (/^[[{]/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    inputs[pair.slice(0, eq)] = value;
  }
  return inputs;
}

const collect = (value: string, previous: string[]) => [...previous, value];

interface CostTotalsView {
  calls: number;
  failed: number;
  cancelled: number;
  interrupted: number;
  input_tokens: number;
  output_tokens: number;
  actual_cents: number;
  interrupted_cents: number;
}
interface CostSummaryView {
  by: string;
  from: string;
  to: string;
  total: CostTotalsView;
  items: Array<CostTotalsView & { key: string | null; label: string | null; subject: string | null }>;
}
interface CostCallView {
  node: string;
  model: string;
  status: string;
  input_tokens: number;
  output_tokens: number;
  estimated_cents: number;
  actual_cents: number;
  duration_ms: number | null;
}

const cents = (value: number) => `${value.toFixed(4)}¢`;
const problems = (t: CostTotalsView) =>
  [t.failed && `${t.failed} failed`, t.cancelled && `${t.cancelled} cancelled`, t.interrupted && `${t.interrupted} interrupted (~${cents(t.interrupted_cents)} estimated)`].filter(Boolean).join(', ');

/** One line per group, then the range's total; interrupted calls (cut off by a crash, made again) are counted at their estimate. */
export function formatCostSummary(summary: CostSummaryView): string {
  const name = (g: CostSummaryView['items'][number]) => (summary.by === 'run' ? `${g.key ?? ''}  ${g.label ?? ''}${g.subject ? `  ${g.subject}` : ''}` : summary.by === 'user' ? (g.label ?? '(no user)') : (g.key ?? ''));
  const lines = summary.items.map((g) => {
    const extra = problems(g);
    return `${name(g).padEnd(summary.by === 'run' ? 60 : 24)}  ${cents(g.actual_cents + g.interrupted_cents).padStart(12)}  ${String(g.calls).padStart(5)} calls  ${g.input_tokens}/${g.output_tokens} tokens${extra ? `  (${extra})` : ''}\n`;
  });
  const t = summary.total;
  const extra = problems(t);
  return `${lines.join('')}total ${summary.from.slice(0, 10)} – ${summary.to.slice(0, 10)}: ${cents(t.actual_cents + t.interrupted_cents)}, ${t.calls} calls${extra ? ` (${extra})` : ''}\n`;
}

export function formatCostCall(c: CostCallView): string {
  const cost = c.status === 'interrupted' ? `~${cents(c.estimated_cents)} estimated` : cents(c.actual_cents);
  return `${c.node.padEnd(20)}  ${c.model.padEnd(24)}  ${c.status.padEnd(11)}  ${c.input_tokens}/${c.output_tokens} tokens  ${cost}${c.duration_ms === null ? '' : `  ${(c.duration_ms / 1000).toFixed(1)} s`}\n`;
}
const out = process.stdout;

interface RouteView {
  target: string;
  reasons: string[];
  warnings: string[];
  needs_confirmation: boolean;
  confirmed_at: string | null;
  inputs: { client: string; risk: string; estimated_cost_cents: number | null; budget_cents: number | null; cloud_queue_length: number | null; cloud_queue_wait_seconds: number | null; user_active_runs: number | null; user_concurrency: number | null } | null;
}

/** The router's decision in a few lines: where, why, what it saw, and whether it waits for `runs confirm`. */
export function formatRoute(route: RouteView | null, awaiting: boolean, runId: string): string {
  if (!route) return 'route: not recorded\n';
  const lines = [`route: ${route.target}${route.needs_confirmation ? (route.confirmed_at ? ` (confirmed ${route.confirmed_at})` : ' (needs confirmation)') : ''}`];
  for (const r of route.reasons) lines.push(`  because ${r}`);
  for (const w of route.warnings) lines.push(`  warning: ${w}`);
  const i = route.inputs;
  if (i) {
    const seen = [`client ${i.client}`, `risk ${i.risk}`];
    if (i.estimated_cost_cents != null) seen.push(`estimate ≤${i.estimated_cost_cents.toFixed(4)}¢`);
    if (i.budget_cents != null) seen.push(`budget ${i.budget_cents}¢`);
    if (i.cloud_queue_length != null) seen.push(`cloud queue ${i.cloud_queue_length} (~${i.cloud_queue_wait_seconds ?? 0} s)`);
    if (i.user_active_runs != null) seen.push(`your active runs ${i.user_active_runs}/${i.user_concurrency}`);
    lines.push(`  inputs: ${seen.join(', ')}`);
  }
  if (awaiting) lines.push(`  waiting for you: creatorflow runs confirm ${runId}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Follows a run until Ctrl-C (or SIGTERM): the first stops following, so the
 * command returns and closes its client — a private server then shuts down
 * cleanly (home lock released, database closed, the run back in the queue)
 * instead of dying mid-write. A second Ctrl-C exits at once.
 */
async function followUntilInterrupted(follow: (options: FollowOptions) => Promise<number>, json: boolean): Promise<number> {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await follow({ json, out, err: process.stderr, signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

export const runtimeCommands: CommandModule = (program) => {
  connectionOpts(
    program
      .command('run <graph>')
      .description('Run a graph (a name, or a .yaml file) and follow it live / 运行工作流; exit 0 done, 1 failed, 3 waiting for you')
      .option('-i, --input <key=value>', 'graph input (repeatable)', collect, [])
      .option('--max-cost-cents <n>', 'cost budget for this run', Number)
      .option('-y, --yes', 'confirm the run if the router holds it for confirmation (over budget, critical work in the cloud)'),
  ).action(async (graph: string, opts: Connection & { input: string[]; maxCostCents?: number; yes?: boolean }) => {
    const isFile = /\.ya?ml$/i.test(graph) || existsSync(graph);
    const body = {
      ...(isFile ? { source: readFileSync(graph, 'utf8') } : { graph }),
      inputs: parseInputs(opts.input),
      client: 'cli',
      ...(opts.maxCostCents ? { budget: { max_cost_cents: opts.maxCostCents } } : {}),
    };
    process.exitCode = await withClient(opts, async (client) => {
      const run = await client.request<{ id: string; awaiting_confirmation: boolean; route: RouteView | null }>('POST', '/api/runs', body);
      if (run.awaiting_confirmation) {
        if (!opts.yes) {
          // Held before its first node: say why and how to start it, exit 3 like any run that waits for the user.
          process.stderr.write(`run ${run.id} waits for your confirmation before it starts\n${formatRoute(run.route, true, run.id)}`);
          if (opts.json) out.write(`${JSON.stringify({ run_id: run.id, awaiting_confirmation: true, route: run.route })}\n`);
          return EXIT_WAITING;
        }
        await client.request('POST', `/api/runs/${run.id}/confirm`);
      }
      return followUntilInterrupted((options) => followRun(client, run.id, 0, options), !!opts.json);
    });
  });

  connectionOpts(
    program
      .command('resume <run>')
      .description('Answer the question a waiting run asks, then follow it / 回复等待中的运行')
      .requiredOption('--data <json>', "the answer, e.g. '{\"approved\": true}'")
      .option('--idempotency-key <key>', 'retry-safe key (the first answer wins)'),
  ).action(async (runId: string, opts: Connection & { data: string; idempotencyKey?: string }) => {
    let data: unknown;
    try {
      data = JSON.parse(opts.data);
    } catch (error) {
      throw new Error(`--data is not JSON: ${(error as Error).message}`);
    }
    process.exitCode = await withClient(opts, async (client) => {
      const before = await client.request<{ last_seq: number }>('GET', `/api/runs/${runId}`);
      await client.request('POST', `/api/runs/${runId}/resume`, { data }, opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {});
      return followUntilInterrupted((options) => followRun(client, runId, before.last_seq, options), !!opts.json);
    });
  });

  const runs = program.command('runs').description('List, show and cancel runs / 运行记录');
  connectionOpts(runs.command('list').description('Recent runs').option('--status <status>', 'only runs with this status').option('--limit <n>', 'how many', Number, 20)).action(
    async (opts: Connection & { status?: string; limit: number }) => {
      await withClient(opts, async (client) => {
        const query = new URLSearchParams({ limit: String(opts.limit), ...(opts.status ? { status: opts.status } : {}) });
        const page = await client.request<{ items: Array<Record<string, unknown>> }>('GET', `/api/runs?${query}`);
        if (opts.json) return void out.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const r of page.items) {
          const usage = r.usage as { cost_cents?: number; steps?: number } | undefined;
          out.write(`${String(r.id)}  ${String(r.status).padEnd(9)}  ${String(r.graph).padEnd(20)}  ${String(usage?.steps ?? 0)} steps  ${(usage?.cost_cents ?? 0).toFixed(3)}¢  ${String(r.created_at)}\n`);
        }
      });
    },
  );
  connectionOpts(runs.command('show <run>').description('One run with its output or error').option('--events', 'also print its events')).action(async (runId: string, opts: Connection & { events?: boolean }) => {
    await withClient(opts, async (client) => {
      const run = await client.request<Record<string, unknown> & { id: string; status: string; graph: string; route: RouteView | null; awaiting_confirmation: boolean; usage: { cost_cents?: number } | null; error: { code: string; message: string } | null; output: unknown }>('GET', `/api/runs/${runId}`);
      const events = opts.events ? await client.request<{ items: unknown[] }>('GET', `/api/runs/${runId}/events?format=json`) : undefined;
      if (opts.json) return void out.write(`${JSON.stringify(events ? { ...run, events: events.items } : run, null, 2)}\n`);
      out.write(`${run.id}  ${run.status}${run.awaiting_confirmation ? ' (waiting for your confirmation)' : ''}  ${run.graph}  ${(run.usage?.cost_cents ?? 0).toFixed(3)}¢\n`);
      out.write(formatRoute(run.route, run.awaiting_confirmation, run.id));
      if (run.error) out.write(`error [${run.error.code}] ${run.error.message}\n`);
      if (run.output != null) out.write(`output: ${JSON.stringify(run.output, null, 2)}\n`);
      if (events) for (const e of events.items as Array<{ seq: number; type: string; node: string | null }>) out.write(`  ${e.seq} ${e.type}${e.node ? ` ${e.node}` : ''}\n`);
    });
  });
  connectionOpts(
    runs
      .command('costs [run]')
      .description('What runs cost: totals per graph, month, member or run, or one run\'s model calls / 运行成本')
      .option('--by <grouping>', 'graph | month | user | run', 'graph'),
  ).action(async (runId: string | undefined, opts: Connection & { by: string }) => {
    await withClient(opts, async (client) => {
      if (runId) {
        const calls = await client.request<{ items: CostCallView[] }>('GET', `/api/runs/${runId}/costs`);
        if (opts.json) return void out.write(`${JSON.stringify(calls, null, 2)}\n`);
        for (const c of calls.items) out.write(formatCostCall(c));
        return;
      }
      const offset = String(-new Date().getTimezoneOffset());
      const summary = await client.request<CostSummaryView>('GET', `/api/costs?${new URLSearchParams({ by: opts.by, utc_offset_minutes: offset })}`);
      if (opts.json) return void out.write(`${JSON.stringify(summary, null, 2)}\n`);
      out.write(formatCostSummary(summary));
    });
  });
  connectionOpts(runs.command('confirm <run>').description('Start a run the router held for your confirmation / 确认运行')).action(async (runId: string, opts: Connection) => {
    await withClient(opts, async (client) => {
      const run = await client.request<{ status: string }>('POST', `/api/runs/${runId}/confirm`);
      out.write(opts.json ? `${JSON.stringify(run)}\n` : `${runId}: confirmed, ${run.status}\n`);
    });
  });
  connectionOpts(runs.command('cancel <run>').description('Cancel a queued, running or waiting run')).action(async (runId: string, opts: Connection) => {
    await withClient(opts, async (client) => {
      const run = await client.request<{ status: string }>('POST', `/api/runs/${runId}/cancel`);
      out.write(opts.json ? `${JSON.stringify(run)}\n` : `${runId}: ${run.status}${run.status === 'running' ? ' (cancel requested)' : ''}\n`);
    });
  });

  const graph = program.command('graph').description('Graph files: validate and JSON Schema / 工作流定义');
  connectionOpts(
    graph
      .command('validate <files...>')
      .description('Check graph files: syntax, node types, edges, reachability, templates, loops, budgets, tool availability')
      .option('--offline', 'structure only: do not ask the runtime which tools exist'),
  ).action(async (files: string[], opts: Connection & { offline?: boolean }) => {
    const check = async (validate: (source: string, file: string) => Promise<GraphIssue[]>) => {
      let failed = false;
      for (const file of files) {
        if (!existsSync(file)) {
          out.write(`${file}: error file not found\n`);
          failed = true;
          continue;
        }
        const issues = await validate(readFileSync(file, 'utf8'), file);
        const errors = issues.filter((i) => i.severity === 'error');
        failed ||= errors.length > 0;
        if (opts.json) out.write(`${JSON.stringify({ file, valid: errors.length === 0, issues })}\n`);
        else {
          for (const issue of issues) out.write(`${formatIssue(issue)}\n`);
          out.write(`${file}: ${errors.length === 0 ? 'valid' : `${errors.length} error(s)`}${issues.length > errors.length ? `, ${issues.length - errors.length} warning(s)` : ''}\n`);
        }
      }
      process.exitCode = failed ? EXIT_FAILED : EXIT_SUCCESS;
    };
    if (opts.offline) return check(async (source, file) => validateGraphSource(source, file).issues);
    await withClient(opts, (client) =>
      check(async (source, file) => (await client.request<{ issues: GraphIssue[] }>('POST', '/api/graphs/validate', { source, file })).issues),
    );
  });
  graph
    .command('schema')
    .description('Print the JSON Schema of graph files (for editor completion)')
    .action(() => void out.write(`${JSON.stringify(graphJsonSchema(), null, 2)}\n`));

  program
    .command('worker')
    .description('Cloud worker: executes queued runs (needs DATABASE_URL and REDIS_URL) / 云端执行进程')
    .option('--config <file>', 'JSON config file')
    .action(async (opts: { config?: string }) => {
      // The runtime package alone: the worker builds the same tools as the API server, and no HTTP routes.
      const worker = await startCloudWorker(loadConfig({ mode: 'cloud', configFile: opts.config }));
      process.stdout.write(`创流 CreatorFlow ${program.version() ?? ''} worker started (runs queue)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stderr.write('stopping worker: running runs go back to the queue and resume from their checkpoints…\n');
      // Jobs first, then the rest (see CloudWorker.stop): a run is interrupted at a checkpoint while the
      // database, the LLM layer and the event bus it writes to are still open.
      await worker.stop();
    });
};
