import type { RoutePlugin } from './types.ts';

/** Routes of the auth domain. */
export const authRoutes: RoutePlugin = async () => {};
