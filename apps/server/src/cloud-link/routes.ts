import type { RoutePlugin } from '../http/types.ts';
import { deviceRoutes } from './device-routes.ts';
import { linkRoutes } from './link-routes.ts';

/** Desktop ↔ cloud: device-code sign-in (cloud side) and the link it makes (local side). */
export const cloudLinkRoutes: RoutePlugin = async (app, ctx) => {
  await deviceRoutes(app, ctx);
  await linkRoutes(app, ctx);
};
