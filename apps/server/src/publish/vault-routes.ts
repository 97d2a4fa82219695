import { z } from 'zod';
import { ValidationError } from '@creatorflow/core';
import { FORGOTTEN_PASSWORD_NOTICE } from '@creatorflow/publish';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { vaultStatusSchema } from './dto.ts';

const tags = ['publish'];
const password = z.string().min(1).max(1024);
const unlocked = z.object({ unlocked: z.boolean() });
const deleted = z.object({ deleted: z.number().describe('Credentials deleted') });

/** The credential vault: master password, lock/unlock, reset, wipe of cloud copies. */
export const vaultRoutes: RoutePlugin = async (app, ctx) => {
  const actorOf = async (request: Parameters<typeof resolveScope>[1], role: 'viewer' | 'editor' | 'admin' = 'editor') => {
    const scope = await resolveScope(ctx.database, request, role);
    return { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId };
  };

  app.get('/api/publish/vault', { schema: { tags, summary: 'Vault status (initialized, unlocked, KDF)', response: { 200: vaultStatusSchema } } }, async (request) => {
    const actor = await actorOf(request, 'viewer');
    const rt = ctx.publish;
    const { initialized, unlocked, kdf, iterations } = await rt.vault.status(actor.workspaceId);
    return { initialized, unlocked, kdf, iterations, forgotten_password: FORGOTTEN_PASSWORD_NOTICE };
  });

  app.post('/api/publish/vault/init', { schema: { tags, summary: 'Set the master password', body: z.object({ password }), response: { 201: z.object({ initialized: z.literal(true), unlocked: z.literal(true) }) } } }, async (request, reply) => {
    const actor = await actorOf(request, 'admin');
    await ctx.publish.vault.initialize(actor, request.body.password);
    return reply.code(201).send({ initialized: true as const, unlocked: true as const });
  });

  app.post('/api/publish/vault/unlock', { schema: { tags, summary: 'Unlock the vault in this process', body: z.object({ password }), response: { 200: unlocked } } }, async (request) => {
    const actor = await actorOf(request);
    await ctx.publish.vault.unlock(actor, request.body.password);
    return { unlocked: true };
  });

  app.post('/api/publish/vault/lock', { schema: { tags, summary: 'Forget the vault key in this process', response: { 200: unlocked } } }, async (request) => {
    const actor = await actorOf(request);
    ctx.publish.vault.lock(actor.workspaceId);
    return { unlocked: false };
  });

  app.post(
    '/api/publish/vault/change-password',
    { schema: { tags, summary: 'Change the master password (re-encrypts every local credential)', body: z.object({ old_password: password, new_password: password }), response: { 200: z.object({ changed: z.literal(true) }) } } },
    async (request) => {
      const actor = await actorOf(request, 'admin');
      await ctx.publish.vault.changePassword(actor, request.body.old_password, request.body.new_password);
      return { changed: true as const };
    },
  );

  app.post(
    '/api/publish/vault/reset',
    { schema: { tags, summary: 'Forgotten master password: delete every credential and the vault', body: z.object({ confirm: z.string() }), response: { 200: deleted } } },
    async (request) => {
      // Who may reset first: a non-member gets 404 and a viewer 403, like every other route (authorization matrix).
      const actor = await actorOf(request, 'admin');
      if (request.body.confirm !== 'DELETE ALL CREDENTIALS') {
        throw new ValidationError(`Reset deletes every stored credential. ${FORGOTTEN_PASSWORD_NOTICE} To go ahead send confirm: "DELETE ALL CREDENTIALS".`, [{ path: 'confirm', message: 'must be "DELETE ALL CREDENTIALS"' }]);
      }
      return ctx.publish.vault.reset(actor);
    },
  );

  app.post('/api/publish/vault/wipe-cloud', { schema: { tags, summary: 'Delete every cloud copy of every credential of the workspace', response: { 200: deleted } } }, async (request) => {
    const actor = await actorOf(request, 'admin');
    return ctx.publish.vault.wipeCloudCopies(actor);
  });
};
