import type { RoutePlugin } from './types.ts';

/** Routes of the workspaces domain. */
export const workspacesRoutes: RoutePlugin = async () => {};
