import type { RoutePlugin } from './types.ts';

/** Routes of the content domain. */
export const contentRoutes: RoutePlugin = async () => {};
