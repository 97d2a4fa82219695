import type { AppContext } from '../context.ts';
import type { App, RoutePlugin } from './types.ts';
import { healthRoutes } from './health.ts';
import { authRoutes } from './auth.ts';
import { workspacesRoutes } from './workspaces.ts';
import { libraryRoutes } from './library.ts';
import { llmRoutes } from './llm.ts';
import { runtimeRoutes } from './runtime.ts';
import { contentRoutes } from './content.ts';
import { publishRoutes } from './publish.ts';
import { insightsRoutes } from './insights.ts';

const ALL: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  workspacesRoutes,
  libraryRoutes,
  llmRoutes,
  runtimeRoutes,
  contentRoutes,
  publishRoutes,
  insightsRoutes,
];

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  for (const plugin of ALL) await plugin(app, ctx);
}
