import { z } from 'zod';
import { ValidationError } from '@creatorflow/core';
import { FORGOTTEN_PASSWORD_NOTICE } from '@creatorflow/publish';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { publishRuntime } from './runtime.ts';

const tags = ['publish'];
const password = z.string().min(1).max(1024);

/** The credential vault: master password, lock/unlock, reset, wipe of cloud copies. */
export const vaultRoutes: RoutePlugin = async (app, ctx) => {
  const actorOf = async (request: Parameters<typeof resolveScope>[1], role: 'viewer' | 'editor' | 'admin' = 'editor') => {
    const scope = await resolveScope(ctx.database, request, role);
    return { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId };
  };

  app.get('/api/publish/vault', { schema: { tags, summary: 'Vault status (initialized, unlocked, KDF)' } }, async (request) => {
    const actor = await actorOf(request, 'viewer');
    const rt = await publishRuntime(ctx);
    return { ...(await rt.vault.status(actor.workspaceId)), forgotten_password: FORGOTTEN_PASSWORD_NOTICE };
  });

  app.post('/api/publish/vault/init', { schema: { tags, summary: 'Set the master password', body: z.object({ password }) } }, async (request, reply) => {
    const actor = await actorOf(request, 'admin');
    await (await publishRuntime(ctx)).vault.initialize(actor, request.body.password);
    return reply.code(201).send({ initialized: true, unlocked: true });
  });

  app.post('/api/publish/vault/unlock', { schema: { tags, summary: 'Unlock the vault in this process', body: z.object({ password }) } }, async (request) => {
    const actor = await actorOf(request);
    await (await publishRuntime(ctx)).vault.unlock(actor, request.body.password);
    return { unlocked: true };
  });

  app.post('/api/publish/vault/lock', { schema: { tags, summary: 'Forget the vault key in this process' } }, async (request) => {
    const actor = await actorOf(request);
    (await publishRuntime(ctx)).vault.lock(actor.workspaceId);
    return { unlocked: false };
  });

  app.post(
    '/api/publish/vault/change-password',
    { schema: { tags, summary: 'Change the master password (re-encrypts every local credential)', body: z.object({ old_password: password, new_password: password }) } },
    async (request) => {
      const actor = await actorOf(request, 'admin');
      await (await publishRuntime(ctx)).vault.changePassword(actor, request.body.old_password, request.body.new_password);
      return { changed: true };
    },
  );

  app.post(
    '/api/publish/vault/reset',
    { schema: { tags, summary: 'Forgotten master password: delete every credential and the vault', body: z.object({ confirm: z.string() }) } },
    async (request) => {
      if (request.body.confirm !== 'DELETE ALL CREDENTIALS') {
        throw new ValidationError(`Reset deletes every stored credential. ${FORGOTTEN_PASSWORD_NOTICE} To go ahead send confirm: "DELETE ALL CREDENTIALS".`, [{ path: 'confirm', message: 'must be "DELETE ALL CREDENTIALS"' }]);
      }
      const actor = await actorOf(request, 'admin');
      return (await publishRuntime(ctx)).vault.reset(actor);
    },
  );

  app.post('/api/publish/vault/wipe-cloud', { schema: { tags, summary: 'Delete every cloud copy of every credential of the workspace' } }, async (request) => {
    const actor = await actorOf(request, 'admin');
    return (await publishRuntime(ctx)).vault.wipeCloudCopies(actor);
  });
};
