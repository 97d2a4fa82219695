import { accountRoutes } from '../publish/account-routes.ts';
import { jobRoutes } from '../publish/job-routes.ts';
import { vaultRoutes } from '../publish/vault-routes.ts';
import { publishRuntime } from '../publish/runtime.ts';
import type { RoutePlugin } from './types.ts';

/** Routes of the publish domain: vault, accounts (账号矩阵), jobs. */
export const publishRoutes: RoutePlugin = async (app, ctx) => {
  await vaultRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await jobRoutes(app, ctx);
  // Start the publish worker with the server so scheduled jobs fire after a restart without any request.
  app.addHook('onReady', async () => {
    await publishRuntime(ctx);
  });
};
