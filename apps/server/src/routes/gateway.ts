import type { RoutePlugin } from './types.ts';

/** Routes of the gateway domain. */
export const gatewayRoutes: RoutePlugin = async () => {};
