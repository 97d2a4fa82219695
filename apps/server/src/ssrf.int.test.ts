import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEgressBlocked } from '@creatorflow/net';
import { systemClock } from '@creatorflow/core';
import { ImageProviderStore } from '@creatorflow/content/images/provider-store';
import { WechatMpClient, WechatTokenCache } from '@creatorflow/publish/platforms/wechat-mp/client';
import { startSsrfLab, type SsrfLab } from '@creatorflow/testing/ssrf-lab';
import { createTestServer, type TestServer } from './testing/harness.ts';
import { registerUser, type TestUser } from './testing/users.ts';
import { McpTools } from '@creatorflow/runtime/tools/mcp';
import { metricsFor } from './analytics/service.ts';

/**
 * The SSRF suite: every URL-taking feature of a cloud server against the lab's
 * hostile targets (names resolving inside, IPv6 and numeric IPv4 forms,
 * redirect chains, DNS rebinding between check and connect). The operator's
 * test allow-list is cleared, so loopback is as forbidden as in production.
 * A feature passes when it refuses with FETCH_BLOCKED_HOST (at save or at use)
 * and the lab's internal service never sees a request.
 */
let lab: SsrfLab;
let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  lab = await startSsrfLab();
  server = await createTestServer({ cloud: 'pglite', env: { CREATORFLOW_EGRESS_ALLOW: '' }, egress: lab.policy() });
  user = await registerUser(server);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await lab?.close();
});

const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
  const res = await server.app.inject({ method, url, headers: user.headers, payload: payload as Record<string, unknown> });
  return { status: res.statusCode, json: res.body ? (res.json() as Record<string, unknown>) : {} };
};

const isRedirect = (label: string) => label.includes('redirect');
const redirects = (url: string) => /redirect|rebind/.test(url);
let seq = 0;

/** Runs one feature over the whole table; returns the entries that were not refused. */
async function attack(feature: (url: string) => Promise<'blocked' | string>): Promise<Array<[string, string]>> {
  const misses: Array<[string, string]> = [];
  for (const [label, url] of lab.hostile()) {
    const outcome = await feature(url).catch((error: unknown) => (isEgressBlocked(error) ? 'blocked' : `threw ${(error as Error).message}`));
    if (outcome !== 'blocked') misses.push([label, outcome]);
  }
  return misses;
}

describe('SSRF suite (cloud mode)', () => {
  it('the public lab site is reachable, so refusals below are the guard and not a broken lab', async () => {
    const res = await api('POST', '/api/knowledge', { url: `${lab.publicBase}/page` });
    expect(res.status).toBe(201);
  });

  it('knowledge import refuses every hostile URL', async () => {
    const misses = await attack(async (url) => {
      const res = await api('POST', '/api/knowledge', { url });
      return res.json.code === 'FETCH_BLOCKED_HOST' ? 'blocked' : `${res.status} ${String(res.json.code)}`;
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('the http_fetch tool refuses every hostile URL', async () => {
    const resolution = server.ctx.runtime.tools.resolve('http_fetch', 'cloud');
    if (!resolution.ok) throw new Error(resolution.reason);
    const misses = await attack(async (url) => {
      await resolution.tool.invoke({ url }, { workspaceId: user.workspaceId, userId: user.userId, runtime: 'cloud', signal: new AbortController().signal });
      return 'fetched';
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('an LLM provider base URL is refused when saved, when tested and when the executor calls it', async () => {
    const misses = await attack(async (url) => {
      const name = `p${++seq}`;
      const created = await api('POST', '/api/llm/providers', { preset: 'custom', name, base_url: url, api_key: 'sk-operator-secret' });
      if (created.json.code === 'FETCH_BLOCKED_HOST') return 'blocked';
      if (created.status !== 201) return `create ${created.status} ${String(created.json.code)}`;
      const tested = await api('POST', `/api/llm/providers/${name}/test`);
      if (tested.json.code === 'FETCH_BLOCKED_HOST') return 'blocked';
      // A redirecting base URL is saved (its first hop is public); the upstream client never follows redirects.
      if (redirects(url)) return tested.json.ok === false ? 'blocked' : `test answered ${JSON.stringify(tested.json)}`;
      return `test ${tested.status} ${JSON.stringify(tested.json)}`;
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('the LLM executor refuses a stored hostile base URL at connect time (no check before it)', async () => {
    const misses: Array<[string, string]> = [];
    for (const [label, url] of lab.hostile()) {
      if (isRedirect(label)) continue; // the executor does not follow redirects (proven above)
      // A provider per target: the failover breaker would otherwise cool one member down after a few refusals.
      const name = `exec${++seq}`;
      const created = await api('POST', '/api/llm/providers', { preset: 'custom', name, base_url: `${lab.publicBase}/v1`, api_key: 'sk-operator-secret' });
      expect(created.status).toBe(201);
      await server.ctx.database.query('UPDATE llm_providers SET base_url = $1 WHERE workspace_id = $2 AND name = $3', [url.replace(/\/$/, ''), user.workspaceId, name]);
      server.ctx.llm.store.invalidate(user.workspaceId);
      const outcome = await server.ctx.llm
        .chat({ model: `${name}:gpt-x`, messages: [{ role: 'user', content: 'hi' }], attribution: { workspaceId: user.workspaceId, userId: user.userId } })
        .then(
          () => 'answered',
          (error: Error) => (/is not allowed/.test(error.message) ? 'blocked' : `failed: ${error.message}`),
        );
      if (outcome !== 'blocked') misses.push([label, outcome]);
    }
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('image services refuse every hostile base URL', async () => {
    const misses = await attack(async (url) => {
      const res = await api('POST', '/api/images/providers', { name: `img${++seq}`, kind: 'comfyui', base_url: url });
      if (res.json.code === 'FETCH_BLOCKED_HOST') return 'blocked';
      if (res.status !== 201) return `create ${res.status} ${String(res.json.code)}`;
      // Saved (a public first hop): using it must still be refused.
      const provider = await new ImageProviderStore(server.ctx.database, server.ctx.secretKey, server.ctx.egress).open(user.workspaceId, `img${seq}`);
      await provider.generate({ prompt: 'x', width: 512, height: 512 });
      return 'generated';
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('publish accounts refuse hostile site base URLs, and the WeChat API client refuses hostile API bases when it calls them', async () => {
    const misses = await attack(async (url) => {
      const browser = await api('POST', '/api/publish/accounts', { platform: 'xiaohongshu', name: `x${++seq}`, base_url: url });
      // A redirecting or rebinding URL passes the save check (its first answer is public); its use is what must fail.
      if (browser.json.code !== 'FETCH_BLOCKED_HOST' && !redirects(url)) return `browser account ${browser.status} ${String(browser.json.code)}`;
      // The WeChat client replaces the base URL's path with the API's, so a path-based redirect never applies (host-based ones above do).
      if (url.includes('/redirect?')) return 'blocked';
      const client = new WechatMpClient({ baseUrl: url, appId: 'wx1', appSecret: 'app-secret-value', guard: server.ctx.egress }, new WechatTokenCache(systemClock));
      await client.token();
      return 'token fetched';
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it("the 公众号 metrics collector refuses a hostile account API base when it collects (the server's own metrics domain)", async () => {
    const collector = metricsFor(server.ctx).scheduler.collector('wechat_mp');
    if (!collector?.collectAccount) throw new Error('no 公众号 account collector');
    const misses = await attack(async (url) => {
      if (url.includes('/redirect?')) return 'blocked'; // the API client replaces the path (host redirects are tried)
      await collector.collectAccount!({
        account: { id: 'acc', workspaceId: user.workspaceId, platform: 'wechat_mp', name: 'main', settings: { apiBaseUrl: url } },
        readSecret: async () => ({ appId: 'wx1', appSecret: 'app-secret-value' }),
        signal: new AbortController().signal,
        now: new Date(),
      });
      return 'collected';
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });

  it('trend custom sources (RSS and JSON feeds) refuse hostile URLs when saved, and every refresh refuses them when fetched', async () => {
    // Control: a public feed address is saved and fetched (the lab answers HTML, so the read fails on its shape, not the guard).
    const control = await api('POST', '/api/trends/sources', { name: `feed${++seq}`, tier_minutes: 60, spec: { kind: 'feed', url: `${lab.publicBase}/page` } });
    expect(control.status).toBe(201);
    const read = await api('POST', `/api/trends/sources/${String(control.json.id)}/refresh`);
    expect(read.json).toMatchObject({ status: 'failed', code: 'TREND_SOURCE_SHAPE' });
    const misses = await attack(async (url) => {
      const kind = seq % 2 === 0 ? 'feed' : 'json';
      const spec = kind === 'feed' ? { kind, url } : { kind, url, list_path: 'data.list', fields: { title: 'title' } };
      const saved = await api('POST', '/api/trends/sources', { name: `feed${++seq}`, tier_minutes: 60, spec });
      if (saved.json.code === 'FETCH_BLOCKED_HOST') return 'blocked';
      if (saved.status !== 201 || !redirects(url)) return `saved ${saved.status} ${String(saved.json.code)}`;
      const refreshed = await api('POST', `/api/trends/sources/${String(saved.json.id)}/refresh`);
      return refreshed.json.code === 'FETCH_BLOCKED_HOST' ? 'blocked' : `refresh ${JSON.stringify(refreshed.json)}`;
    });
    expect(misses).toEqual([]);
    // The background refresher takes the same path (refreshById), and the stored error names the guard.
    const sources = await api('GET', '/api/trends/sources');
    const failing = (sources.json.items as Array<{ custom: boolean; last_error_code: string | null }>).filter((s) => s.custom && s.last_error_code);
    expect(failing.filter((s) => s.last_error_code === 'FETCH_BLOCKED_HOST').length).toBeGreaterThan(0);
    expect(lab.internalHits()).toBe(0);
  });

  it('MCP http servers refuse hostile URLs when saved, and the transport refuses them when a run connects', async () => {
    const misses = await attack(async (url) => {
      const name = `m${++seq}`;
      const saved = await api('POST', '/api/mcp-servers', { name, transport: 'http', url });
      if (saved.json.code !== 'FETCH_BLOCKED_HOST' && !redirects(url)) return `saved ${saved.status}`;
      const tools = await McpTools.connect([{ name, transport: 'http', url }], { policy: { mode: 'cloud', stdioAllow: [] }, wanted: [`mcp.${name}.search`], guard: server.ctx.egress, timeoutMs: 5000 });
      const status = tools.registry.status(`mcp.${name}.search`, 'cloud');
      await tools.close();
      return status && !status.available && /is not allowed/.test(status.reason ?? '') ? 'blocked' : `connected: ${JSON.stringify(status)}`;
    });
    expect(misses).toEqual([]);
    expect(lab.internalHits()).toBe(0);
  });
});
