import type { RouteAuth } from '../auth/types.ts';
import type { App } from './types.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  auth: RouteAuth;
  /** Status codes the route declares a `response` schema for (the HTTP contract; see contract/contract.test.ts). */
  responses: string[];
  /** Left out of the OpenAPI document (the web UI's files, the docs page). */
  hidden: boolean;
}

const registries = new WeakMap<object, RegisteredRoute[]>();

/** Records every route added after this call, so tests can walk all of them (workspace isolation). */
export function trackRoutes(app: App): void {
  const routes: RegisteredRoute[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url ?? route.path,
        auth: route.config?.auth ?? 'user',
        responses: Object.keys(route.schema?.response ?? {}),
        hidden: route.schema?.hide === true,
      });
    }
  });
}

/** The routes of an app built by `buildApp`. */
export function routesOf(app: App): readonly RegisteredRoute[] {
  return registries.get(app) ?? [];
}
