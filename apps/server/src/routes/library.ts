import type { RoutePlugin } from './types.ts';
import { assetRoutes } from './library/assets.ts';
import { ideaRoutes } from './library/ideas.ts';
import { knowledgeRoutes } from './library/knowledge.ts';
import { searchRoutes } from './library/search.ts';
import { workRoutes } from './library/works.ts';

/** Routes of the library domain: ideas, works, assets, knowledge base, search. */
export const libraryRoutes: RoutePlugin = async (app, ctx) => {
  for (const plugin of [ideaRoutes, workRoutes, assetRoutes, knowledgeRoutes, searchRoutes]) await plugin(app, ctx);
};
