import type { Role } from '@creatorflow/core';
import { PNG_1X1, type UploadFile } from './multipart.ts';

/** Object ids of one workspace, as the matrix fills them into paths, queries and bodies. */
export interface Ids {
  /** Body and query names (`work_id`, `channel_ids`, …) → the workspace's object ids. */
  values: Record<string, unknown>;
  /** The value of path parameter `name` on `path` (longest matching prefix), if the workspace has such an object. */
  path(path: string, name: string): string | undefined;
}

/**
 * Who may call a route:
 * - `public`: no credential (it checks something else: a password, a signature, a device code);
 * - `user`: any signed-in user, whatever workspace (their own account, their workspace list);
 * - a role: members of the workspace with at least that role; everyone else is refused.
 */
export type Access = 'public' | 'user' | 'local-only' | Role;

export interface Expectation {
  access: Access;
  /** A body that passes validation when the generated one would not. */
  body?: Record<string, unknown> | ((ids: Ids) => Record<string, unknown>);
  /** Query values to use instead of the generated ones. */
  query?: Record<string, string | undefined>;
  /** Path values to use instead of the fixtures'. */
  params?: Record<string, string>;
  /** The route takes a multipart upload instead of JSON. */
  multipart?: UploadFile;
  /** Why the foreign-id check does not apply (the route takes no object id of a workspace). */
  skipForeign?: string;
  /** Why this role, where it is not the obvious one. */
  why?: string;
  /** Where the workspace is named: `X-Workspace-Id` (default), or a `workspace_id` in the body. */
  workspaceIn?: 'header' | 'body';
  /** The answer a permitted caller gets, where it is a refusal of the body (status). */
  allowedAs?: number;
  /** The route creates or replaces the object its path names, in the caller's workspace (a name, not an id of F). */
  upsert?: true;
  /** What a member below the role gets (default 403): 404 where the object is personal and others' are invisible. */
  deniedAs?: 403 | 404;
}

const e = (access: Access, more: Omit<Expectation, 'access'> = {}): Expectation => ({ access, ...more });

const MARKDOWN_NOTE: UploadFile = { name: 'matrix.md', type: 'text/markdown', data: Buffer.from('# 矩阵\n\n知识库文件。\n') };
const PNG: UploadFile = { name: 'matrix.png', type: 'image/png', data: PNG_1X1 };
const id = (ids: Ids, name: string) => ids.values[name];

/**
 * The one table of who may call what (cloud mode). A route without an entry
 * fails the matrix. An array lists cases of one route whose role depends on
 * the body (saving a cover needs an editor, rendering one does not).
 */
export const EXPECTATIONS: Record<string, Expectation | Expectation[]> = {
  // Public: they check something other than a session.
  'GET /api/health': e('public'),
  'POST /api/auth/register': e('public'),
  'POST /api/auth/login': e('public'),
  'POST /api/auth/refresh': e('public'),
  'POST /api/auth/logout': e('public'),
  'POST /api/auth/device/code': e('public'),
  'POST /api/auth/device/token': e('public'),
  'GET /api/publish/oauth/callback': e('public', { why: 'the platform redirects here; the signed state names the account' }),
  'GET /api/publish/assist-files/{job_id}/{name}': e('public', { why: 'a signed, expiring link for the phone that posts by hand' }),

  // The caller's own account, whatever workspace.
  'GET /api/auth/me': e('user'),
  'GET /api/workspaces': e('user'),
  'POST /api/workspaces': e('user'),
  'POST /api/invitations/accept': e('user', { why: 'the invitation token decides the workspace' }),
  'GET /api/llm/presets': e('user'),
  'GET /api/graphs/schema': e('user'),

  // Local mode only: a cloud server refuses them for everyone.
  'GET /api/cloud/link': e('local-only'),
  'POST /api/cloud/link': e('local-only'),
  'DELETE /api/cloud/link': e('local-only'),

  'GET /api/system': e('viewer'),

  // Workspaces, members, invitations, tokens.
  'GET /api/workspaces/{id}': e('viewer'),
  'PATCH /api/workspaces/{id}': e('admin'),
  'GET /api/workspaces/{id}/audit': e('admin'),
  'GET /api/workspaces/{id}/members': e('viewer'),
  'PATCH /api/workspaces/{id}/members/{userId}': [
    e('admin', { body: { role: 'editor' } }),
    e('owner', { body: { role: 'owner' }, why: 'only an owner grants ownership' }),
    e('owner', { body: { role: 'viewer' }, why: 'only an owner takes it away (and the member is a viewer again for the routes after)' }),
  ],
  'DELETE /api/workspaces/{id}/members/{userId}': e('admin'),
  'GET /api/workspaces/{id}/invitations': e('admin'),
  'POST /api/workspaces/{id}/invitations': e('admin', { body: { email: 'matrix-invitee@example.com', role: 'viewer' } }),
  'DELETE /api/workspaces/{id}/invitations/{invitationId}': e('admin'),
  'GET /api/workspaces/{id}/tokens': e('viewer', { why: 'everyone lists their own tokens; admins see all' }),
  'POST /api/workspaces/{id}/tokens': [
    e('viewer', { body: { name: 'matrix', role: 'viewer' }, why: 'a personal token, never above your own role' }),
    e('editor', { body: { name: 'matrix', role: 'editor' } }),
    e('admin', { body: { name: 'matrix', role: 'admin' } }),
    e('owner', { body: { name: 'matrix', role: 'owner' } }),
  ],
  'DELETE /api/workspaces/{id}/tokens/{tokenId}': e('admin', { why: 'the fixture token is the owner’s: others may revoke only their own', deniedAs: 404 }),

  // Library.
  'POST /api/ideas': e('editor'),
  'GET /api/ideas': e('viewer'),
  'GET /api/ideas/{id}': e('viewer'),
  'PATCH /api/ideas/{id}': e('editor'),
  'DELETE /api/ideas/{id}': e('editor'),
  'PUT /api/ideas/{id}/works/{workId}': e('editor'),
  'DELETE /api/ideas/{id}/works/{workId}': e('editor'),
  'POST /api/works': e('editor'),
  'GET /api/works': e('viewer'),
  'POST /api/works/import': e('editor', { body: { markdown: '---\ntitle: 导入\n---\n正文\n', file_name: 'matrix.md' } }),
  'GET /api/works/{id}': e('viewer'),
  'PUT /api/works/{id}': e('editor'),
  'DELETE /api/works/{id}': e('editor'),
  'GET /api/works/{id}/export': e('viewer'),
  'GET /api/works/{id}/versions': e('viewer'),
  'GET /api/works/{id}/versions/{version}': e('viewer'),
  'GET /api/works/{id}/diff': e('viewer', { query: { from: '1', to: '1' } }),
  'POST /api/works/{id}/versions/{version}/restore': e('editor'),
  'POST /api/assets': e('editor', { multipart: PNG }),
  'GET /api/assets': e('viewer'),
  'GET /api/assets/resolve': e('viewer'),
  'GET /api/assets/{id}': e('viewer'),
  'PATCH /api/assets/{id}': e('editor'),
  'DELETE /api/assets/{id}': e('editor'),
  'GET /api/assets/{id}/content': e('viewer'),
  'GET /api/assets/{id}/thumbnail': e('viewer'),
  'POST /api/knowledge': e('editor'),
  'GET /api/knowledge': e('viewer'),
  'POST /api/knowledge/files': e('editor', { multipart: MARKDOWN_NOTE }),
  'GET /api/knowledge/search': e('viewer'),
  'GET /api/knowledge/{id}': e('viewer'),
  'DELETE /api/knowledge/{id}': e('editor'),
  'GET /api/knowledge/{id}/chunks': e('viewer'),
  'GET /api/search': e('viewer'),

  // Models: editors pick models; keys, providers and limits are the admins'.
  'GET /api/llm/providers': e('editor'),
  'POST /api/llm/providers': e('admin', { body: { preset: 'custom', name: 'matrixnew', base_url: 'http://127.0.0.1:9/v1', api_key: 'sk-matrix-new' } }),
  'PATCH /api/llm/providers/{name}': e('admin'),
  'DELETE /api/llm/providers/{name}': e('admin'),
  'POST /api/llm/providers/{name}/test': e('admin'),
  'GET /api/llm/models': e('editor'),
  'PUT /api/llm/models': e('admin', { body: (ids) => ({ provider: id(ids, 'llm_provider'), model: 'm1' }) }),
  'DELETE /api/llm/models': e('admin', { query: { model: 'm1' } }),
  'GET /api/llm/groups': e('editor'),
  'PUT /api/llm/groups/{alias}': e('admin', { upsert: true, body: (ids) => ({ members: [{ provider: id(ids, 'llm_provider'), model: 'm1' }] }) }),
  'DELETE /api/llm/groups/{alias}': e('admin'),
  'GET /api/llm/keys': e('admin'),
  'POST /api/llm/keys': e('admin'),
  'DELETE /api/llm/keys/{id}': e('admin'),
  'GET /api/llm/limits': e('admin'),
  'PUT /api/llm/limits/{scope}/{subject}': e('admin', { skipForeign: 'a limit is a row of the caller’s workspace naming its subject; another workspace’s key id limits nothing there' }),
  'DELETE /api/llm/limits/{scope}/{subject}': e('admin', { skipForeign: 'as PUT: the row is looked up in the caller’s workspace only' }),
  'GET /api/llm/exchange-rate': e('viewer'),
  'PUT /api/llm/exchange-rate': e('admin', { body: { cny_per_usd: 7.2 } }),
  'GET /api/llm/usage': e('viewer', { why: 'the team sees what it spends; keys and limits stay with admins' }),

  // Graphs, tools, runs, MCP.
  'GET /api/graphs': e('viewer'),
  'POST /api/graphs': e('editor', { body: { source: 'version: 1\nname: matrixnew\nstart: ask\nnodes:\n  ask: { type: human, message: ok?, form: { type: object } }\n' } }),
  'POST /api/graphs/validate': e('viewer'),
  'GET /api/graphs/{name}': e('viewer'),
  'GET /api/tools': e('viewer'),
  'POST /api/tools/{name}/call': e('editor', { params: { name: 'hot_items' } }),
  'POST /api/runs': e('editor', { body: (ids) => ({ graph: id(ids, 'graph'), inputs: {} }) }),
  'GET /api/runs': e('viewer'),
  'GET /api/runs/{id}': e('viewer'),
  'GET /api/runs/{id}/events': e('viewer', { query: { format: 'json', follow: 'false' } }),
  'POST /api/runs/{id}/resume': e('editor', { body: { data: {} } }),
  'POST /api/runs/{id}/confirm': e('editor'),
  'POST /api/runs/{id}/cancel': e('editor'),
  'GET /api/runtime/queue': e('viewer'),
  'GET /api/costs': e('viewer'),
  'GET /api/runs/{id}/costs': e('viewer'),
  'GET /api/mcp-servers': e('viewer'),
  'POST /api/mcp-servers': e('admin', { body: { name: 'matrixnew', transport: 'http', url: 'http://127.0.0.1:9/mcp' } }),
  'DELETE /api/mcp-servers/{name}': e('admin'),

  // Content tools: rendering is reading; saving or calling a model needs an editor.
  'GET /api/format/platforms': e('viewer'),
  'POST /api/format': e('viewer', { body: { markdown: '# 标题\n\n正文', platform: 'wechat' } }),
  'POST /api/format/preview': e('viewer', { body: { markdown: '# 标题\n\n正文', platform: 'wechat' } }),
  'POST /api/format/fit': e('editor'),
  'GET /api/images/providers': e('viewer'),
  'POST /api/images/providers': e('admin', { body: { name: 'matrixnew', kind: 'comfyui', base_url: 'http://127.0.0.1:9' } }),
  'DELETE /api/images/providers/{name}': e('admin'),
  'POST /api/images/generate': e('editor'),
  'GET /api/covers/templates': e('viewer'),
  'POST /api/covers': [e('viewer', { body: { title: '封面', save: false } }), e('editor', { body: { title: '封面', save: true } })],
  'POST /api/titles': e('viewer', { why: 'without a model the titles are rules over the draft: reading' }),
  'POST /api/video-scripts': e('editor'),
  'POST /api/illustrate': e('editor'),
  'POST /api/illustrate/regenerate': e('editor'),

  // Publishing: editors publish; the vault's password and wiping it are the admins'.
  'GET /api/publish/vault': e('viewer'),
  'POST /api/publish/vault/init': e('admin'),
  'POST /api/publish/vault/unlock': e('editor'),
  'POST /api/publish/vault/lock': e('editor'),
  'POST /api/publish/vault/change-password': e('admin'),
  'POST /api/publish/vault/reset': e('admin', { body: { confirm: 'not the phrase' }, allowedAs: 400, why: 'the wrong phrase is refused after the role check, so this deletes nothing' }),
  'POST /api/publish/vault/wipe-cloud': e('admin'),
  'GET /api/publish/platforms': e('viewer'),
  'GET /api/publish/accounts': e('viewer'),
  'POST /api/publish/accounts': e('editor', { body: { platform: 'zhihu', name: 'matrix new' } }),
  'GET /api/publish/accounts/{id}': e('viewer'),
  'DELETE /api/publish/accounts/{id}': e('editor'),
  'POST /api/publish/accounts/{id}/check': e('editor'),
  'POST /api/publish/accounts/{id}/login': e('editor'),
  'GET /api/publish/accounts/{id}/login/{sid}': e('viewer'),
  'POST /api/publish/accounts/{id}/cookies': e('editor'),
  'POST /api/publish/accounts/{id}/deep-check': e('editor'),
  'GET /api/publish/accounts/{id}/deep-check/screenshot': e('viewer'),
  'POST /api/publish/accounts/{id}/oauth/authorize': e('editor'),
  'GET /api/publish/accounts/{id}/oauth': e('viewer'),
  'DELETE /api/publish/accounts/{id}/oauth': e('editor'),
  'POST /api/publish/accounts/{id}/oauth/refresh': e('editor'),
  'PUT /api/publish/accounts/{id}/methods': e('editor', { body: { methods: ['assist'] } }),
  'POST /api/publish/jobs': e('editor', { body: (ids) => ({ work_id: id(ids, 'work_id'), to: [id(ids, 'account_id')], methods: ['assist'] }) }),
  'GET /api/publish/jobs': e('viewer'),
  'GET /api/publish/versions': e('viewer', { query: { platforms: 'zhihu' } }),
  'GET /api/publish/jobs/{id}': e('viewer'),
  'POST /api/publish/jobs/{id}/cancel': e('editor'),
  'POST /api/publish/jobs/{id}/retry': e('editor'),
  'POST /api/publish/jobs/{id}/reschedule': e('editor'),
  'GET /api/publish/jobs/{id}/events': e('viewer'),
  'GET /api/publish/attempts/{id}/screenshot': e('viewer'),
  'GET /api/publish/health': e('viewer'),
  'GET /api/publish/jobs/{id}/assist': e('viewer'),
  // 账号矩阵: groups are the editors' to arrange; who may use an account is the admins' call.
  'GET /api/publish/account-groups': e('viewer'),
  'POST /api/publish/account-groups': e('editor', { body: (ids) => ({ name: 'matrix group', kind: 'client', account_ids: id(ids, 'account_ids') }) }),
  'PUT /api/publish/account-groups/{id}': e('editor', { body: (ids) => ({ name: 'matrix group 2', kind: 'niche', account_ids: id(ids, 'account_ids') }) }),
  'DELETE /api/publish/account-groups/{id}': e('editor'),
  'GET /api/publish/accounts/health': e('viewer'),
  'GET /api/publish/accounts/{id}/members': e('viewer'),
  'PUT /api/publish/accounts/{id}/members': e('admin', { body: (ids) => ({ user_ids: id(ids, 'user_ids') }) }),
  'PUT /api/publish/accounts/{id}/daily-cap': e('editor', { body: { daily_cap: 50 } }),
  'POST /api/publish/jobs/{id}/complete': e('editor', { body: { url: 'https://zhuanlan.zhihu.com/p/1' } }),

  // Device sign-in (the CLI): approving binds a token to a workspace the approver belongs to.
  'GET /api/auth/device/requests/{user_code}': e('viewer', { skipForeign: 'a sign-in code belongs to no workspace until it is approved' }),
  'POST /api/auth/device/requests/{user_code}/approve': e('viewer', { workspaceIn: 'body', why: 'the device gets at most the approver’s role' }),
  'POST /api/auth/device/requests/{user_code}/deny': e('viewer', { skipForeign: 'a sign-in code belongs to no workspace until it is approved' }),

  // Trends, topics, analytics, opinion, alerts.
  'GET /api/trends/sources': e('viewer'),
  'POST /api/trends/sources': e('editor', { body: { name: 'matrixnew', tier_minutes: 60, spec: { kind: 'feed', url: 'http://127.0.0.1:9/feed' } } }),
  'DELETE /api/trends/sources/{id}': e('editor'),
  'POST /api/trends/sources/{id}/refresh': e('editor'),
  'GET /api/trends/sources/{id}/items': e('viewer'),
  'GET /api/trends/merged': e('viewer'),
  'GET /api/trends/rising': e('viewer'),
  'GET /api/trends/items/{id}': e('viewer'),
  'GET /api/trends/niches': e('viewer'),
  'PUT /api/trends/niches/{name}': e('editor', { upsert: true }),
  'DELETE /api/trends/niches/{id}': e('editor'),
  'POST /api/topics/suggest': e('editor'),
  'GET /api/topics/suggestions': e('viewer'),
  'POST /api/topics/suggestions/{id}/topics/{index}/idea': e('editor'),
  'GET /api/analytics/overview': e('viewer'),
  'GET /api/analytics/posts': e('viewer'),
  'GET /api/analytics/heatmap': e('viewer'),
  'GET /api/analytics/breakdown': e('viewer'),
  'GET /api/analytics/export': e('viewer'),
  'POST /api/metrics/posts': e('editor', { body: (ids) => ({ url: 'https://www.xiaohongshu.com/explore/matrixnew', title: 'new', account_id: id(ids, 'account_id') }) }),
  'GET /api/metrics/posts/{id}': e('viewer'),
  'POST /api/metrics/posts/{id}/collect': e('editor'),
  'POST /api/metrics/posts/{id}/questions/{comment_id}/idea': e('editor'),
  'GET /api/analytics/weekly': e('viewer'),
  'POST /api/analytics/weekly/send': e('editor'),
  'POST /api/analytics/estimate': e('viewer', { why: 'an estimate over the workspace’s own numbers: reading' }),
  'GET /api/opinion/status': e('viewer'),
  'PUT /api/opinion/connection': e('admin', { body: { url: 'http://127.0.0.1:9' } }),
  'GET /api/opinion/reports': e('viewer'),
  'POST /api/opinion/reports': e('editor'),
  'GET /api/opinion/reports/{id}': e('viewer'),
  'GET /api/alerts/channels': e('viewer'),
  'POST /api/alerts/channels': e('admin', { body: { name: 'matrix new', kind: 'webhook', url: 'http://127.0.0.1:9/hook' } }),
  'DELETE /api/alerts/channels/{id}': e('admin'),
  'POST /api/alerts/channels/{id}/test': e('editor'),
  'GET /api/alerts/rules': e('viewer'),
  'POST /api/alerts/rules': e('editor', { body: (ids) => ({ name: 'matrix new', niche: '口红', top_n: 3, channel_ids: id(ids, 'channel_ids') }) }),
  'PUT /api/alerts/rules/{id}': e('editor', { body: (ids) => ({ name: 'matrix rule', niche: '口红', top_n: 5, channel_ids: id(ids, 'channel_ids') }) }),
  'DELETE /api/alerts/rules/{id}': e('editor'),
  'POST /api/alerts/check': e('editor'),
  'GET /api/alerts/digests': e('viewer'),
  'GET /api/notifications': e('viewer'),
  'POST /api/notifications/read': e('viewer', { why: 'marks the caller’s own notifications' }),

  // Sync (a linked local install pushes and pulls the workspace's records).
  // Pushed records name ids of their own; that another workspace's id is refused is sync-isolation.test.ts.
  'POST /api/sync/push': e('editor', { body: { changes: [] } }),
  'GET /api/sync/pull': e('viewer'),
};
