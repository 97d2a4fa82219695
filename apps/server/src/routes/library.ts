import type { RoutePlugin } from './types.ts';

/** Routes of the library domain. */
export const libraryRoutes: RoutePlugin = async () => {};
