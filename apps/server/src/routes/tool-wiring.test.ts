import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock, type ToolRegistry } from '@creatorflow/core';
import { createLogger, createProcessServices, loadConfig, toolsOf } from '@creatorflow/runtime';
import { PLANNED_TOOLS } from '@creatorflow/runtime/tools/planned';
import { pgliteTemplate } from '@creatorflow/testing';
import { buildApp } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';
import { TEST_ENV } from '../testing/harness.ts';

/**
 * Tools are wired in one place (packages/runtime tools/registry.ts) for every process that runs graphs.
 * A tool a route plugin registered would exist in the API server only: a cloud worker, which loads no
 * routes, would fail the graphs the server had validated.
 */
describe('tool wiring', () => {
  let home: string;
  let ctx: AppContext;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-tools-'));
    ctx = await createContext(loadConfig({ mode: 'local', home, port: 0 }, TEST_ENV), { logger: createLogger('silent'), pgliteTemplate: await pgliteTemplate() });
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('no route plugin registers a tool', async () => {
    const tools = ctx.runtime.tools;
    const before = tools.names();
    const register = vi.spyOn(tools, 'register');
    const app = await buildApp(ctx);
    await app.ready();
    await app.close();
    expect(register.mock.calls.map(([tool]) => tool.name)).toEqual([]);
    expect(tools.names()).toEqual(before);
  });

  it('lists no real tool as planned: every placeholder is a tool no domain provides yet', () => {
    const real = new Set(ctx.runtime.tools.list().filter((t) => t.status.available).map((t) => t.name));
    expect(PLANNED_TOOLS.map(([name]) => name).filter((name) => real.has(name))).toEqual([]);
    for (const [name] of PLANNED_TOOLS) expect(ctx.runtime.tools.status(name, 'cloud'), name).toMatchObject({ available: false });
  });

  it('every tool a built-in graph uses is a real tool before any route is loaded', () => {
    const graphs = ctx.runtime.graphs;
    const used = new Set<string>();
    for (const [name, { source }] of graphs.builtinSources()) for (const tool of toolsOf(graphs.validate(source, name).graph!)) used.add(tool);
    expect([...used]).toEqual(expect.arrayContaining(['trend_topics', 'suggest_topics', 'save_topic_ideas', 'collect_metrics', 'suggest_titles', 'publish_work']));
    for (const name of used) expect(ctx.runtime.tools.status(name, 'cloud'), name).toEqual({ available: true });
  });

  /**
   * save_topic_ideas needs the process's library and the trend tools its trend service. Both are required by
   * the registry's wiring; this checks they run (no TOOL_UNAVAILABLE) in the local server — which is also the
   * process a CLI command opens when no server runs (api-client.ts startLocal) — and in a process built the way
   * `creatorflow worker` builds itself (createProcessServices with no server domains passed in). The cloud
   * server and the real worker process run topic-radar end to end in apps/cli worker-graphs.int.test.ts.
   */
  it('save_topic_ideas and the trend tools run in the server and in a process built as the worker is', async () => {
    const actor = { workspaceId: ctx.local!.workspaceId, userId: ctx.local!.userId };
    const disposers: Array<() => Promise<void> | void> = [];
    const worker = createProcessServices(ctx.config, { database: ctx.database, redis: undefined, logger: createLogger('silent'), clock: systemClock, secretKey: ctx.secretKey, onClose: (fn) => void disposers.push(fn) });
    try {
      for (const [process, tools] of [['server', ctx.runtime.tools], ['worker', worker.runtime().tools]] as Array<[string, ToolRegistry]>) {
        const call = async (name: string, args: unknown) => {
          const resolution = tools.resolve(name, 'local');
          if (!resolution.ok) throw new Error(`${process}: ${name} does not resolve: ${resolution.reason}`);
          return resolution.tool.invoke(args, { ...actor, runtime: 'local', signal: AbortSignal.timeout(30_000) });
        };
        await expect(call('hot_items', {}), process).resolves.toEqual({ items: [] });
        await expect(call('trend_topics', { niche: '美食' }), process).resolves.toMatchObject({ count: 0, topics: [] });
        const suggestions = { status: 'ok', niche: '美食', message: null, trends_considered: 1, topics: [{ topic: `${process} 便当`, angle: '省钱', why_now: '开学', titles: [{ platform: 'xiaohongshu', title: '十元便当' }], citations: [] }] };
        const saved = (await call('save_topic_ideas', { suggestions, picks: [1], niche: '美食' })) as { saved: Array<{ id: string; topic: string }> };
        expect(saved.saved.map((s) => s.topic), process).toEqual([`${process} 便当`]);
        await expect(ctx.library.ideas.get(actor, saved.saved[0]!.id), process).resolves.toMatchObject({ tags: expect.arrayContaining(['AI选题']) });
      }
    } finally {
      for (const fn of disposers.reverse()) await fn();
      await worker.jobs.close();
    }
  });
});
