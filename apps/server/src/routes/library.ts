import type { RoutePlugin } from './types.ts';
import { ideaRoutes } from './library/ideas.ts';
import { workRoutes } from './library/works.ts';

/** Routes of the library domain: ideas, works, assets, knowledge base, search. */
export const libraryRoutes: RoutePlugin = async (app, ctx) => {
  for (const plugin of [ideaRoutes, workRoutes]) await plugin(app, ctx);
};
