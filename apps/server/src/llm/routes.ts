import { llmAccessRoutes } from './access-routes.ts';
import { llmCatalogRoutes } from './catalog-routes.ts';
import type { RoutePlugin } from '../http/types.ts';

/** Admin API of the LLM layer under /api/llm: providers, models, groups, keys, limits, usage. */
export const llmRoutes: RoutePlugin = async (app, ctx) => {
  await llmCatalogRoutes(app, ctx);
  await llmAccessRoutes(app, ctx);
};
