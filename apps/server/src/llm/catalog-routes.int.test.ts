import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';

describe('the default model group follows the first provider a user adds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 240_000);
  afterAll(() => server.close());

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const res = await server.app.inject({ method, url, headers: server.localHeaders, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return { status: res.statusCode, json: (res.body ? res.json() : {}) as Record<string, unknown> };
  };
  const defaultMembers = async () => {
    const groups = (await call('GET', '/api/llm/groups')).json.groups as Array<{ alias: string; members: Array<{ provider: string; model: string }> }>;
    return groups.find((g) => g.alias === 'default')?.members.map((m) => `${m.provider}:${m.model}`);
  };

  it('points `default` at the first provider with a chat model, and leaves a working default alone', async () => {
    const custom = await call('POST', '/api/llm/providers', { preset: 'custom', name: 'inhouse', base_url: 'http://127.0.0.1:9/v1', api_key: 'k-1' });
    expect(custom).toMatchObject({ status: 201, json: { became_default: false } });
    expect(await defaultMembers()).toBeUndefined();

    const deepseek = await call('POST', '/api/llm/providers', { preset: 'deepseek', api_key: 'sk-deepseek-1' });
    expect(deepseek).toMatchObject({ status: 201, json: { name: 'deepseek', became_default: true } });
    expect(await defaultMembers()).toEqual(['deepseek:deepseek-chat']);

    const openai = await call('POST', '/api/llm/providers', { preset: 'openai', api_key: 'sk-openai-1' });
    expect(openai.json.became_default).toBe(false);
    expect(await defaultMembers()).toEqual(['deepseek:deepseek-chat']);
  });

  it('fills `default` again when its only provider was removed', async () => {
    expect((await call('DELETE', '/api/llm/providers/deepseek')).status).toBe(204);
    expect(await defaultMembers()).toEqual([]);
    const { workspaceId, userId } = server.ctx.local!;
    await expect(server.ctx.llm.chat({ model: 'default', messages: [{ role: 'user', content: 'x' }], attribution: { workspaceId, userId } })).rejects.toMatchObject({
      code: 'LLM_GROUP_EMPTY',
      message: expect.stringContaining('模型管理 → 模型组'),
    });
    const anthropic = await call('POST', '/api/llm/providers', { preset: 'anthropic', api_key: 'sk-ant-1' });
    expect(anthropic.json.became_default).toBe(true);
    expect(await defaultMembers()).toEqual(['anthropic:claude-sonnet-4-5']);
  });
});

describe('a provider may have any display name', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  }, 240_000);
  afterAll(() => server.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await server.app.inject({ method, url, headers: server.localHeaders, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    return { status: res.statusCode, json: (res.body ? res.json() : {}) as Record<string, unknown> };
  };

  it('keeps a Chinese name for display and derives an id usable in provider:model and URLs', async () => {
    const created = await call('POST', '/api/llm/providers', { preset: 'deepseek', name: '深度求索-测试', api_key: 'sk-ds-1' });
    expect(created.status).toBe(201);
    expect(created.json.display_name).toBe('深度求索-测试');
    // No Latin in the name: the preset and a short suffix, never the bare preset id (left for the real one).
    expect(created.json.name).toMatch(/^deepseek-[a-z2-9]{4}$/);
    const id = String(created.json.name);

    const second = await call('POST', '/api/llm/providers', { preset: 'deepseek', name: '深度求索-测试', api_key: 'sk-ds-2' });
    expect(second.status).toBe(201);
    expect(second.json.name).not.toBe(id);

    const mixed = await call('POST', '/api/llm/providers', { preset: 'moonshot', name: 'Kimi 团队账号', api_key: 'sk-m-1' });
    expect(mixed.json).toMatchObject({ name: 'kimi', display_name: 'Kimi 团队账号' });
    const mixedAgain = await call('POST', '/api/llm/providers', { preset: 'moonshot', name: 'Kimi 个人', api_key: 'sk-m-2' });
    expect(mixedAgain.json.name).toMatch(/^kimi-[a-z2-9]{4}$/);

    const plain = await call('POST', '/api/llm/providers', { preset: 'qwen', name: 'qwen-main', api_key: 'sk-q-1' });
    expect(plain.json).toMatchObject({ name: 'qwen-main', display_name: 'qwen-main' });
    expect((await call('POST', '/api/llm/providers', { preset: 'qwen', name: 'qwen-main', api_key: 'sk-q-2' })).json).toMatchObject({ code: 'LLM_PROVIDER_EXISTS' });

    const listed = (await call('GET', '/api/llm/providers')).json.providers as Array<{ name: string; display_name: string }>;
    expect(listed.find((p) => p.name === id)?.display_name).toBe('深度求索-测试');
    expect((await call('PATCH', `/api/llm/providers/${id}`, { enabled: false })).status).toBe(200);
    const models = (await call('GET', '/api/llm/models')).json.models as Array<{ provider: string; model: string }>;
    expect(models.some((m) => m.provider === id && m.model === 'deepseek-chat')).toBe(true);
  });

  it('refuses an empty or overlong display name with its own code', async () => {
    expect((await call('POST', '/api/llm/providers', { preset: 'deepseek', name: '   ' })).json).toMatchObject({ code: 'LLM_PROVIDER_NAME_INVALID' });
    expect((await call('POST', '/api/llm/providers', { preset: 'deepseek', display_name: '名'.repeat(61) })).status).toBe(400);
    expect((await call('POST', '/api/llm/providers', { preset: 'deepseek', name: 'not an id', display_name: '测试' })).json).toMatchObject({ code: 'LLM_PROVIDER_NAME_INVALID' });
  });
});
