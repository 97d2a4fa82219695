import type { RoutePlugin } from './types.ts';

/** Routes of the insights domain. */
export const insightsRoutes: RoutePlugin = async () => {};
