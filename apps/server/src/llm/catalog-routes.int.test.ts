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
