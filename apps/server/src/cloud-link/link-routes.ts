import { z } from 'zod';
import { CreatorFlowError } from '@creatorflow/core';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { CloudLinkService, type LinkState } from './link-service.ts';
import { CloudLinkStore } from './link-store.ts';
import { cloudTokenStoreOf, openCloudTokenStore } from './token-store.ts';

const tags = ['cloud-link'];

const linkSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unlinked') }),
  z.object({ state: z.literal('pending'), cloud_url: z.string(), user_code: z.string(), verification_uri: z.string(), verification_uri_complete: z.string(), expires_at: z.string() }),
  z.object({ state: z.literal('failed'), cloud_url: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
  z.object({
    state: z.literal('linked'),
    cloud_url: z.string(),
    cloud_workspace: z.object({ id: z.string(), name: z.string() }),
    cloud_user: z.string(),
    token_store: z.enum(['keychain', 'file']),
    linked_at: z.string(),
  }),
]);

function toJson(s: LinkState): z.infer<typeof linkSchema> {
  switch (s.state) {
    case 'unlinked':
      return { state: 'unlinked' };
    case 'pending':
      return { state: 'pending', cloud_url: s.cloudUrl, user_code: s.userCode, verification_uri: s.verificationUri, verification_uri_complete: s.verificationUriComplete, expires_at: s.expiresAt.toISOString() };
    case 'failed':
      return { state: 'failed', cloud_url: s.cloudUrl, error: { code: s.code, message: s.message } };
    case 'linked':
      return {
        state: 'linked',
        cloud_url: s.link.cloudUrl,
        cloud_workspace: { id: s.link.cloudWorkspaceId, name: s.link.cloudWorkspaceName },
        cloud_user: s.link.cloudUserEmail,
        token_store: s.link.tokenStore,
        linked_at: s.link.linkedAt.toISOString(),
      };
  }
}

/** `/api/cloud/link` (local mode): link this install's workspace to a cloud deployment, see the link, unlink. */
export const linkRoutes: RoutePlugin = async (app, ctx) => {
  const tokens = { forNewToken: () => openCloudTokenStore(ctx.config.home), of: (kind: 'keychain' | 'file') => cloudTokenStoreOf(ctx.config.home, kind) };
  const service = new CloudLinkService(new CloudLinkStore(ctx.database), tokens, ctx.clock, ctx.logger);
  app.addHook('onClose', async () => service.close());
  const localOnly = () => {
    if (ctx.mode !== 'local') throw new CreatorFlowError('CLOUD_LINK_LOCAL_ONLY', 'Linking to a cloud is done from a local install (设置 → 连接云端), not on the cloud itself.', { status: 409 });
  };

  app.get('/api/cloud/link', { schema: { tags, summary: 'The cloud this workspace is linked to, or the sign-in in progress', response: { 200: linkSchema } } }, async (request) => {
    localOnly();
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return toJson(await service.status(scope.workspaceId));
  });

  app.post(
    '/api/cloud/link',
    { schema: { tags, summary: 'Start linking to a cloud: returns the code to confirm in the cloud web app', body: z.object({ url: z.string().min(1).max(2000) }), response: { 202: linkSchema } } },
    async (request, reply) => {
      localOnly();
      const scope = await resolveScope(ctx.database, request, 'owner');
      return reply.code(202).send(toJson(await service.start(scope.workspaceId, request.body.url)));
    },
  );

  app.delete('/api/cloud/link', { schema: { tags, summary: 'Unlink: revoke the device token on the cloud and forget it here', response: { 200: z.object({ revoked_on_cloud: z.boolean() }) } } }, async (request) => {
    localOnly();
    const scope = await resolveScope(ctx.database, request, 'owner');
    const result = await service.unlink(scope.workspaceId);
    return { revoked_on_cloud: result.revokedOnCloud };
  });
};
