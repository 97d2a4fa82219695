import type { RoutePlugin } from '../http/types.ts';
import { graphRoutes } from './graph-routes.ts';
import { runRoutes } from './run-routes.ts';
import { mcpRoutes } from './mcp-routes.ts';
import { costRoutes } from './cost-routes.ts';

/** Routes of the runtime domain: graphs, runs, events, tools, the cost ledger. Local mode also runs the run worker in this process. */
export const runtimeRoutes: RoutePlugin = async (app, ctx) => {
  await graphRoutes(app, ctx);
  await runRoutes(app, ctx);
  await mcpRoutes(app, ctx);
  await costRoutes(app, ctx);
  if (ctx.mode === 'local') await ctx.runtime.startWorker();
};
