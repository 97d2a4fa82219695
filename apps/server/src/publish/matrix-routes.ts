import { z } from 'zod';
import { resolveScope } from '../auth/scope.ts';
import { noContent } from '../contract/responses.ts';
import type { RoutePlugin } from '../http/types.ts';
import type { AccountGroup, AccountHealth } from '@creatorflow/publish';

const tags = ['publish'];
const id = z.object({ id: z.string().uuid() });
const iso = z.string().describe('ISO 8601 time');
const kind = z.enum(['client', 'niche', 'person', 'other']).describe('What the group stands for: a client, a niche, a person, or something else');

const groupSchema = z.object({ id: z.string(), name: z.string(), kind, account_ids: z.array(z.string()), created_at: iso });
const groupDto = (x: AccountGroup): z.infer<typeof groupSchema> => ({ id: x.id, name: x.name, kind: x.kind, account_ids: x.accountIds, created_at: x.createdAt.toISOString() });

const healthSchema = z.object({
  account_id: z.string(),
  login_status: z.enum(['unknown', 'logged_in', 'expired', 'error']),
  login_checked_at: iso.nullable(),
  last_success_at: iso.nullable().describe('When a job of this account last published'),
  breaker: z.enum(['closed', 'open', 'half_open', 'isolated']).describe("The platform's browser circuit breaker"),
  posts_today: z.number().describe('Jobs published today (China time)'),
  daily_cap: z.number().nullable().describe("The account's daily cap, null when none is set"),
  followers: z.number().nullable().describe('The latest follower count the metrics collected'),
  followers_at: iso.nullable(),
  group_ids: z.array(z.string()),
  member_ids: z.array(z.string()).describe('Only these members (and owners/admins) may use the account; empty: every editor'),
  may_publish: z.boolean().describe('Whether the caller may publish with this account'),
});
const healthDto = (h: AccountHealth): z.infer<typeof healthSchema> => ({
  account_id: h.accountId,
  login_status: h.loginStatus,
  login_checked_at: h.loginCheckedAt?.toISOString() ?? null,
  last_success_at: h.lastSuccessAt?.toISOString() ?? null,
  breaker: h.breaker,
  posts_today: h.postsToday,
  daily_cap: h.dailyCap,
  followers: h.followers,
  followers_at: h.followersAt?.toISOString() ?? null,
  group_ids: h.groupIds,
  member_ids: h.memberIds,
  may_publish: h.mayPublish,
});

/**
 * 账号矩阵 for MCN teams: account groups, who may use which account, health at
 * a glance — and the guard that checks the account permission on every
 * publish route that changes or uses an account or one of its jobs.
 */
export const matrixRoutes: RoutePlugin = async (app, ctx) => {
  const rt = () => ctx.publish;

  // Every non-GET route on an account or a job of one is checked here, so a route added later is covered too.
  // Creating jobs is checked in the job service (it also serves graphs' publish_work).
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (request.method === 'GET' || !route.startsWith('/api/publish/')) return;
    const params = (request.params ?? {}) as { id?: string };
    if (!params.id || !/^[0-9a-f-]{36}$/i.test(params.id)) return;
    const onAccount = route.startsWith('/api/publish/accounts/:id');
    const onJob = route.startsWith('/api/publish/jobs/:id');
    if (!onAccount && !onJob) return;
    const scope = await resolveScope(ctx.database, request, 'viewer');
    const accountId = onAccount ? params.id : (await rt().repo.get(params.id, scope.workspaceId))?.accountId;
    // Unknown ids are left to the route, which answers its own 404.
    if (!accountId) return;
    const account = await rt().accounts.get(scope.workspaceId, accountId).catch(() => undefined);
    if (!account) return;
    await rt().matrix.assertMayUse(scope, [account.id], () => `${account.name}（${rt().registry.get(account.platform).descriptor.name}）`);
  });

  app.get('/api/publish/account-groups', { schema: { tags, summary: 'Account groups (by client, niche or person) with their accounts', response: { 200: z.object({ groups: z.array(groupSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { groups: (await rt().matrix.groups(scope.workspaceId)).map(groupDto) };
  });

  const groupBody = z.object({ name: z.string().trim().min(1).max(60), kind: kind.default('client'), account_ids: z.array(z.string().uuid()).max(1000).default([]) });
  app.post('/api/publish/account-groups', { schema: { tags, summary: 'Create an account group', body: groupBody, response: { 201: groupSchema } } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const b = request.body;
    return reply.code(201).send(groupDto(await rt().matrix.createGroup(scope.workspaceId, { name: b.name, kind: b.kind, accountIds: b.account_ids })));
  });

  app.put(
    '/api/publish/account-groups/:id',
    { schema: { tags, summary: 'Rename a group, change its kind or its accounts', params: id, body: groupBody.partial(), response: { 200: groupSchema } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const b = request.body;
      return groupDto(await rt().matrix.updateGroup(scope.workspaceId, request.params.id, { name: b.name, kind: b.kind, accountIds: b.account_ids }));
    },
  );

  app.delete('/api/publish/account-groups/:id', { schema: { tags, summary: 'Delete a group (its accounts stay)', params: id, response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    await rt().matrix.removeGroup(scope.workspaceId, request.params.id);
    return reply.code(204).send();
  });

  app.get(
    '/api/publish/accounts/health',
    { schema: { tags, summary: "Each account at a glance: login, last success, breaker, today's posts against its cap, followers, groups, whether you may publish with it", response: { 200: z.object({ accounts: z.array(healthSchema) }) } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'viewer');
      const accounts = await rt().accounts.list(scope.workspaceId);
      return { accounts: (await rt().matrix.health(scope, accounts, rt().breakers.states())).map(healthDto) };
    },
  );

  const members = z.object({ user_ids: z.array(z.string().uuid()).max(500) });
  app.get('/api/publish/accounts/:id/members', { schema: { tags, summary: 'Who may use this account (empty: every editor)', params: id, response: { 200: members } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    await rt().accounts.get(scope.workspaceId, request.params.id);
    return { user_ids: await rt().matrix.members(scope.workspaceId, request.params.id) };
  });

  app.put(
    '/api/publish/accounts/:id/members',
    { schema: { tags, summary: 'Give the account to exactly these members (owners and admins always may); an empty list opens it to every editor', params: id, body: members, response: { 200: members } } },
    async (request) => {
      // Deciding who may publish is the workspace admins' call.
      const scope = await resolveScope(ctx.database, request, 'admin');
      await rt().accounts.get(scope.workspaceId, request.params.id);
      return { user_ids: await rt().matrix.setMembers(scope.workspaceId, request.params.id, request.body.user_ids) };
    },
  );

  app.put(
    '/api/publish/accounts/:id/daily-cap',
    { schema: { tags, summary: "Set the account's daily cap of posts (null removes it)", params: id, body: z.object({ daily_cap: z.number().int().min(1).max(1000).nullable() }), response: { 200: z.object({ daily_cap: z.number().nullable() }) } } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const account = await rt().accounts.get(scope.workspaceId, request.params.id);
      const { dailyCap: _old, ...rest } = account.settings;
      void _old;
      const cap = request.body.daily_cap;
      await rt().accounts.update(scope.workspaceId, account.id, { settings: cap === null ? rest : { ...rest, dailyCap: cap } });
      return { daily_cap: cap };
    },
  );
};
