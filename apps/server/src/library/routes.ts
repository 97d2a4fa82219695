import type { RoutePlugin } from '../http/types.ts';
import { assetRoutes } from './assets.ts';
import { ideaRoutes } from './ideas.ts';
import { knowledgeRoutes } from './knowledge.ts';
import { searchRoutes } from './search.ts';
import { workRoutes } from './works.ts';

/** Routes of the library domain: ideas, works, assets, knowledge base, search. */
export const libraryRoutes: RoutePlugin = async (app, ctx) => {
  for (const plugin of [ideaRoutes, workRoutes, assetRoutes, knowledgeRoutes, searchRoutes]) await plugin(app, ctx);
};
