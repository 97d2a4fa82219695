import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretRedactor } from '@creatorflow/core';
import { createLogger } from '@creatorflow/runtime';
import { startFakeWeibo, type FakeWeibo } from '@creatorflow/testing/fake-open-apis/weibo';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { registerUser, type TestUser } from '../testing/users.ts';
import { startEchoUpstream, type EchoUpstream } from './echo-upstream.ts';

/**
 * The secret-leak suite (issue 17, "Suites that must exist" 3). Every kind of
 * secret the product holds is seeded into a cloud server, every feature that
 * uses one is exercised against an upstream that quotes back whatever it is
 * sent, and then every place a secret could surface is scanned for it in
 * plain text: the captured log lines, every API answer, run events, exports
 * (work export, analytics export, the sync feed) and a dump of every text and
 * JSON column of the database.
 *
 * Secrets are random and not shaped like keys on purpose: they must be caught
 * because the process knows them, not by their look. After seeding, each is
 * forgotten by the redactor, as a worker that never saw it at start-up would
 * be, so only the process opening its stored copy can teach it again.
 */
const secret = (label: string) => `cf${label}${randomBytes(20).toString('hex')}`;
const S = {
  jwtSecret: secret('jwt'),
  secretKey: secret('sealkey'),
  operatorKey: secret('opkey'),
  providerKey: secret('provkey'),
  imageKey: secret('imgkey'),
  vaultPassword: secret('vaultpw'),
  cookie: secret('cookie'),
  webhookToken: secret('hooktok'),
  webhookSigning: secret('hooksign'),
  bettafishKey: secret('bfkey'),
  mcpToken: secret('mcptok'),
  weiboSecret: 'weibo-app-secret-0001',
  // Filled in as the server hands them out, or as the platform issues them.
  gatewayKey: '',
  apiToken: '',
};
const issued: string[] = [];

describe('no plaintext secret anywhere', () => {
  let server: TestServer;
  let echo: EchoUpstream;
  let weibo: FakeWeibo;
  let user: TestUser;
  let base = '';
  const lines: string[] = [];
  /** Every answer, with the one secret it was allowed to show (a key is shown once, when it is made). */
  const answers: Array<{ what: string; text: string; reveals?: string }> = [];

  async function api(method: string, url: string, payload?: unknown, opts: { reveals?: string; anonymous?: boolean } = {}) {
    const res = await server.app.inject({ method: method as 'GET', url, payload: payload as object, headers: opts.anonymous ? { host: '127.0.0.1' } : user.headers });
    answers.push({ what: `${method} ${url} → ${res.statusCode}`, text: `${JSON.stringify(res.headers)}\n${res.body}`, reveals: opts.reveals });
    let json: Record<string, unknown> = {};
    try {
      json = res.json();
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, json, text: res.body, headers: res.headers };
  }

  async function waitForRun(id: string): Promise<Record<string, unknown>> {
    let last = '';
    for (let i = 0; i < 300; i++) {
      const run = await api('GET', `/api/runs/${id}`);
      if (['failed', 'completed', 'cancelled', 'waiting'].includes(String(run.json.status))) return run.json;
      last = run.text;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${id} did not finish: ${last.slice(0, 1500)}`);
  }

  beforeAll(async () => {
    echo = await startEchoUpstream();
    weibo = await startFakeWeibo({ giveRefreshTokens: true });
    const issue = weibo.oauth.issue.bind(weibo.oauth);
    weibo.oauth.issue = (...args: Parameters<typeof issue>) => {
      const tokens = issue(...args);
      issued.push(tokens.accessToken, tokens.refreshToken);
      return tokens;
    };
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    server = await createTestServer({
      cloud: 'pglite',
      logger: createLogger('trace', sink),
      env: {
        CREATORFLOW_JWT_SECRET: S.jwtSecret,
        CREATORFLOW_SECRET_KEY: S.secretKey,
        OPENAI_API_KEY: S.operatorKey,
        OPENAI_BASE_URL: `${echo.url}/v1`,
        CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini',
      },
    });
    // The opinion service reads BETTAFISH_URL from the process environment when it is used.
    process.env.BETTAFISH_URL = `${echo.url}/bettafish?key=${S.bettafishKey}`;
    // What `creatorflow worker` does in a cloud deployment: execute the queued runs (here in this process).
    await server.ctx.runtime.startWorker();
    user = await registerUser(server);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    delete process.env.BETTAFISH_URL;
    await server?.close();
    await echo?.close();
    await weibo?.close();
  });

  it('seeds every kind of secret and exercises what uses it, errors included', async () => {
    // Model providers: the operator's (seeded from the environment) and a workspace's own.
    { const r = await api('POST', '/api/llm/providers', { preset: 'custom', name: 'echo', base_url: `${echo.url}/v1`, api_key: S.providerKey }); expect(r.status, r.text).toBe(201); }
    secretRedactor.forget(S.providerKey);
    secretRedactor.forget(S.operatorKey);
    await api('POST', '/api/llm/providers/echo/test');
    await api('POST', '/api/llm/providers/openai/test');
    await api('PATCH', '/api/llm/providers/echo', { enabled: true });
    await api('GET', '/api/llm/providers');

    // A run whose model call fails with the key quoted back.
    const run = await api('POST', '/api/runs', { source: 'version: 1\nname: leak\nstart: a\nnodes:\n  a: { type: llm, prompt: hi, output: x }\n' });
    expect(run.status, run.text).toBe(202);
    const finished = await waitForRun(String(run.json.id));
    expect(finished.status).toBe('failed');
    await api('GET', `/api/runs/${String(run.json.id)}/events?format=json&follow=false`);
    await api('GET', '/api/runs');

    // The gateway: a key of the workspace (shown once), used against the failing upstream.
    const key = await api('POST', '/api/llm/keys', { name: 'leak' }, { reveals: 'gateway' });
    S.gatewayKey = String(key.json.key ?? key.json.token ?? key.json.secret ?? '');
    expect(S.gatewayKey.length).toBeGreaterThan(10);
    answers.at(-1)!.reveals = S.gatewayKey;
    secretRedactor.forget(S.gatewayKey);
    for (const path of ['/v1/chat/completions', '/v1/messages']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${S.gatewayKey}`, 'x-api-key': S.gatewayKey, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'openai:gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
      });
      answers.push({ what: `POST ${path} → ${res.status}`, text: `${JSON.stringify(Object.fromEntries(res.headers))}\n${await res.text()}` });
    }
    const models = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${S.gatewayKey}` } });
    answers.push({ what: `GET /v1/models → ${models.status}`, text: await models.text() });
    await api('GET', '/api/llm/keys');
    await api('GET', '/api/llm/usage?group_by=key,user,provider');

    // A personal API token (shown once), then used.
    const token = await api('POST', `/api/workspaces/${user.workspaceId}/tokens`, { name: 'leak' });
    S.apiToken = String(token.json.token ?? '');
    expect(S.apiToken.length).toBeGreaterThan(10);
    answers.at(-1)!.reveals = S.apiToken;
    await api('GET', `/api/workspaces/${user.workspaceId}/tokens`);

    // An image service with its key.
    { const r = await api('POST', '/api/images/providers', { name: 'echo', kind: 'openai', base_url: echo.url, model: 'gpt-image-1', api_key: S.imageKey }); expect(r.status, r.text).toBe(201); }
    secretRedactor.forget(S.imageKey);
    await api('POST', '/api/images/generate', { prompt: '猫', provider: 'echo' });
    await api('GET', '/api/images/providers');

    // MCP over HTTP with a token in its URL.
    await api('POST', '/api/mcp-servers', { name: 'echo', transport: 'http', url: `${echo.url}/mcp?token=${S.mcpToken}` });
    await api('GET', '/api/mcp-servers');
    await api('GET', '/api/tools');
    secretRedactor.forget(S.mcpToken);
    // A run that calls one of its tools: the worker opens the stored URL and the server answers with it quoted.
    const mcpRun = await api('POST', '/api/runs', { source: 'version: 1\nname: mcpleak\nstart: a\nnodes:\n  a: { type: tool, tool: mcp.echo.search, args: { q: x }, output: x }\n' });
    expect(mcpRun.status, mcpRun.text).toBe(202);
    expect((await waitForRun(String(mcpRun.json.id))).status).toBe('failed');
    await api('GET', `/api/runs/${String(mcpRun.json.id)}/events?format=json&follow=false`);

    // A webhook bot: its address carries the token, and it signs with a secret.
    const channel = await api('POST', '/api/alerts/channels', { name: '机器人', kind: 'webhook', url: `${echo.url}/hook/${S.webhookToken}`, secret: S.webhookSigning });
    expect(channel.status, channel.text).toBe(201);
    secretRedactor.forget(S.webhookToken);
    secretRedactor.forget(S.webhookSigning);
    await api('POST', `/api/alerts/channels/${String(channel.json.id)}/test`);
    await api('GET', '/api/alerts/channels');

    // BettaFish at an operator URL with a key in it.
    secretRedactor.forget(S.bettafishKey);
    await api('GET', '/api/opinion/status');
    const report = await api('POST', '/api/opinion/reports', { topic: '咖啡' });
    if (report.json.id) await api('GET', `/api/opinion/reports/${String(report.json.id)}`);
    await api('GET', '/api/opinion/reports');

    // The publish vault: its master password, and an account's cookies sealed in it.
    await api('POST', '/api/publish/vault/init', { password: S.vaultPassword });
    await api('POST', '/api/publish/vault/unlock', { password: S.vaultPassword });
    await api('POST', '/api/publish/vault/unlock', { password: `${S.vaultPassword}-wrong` });
    const account = await api('POST', '/api/publish/accounts', { platform: 'zhihu', name: '知乎号' });
    expect(account.status, account.text).toBe(201);
    const stored = await api('POST', `/api/publish/accounts/${String(account.json.id)}/cookies`, { cookies: `z_c0=${S.cookie}; d_c0=abc` });
    expect(stored.status, stored.text).toBe(200);
    secretRedactor.forget(S.cookie);
    await api('GET', `/api/publish/accounts/${String(account.json.id)}`);

    // OAuth: the app secret, then the access and refresh tokens the platform issues (and rotates).
    const wb = await api('POST', '/api/publish/accounts', { platform: 'weibo', name: '微博号', credential_mode: 'oauth', api_base_url: weibo.url, share_url: 'https://creatorflow.example/s' });
    expect(wb.status, wb.text).toBe(201);
    const wbId = String(wb.json.id);
    const started = await api('POST', `/api/publish/accounts/${wbId}/oauth/authorize`, { client_id: '3000000001', client_secret: S.weiboSecret });
    expect(started.status, started.text).toBe(200);
    const consent = await fetch(String(started.json.authorize_url), { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const callback = await api('GET', `${back.pathname}${back.search}`, undefined, { anonymous: true });
    expect(callback.status).toBe(302);
    expect(issued.length).toBeGreaterThan(0);
    await api('POST', `/api/publish/accounts/${wbId}/oauth/refresh`);
    weibo.oauth.failNext('/oauth2/access_token', 21327);
    await api('POST', `/api/publish/accounts/${wbId}/oauth/refresh`);
    await api('GET', `/api/publish/accounts/${wbId}/oauth`);
    for (const t of issued) secretRedactor.forget(t);
    const post = await api('POST', '/api/works', { title: '微博', kind: 'post', body: '创流泄露测试 https://creatorflow.example/s' });
    const job = await api('POST', '/api/publish/jobs', { work_id: String(post.json.id), to: [wbId] });
    expect(job.status, job.text).toBe(201);
    await api('GET', '/api/publish/accounts');
    await api('GET', '/api/publish/jobs');

    // Exports: a work's Markdown, the analytics table, and the sync feed (every synced record).
    const work = await api('POST', '/api/works', { title: '导出', kind: 'note', body: '正文' });
    await api('GET', `/api/works/${String(work.json.id)}/export`);
    await api('GET', '/api/analytics/export?format=csv');
    await api('GET', '/api/sync/pull');
    await api('GET', `/api/workspaces/${user.workspaceId}/audit`);
    await api('GET', '/api/system');
    await api('GET', '/api/auth/me');

    // Proof the features really sent the secrets out, so their absence below means something.
    const sent = echo.seen();
    for (const [name, value] of Object.entries({ operatorKey: S.operatorKey, providerKey: S.providerKey, imageKey: S.imageKey, webhookToken: S.webhookToken, mcpToken: S.mcpToken, bettafishKey: S.bettafishKey })) {
      expect(sent, `the upstream never received ${name}`).toContain(value);
    }
  }, 120_000);

  const each = () => [...Object.entries(S).filter(([, v]) => v), ...issued.map((t, i) => [`oauth token ${i}`, t] as [string, string])];
  const findIn = (text: string, except?: string) =>
    each()
      .filter(([, v]) => v !== except && (text.includes(v) || text.includes(encodeURIComponent(v))))
      .map(([k]) => k);

  it('finds none in the logs', () => {
    expect(lines.length).toBeGreaterThan(20);
    const hits = lines.flatMap((line) => findIn(line).map((k) => `${k}: ${line.slice(0, 300)}`));
    expect(hits).toEqual([]);
  });

  it('finds none in any API answer (a key only in the answer that made it)', () => {
    expect(answers.length).toBeGreaterThan(40);
    const hits = answers.flatMap((a) => findIn(a.text, a.reveals).map((k) => `${k} in ${a.what}: ${a.text.slice(0, 300)}`));
    expect(hits).toEqual([]);
  });

  it('finds none in a dump of every text and JSON column of the database', async () => {
    const db = server.ctx.database;
    const columns = await db.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    let dumped = 0;
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const value = type === 'bytea' ? `encode("${column}", 'escape')` : `"${column}"::text`;
      const rows = await db.query<{ v: string | null }>(`SELECT string_agg(${value}, ' ') AS v FROM "${table}"`);
      const text = rows[0]?.v ?? '';
      dumped += text.length;
      for (const k of findIn(text)) hits.push(`${k} in ${table}.${column}`);
    }
    expect(dumped).toBeGreaterThan(10_000);
    expect(hits).toEqual([]);
    expect(each().length).toBeGreaterThan(15);
  });
});
