import { newUuid } from '@creatorflow/core';
import type { TestServer } from '../testing/harness.ts';
import type { TestUser } from '../testing/users.ts';
import type { Ids } from './authz-expectations.ts';
import { multipartOf, PNG_1X1 } from './multipart.ts';

/** A graph that needs no model: one human step, so its run waits (answerable, cancellable). */
export const MATRIX_GRAPH = (name: string) => `version: 1\nname: ${name}\nstart: ask\nnodes:\n  ask: { type: human, message: ok?, form: { type: object } }\n`;

/**
 * One of each kind of object a route takes an id of, created through the API
 * in `owner`'s workspace: the matrix runs every route once with W's ids and
 * once with F's, so a route that finds F's object from W shows up.
 * `extraUserId` is a member who is none of the matrix's principals, so that
 * removing or demoting "a member" never removes one of them.
 */
export async function createMatrixFixtures(server: TestServer, owner: TestUser, extraUserId: string, memberIds: string[] = [extraUserId]): Promise<Ids> {
  const ws = owner.workspaceId;
  const headers = { ...owner.headers, 'x-workspace-id': ws };
  const call = async <T = Record<string, unknown>>(method: string, url: string, payload?: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const res = await server.app.inject({ method: method as 'GET', url, headers: { ...headers, ...extra }, payload: payload as object });
    if (res.statusCode >= 300) throw new Error(`matrix fixture ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return (res.body ? res.json() : undefined) as T;
  };
  // The end of the id: UUIDv7s made in the same millisecond share their start.
  const tag = ws.replace(/-/g, '').slice(-8);

  const idea = await call<{ id: string }>('POST', '/api/ideas', { text: `idea ${tag}` });
  const upload = multipartOf({ name: `cover-${tag}.png`, type: 'image/png', data: Buffer.concat([PNG_1X1, Buffer.from(tag)]) });
  const asset = (await call<{ asset: { id: string; uri: string } }>('POST', '/api/assets', upload.payload, upload.headers)).asset;
  const work = await call<{ id: string }>('POST', '/api/works', { title: `work ${tag}`, kind: 'note', body: 'body', cover_asset_id: asset.id, idea_id: idea.id });
  const knowledge = await call<{ id: string }>('POST', '/api/knowledge', { kind: 'text', content: `knowledge ${tag}`, title: `k ${tag}` });
  const provider = `prov${tag}`;
  await call('POST', '/api/llm/providers', { preset: 'custom', name: provider, base_url: 'http://127.0.0.1:9/v1', api_key: `sk-matrix-${tag}` });
  await call('PUT', `/api/llm/groups/group${tag}`, { members: [{ provider, model: 'm1' }] });
  const key = await call<{ id: string }>('POST', '/api/llm/keys', { name: `key ${tag}` });
  const graph = `matrix${tag}`;
  await call('POST', '/api/graphs', { source: MATRIX_GRAPH(graph) });
  const run = await call<{ id: string }>('POST', '/api/runs', { graph, inputs: {} });
  const mcp = `mcp${tag}`;
  await call('POST', '/api/mcp-servers', { name: mcp, transport: 'http', url: 'http://127.0.0.1:9/mcp' });
  const image = `img${tag}`;
  await call('POST', '/api/images/providers', { name: image, kind: 'comfyui', base_url: 'http://127.0.0.1:9' });
  const account = await call<{ id: string }>('POST', '/api/publish/accounts', { platform: 'zhihu', name: `acct ${tag}` });
  // Published without the cover: resolving a cloud asset URI for publishing is not what this suite is about.
  const plain = await call<{ id: string }>('POST', '/api/works', { title: `plain ${tag}`, kind: 'article', body: '## 标题\n\n正文。' });
  const job = await call<{ jobs: Array<{ id: string }> }>('POST', '/api/publish/jobs', { work_id: plain.id, to: [account.id], methods: ['assist'] });
  const post = await call<{ id: string }>('POST', '/api/metrics/posts', { url: `https://www.xiaohongshu.com/explore/matrix${tag}`, title: 'post' });
  const source = await call<{ id: string }>('POST', '/api/trends/sources', { name: `feed${tag}`, tier_minutes: 60, spec: { kind: 'feed', url: 'http://127.0.0.1:9/feed' } });
  const niche = await call<{ id: string }>('PUT', `/api/trends/niches/niche${tag}`, { rules: '口红' });
  const channel = await call<{ id: string }>('POST', '/api/alerts/channels', { name: `ch ${tag}`, kind: 'webhook', url: 'http://127.0.0.1:9/hook' });
  const rule = await call<{ id: string }>('POST', '/api/alerts/rules', { name: `rule ${tag}`, niche: '口红', top_n: 3, channel_ids: [channel.id] });
  const token = await call<{ id: string }>('POST', `/api/workspaces/${ws}/tokens`, { name: `token ${tag}` });
  const invitation = await call<{ id: string }>('POST', `/api/workspaces/${ws}/invitations`, { email: `invitee-${tag}@example.com`, role: 'viewer' });
  const jobId = job.jobs[0]!.id;
  const group = await call<{ id: string }>('POST', '/api/publish/account-groups', { name: `group ${tag}`, kind: 'client', account_ids: [account.id] });
  const device = await server.app.inject({ method: 'POST', url: '/api/auth/device/code', headers: { host: '127.0.0.1' }, payload: { client_name: `matrix ${tag}` } });
  const userCode = device.json<{ user_code: string }>().user_code;

  const paths: Record<string, Record<string, string>> = {
    '/api/workspaces/': { userId: extraUserId, tokenId: token.id, invitationId: invitation.id },
    '/api/ideas/': { id: idea.id, workId: work.id },
    '/api/works/': { id: work.id, version: '1' },
    '/api/assets/': { id: asset.id },
    '/api/knowledge/': { id: knowledge.id },
    '/api/llm/providers/': { name: provider },
    '/api/llm/groups/': { alias: `group${tag}` },
    '/api/llm/keys/': { id: key.id },
    '/api/llm/limits/': { scope: 'key', subject: key.id },
    '/api/graphs/': { name: graph },
    '/api/runs/': { id: run.id },
    '/api/mcp-servers/': { name: mcp },
    '/api/images/providers/': { name: image },
    '/api/publish/accounts/': { id: account.id },
    '/api/publish/jobs/': { id: jobId },
    '/api/publish/account-groups/': { id: group.id },
    '/api/metrics/posts/': { id: post.id },
    '/api/trends/sources/': { id: source.id },
    '/api/trends/niches/': { id: niche.id, name: `niche${tag}` },
    '/api/alerts/channels/': { id: channel.id },
    '/api/alerts/rules/': { id: rule.id },
    '/api/auth/device/requests/': { user_code: userCode },
  };
  const values: Record<string, unknown> = {
    idea_id: idea.id,
    idea_ids: [idea.id],
    work_id: work.id,
    work_ids: [work.id],
    works: [work.id],
    cover_asset_id: asset.id,
    asset_id: asset.id,
    asset_ids: [asset.id],
    uri: asset.uri,
    account_id: account.id,
    account_ids: [account.id],
    // Members an account is given to: every member of the workspace who is not an admin, so giving it leaves the matrix's editor its use.
    user_ids: memberIds,
    source_id: source.id,
    source_ids: [source.id],
    key_id: key.id,
    channel_ids: [channel.id],
    job_id: jobId,
    llm_provider: provider,
    graph,
    workspace_id: ws,
  };
  return idsOf(values, paths);
}

/** The same shape of ids with every one replaced by one that exists nowhere: what a foreign id's answer is compared with. */
export function nowhereLike(ids: Ids): Ids {
  const swap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(swap);
    if (typeof v !== 'string') return v;
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
    if (uuid.test(v)) return v.replace(uuid, () => newUuid());
    return /^\d+$/.test(v) ? '999' : `${v}zz9`;
  };
  const values = Object.fromEntries(Object.entries(ids.values).map(([k, v]) => [k, swap(v)]));
  const cache = new Map<string, string | undefined>();
  return {
    values,
    path(path, name) {
      const key = `${path} ${name}`;
      if (!cache.has(key)) {
        const own = ids.path(path, name);
        cache.set(key, own === undefined ? undefined : (swap(own) as string));
      }
      return cache.get(key);
    },
  };
}

function idsOf(values: Record<string, unknown>, paths: Record<string, Record<string, string>>): Ids {
  return {
    values,
    path(path, name) {
      const prefix = Object.keys(paths)
        .filter((p) => path.startsWith(p))
        .sort((a, b) => b.length - a.length)[0];
      return prefix ? paths[prefix]![name] : undefined;
    },
  };
}
