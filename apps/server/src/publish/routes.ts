import { accountRoutes } from './account-routes.ts';
import { assistRoutes } from './assist-routes.ts';
import { deepCheckRoutes } from './deep-check-routes.ts';
import { jobRoutes } from './job-routes.ts';
import { matrixRoutes } from './matrix-routes.ts';
import { oauthRoutes } from './oauth-routes.ts';
import { vaultRoutes } from './vault-routes.ts';
import type { RoutePlugin } from '../http/types.ts';

/** Routes of the publish domain: vault, accounts and the account matrix (账号矩阵: groups, members, health), jobs, assist bundles. */
export const publishRoutes: RoutePlugin = async (app, ctx) => {
  await vaultRoutes(app, ctx);
  // First: its account-permission guard must see every publish route.
  await matrixRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await deepCheckRoutes(app, ctx);
  await oauthRoutes(app, ctx);
  await jobRoutes(app, ctx);
  await assistRoutes(app, ctx);
  // Start the publish worker with the server so scheduled jobs fire after a restart without any request.
  app.addHook('onReady', async () => {
    await ctx.publish.start();
  });
};
