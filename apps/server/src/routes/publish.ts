import type { RoutePlugin } from './types.ts';

/** Routes of the publish domain. */
export const publishRoutes: RoutePlugin = async () => {};
