import type { AppContext } from '../context.ts';
import type { App, RoutePlugin } from '../http/types.ts';
import { healthRoutes } from '../health/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { workspacesRoutes } from '../workspaces/routes.ts';
import { libraryRoutes } from '../library/routes.ts';
import { llmRoutes } from '../llm/routes.ts';
import { runtimeRoutes } from '../runtime/routes.ts';
import { contentRoutes } from '../content/routes.ts';
import { publishRoutes } from '../publish/routes.ts';
import { cloudLinkRoutes } from '../cloud-link/routes.ts';
import { trendsRoutes } from '../trends/routes.ts';
import { analyticsRoutes } from '../analytics/routes.ts';
import { opinionRoutes } from '../opinion/routes.ts';
import { alertsRoutes } from '../alerts/routes.ts';
import { syncRoutes } from '../sync/routes.ts';

/** Every route plugin of the API, one per domain folder (`<domain>/routes.ts`). The only list of them. */
const ALL: RoutePlugin[] = [
  healthRoutes,
  authRoutes,
  workspacesRoutes,
  libraryRoutes,
  llmRoutes,
  runtimeRoutes,
  contentRoutes,
  publishRoutes,
  cloudLinkRoutes,
  trendsRoutes,
  analyticsRoutes,
  opinionRoutes,
  alertsRoutes,
  syncRoutes,
];

export async function registerRoutes(app: App, ctx: AppContext): Promise<void> {
  for (const plugin of ALL) await plugin(app, ctx);
}
