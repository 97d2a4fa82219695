import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, loadConfig, toolsOf } from '@creatorflow/runtime';
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

  it('every tool a built-in graph uses is a real tool before any route is loaded', () => {
    const graphs = ctx.runtime.graphs;
    const used = new Set<string>();
    for (const [name, { source }] of graphs.builtinSources()) for (const tool of toolsOf(graphs.validate(source, name).graph!)) used.add(tool);
    expect([...used]).toEqual(expect.arrayContaining(['trend_topics', 'suggest_topics', 'save_topic_ideas', 'collect_metrics', 'suggest_titles', 'publish_work']));
    for (const name of used) expect(ctx.runtime.tools.status(name, 'cloud'), name).toEqual({ available: true });
  });
});
