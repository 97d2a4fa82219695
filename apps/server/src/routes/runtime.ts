import type { RoutePlugin } from './types.ts';

/** Routes of the runtime domain. */
export const runtimeRoutes: RoutePlugin = async () => {};
