import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestServer, type TestServer } from '../testing/harness.ts';

let server: TestServer;
let published = 0;
beforeAll(async () => {
  server = await createTestServer();
  server.ctx.runtime.tools.register({
    name: 'test_publish',
    description: 'publishes somewhere',
    input: z.object({}),
    output: z.unknown(),
    runtime: 'universal',
    capabilities: ['publish'],
    run: async () => ++published,
  });
});
afterAll(() => server.close());

const call = (name: string, args: unknown) => server.app.inject({ method: 'POST', url: `/api/tools/${name}/call`, headers: server.localHeaders, payload: { args } });

describe('POST /api/tools/:name/call', () => {
  it('runs a tool outside a run and returns its result', async () => {
    const res = await call('knowledge_search', { query: '冬季穿搭' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'knowledge_search', result: { hits: [] } });
  });

  it('says which argument is wrong', async () => {
    const res = await call('knowledge_search', { limit: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: expect.stringMatching(/query/) });
  });

  it('answers 404 for a tool that does not exist', async () => {
    expect((await call('no_such_tool', {})).json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses tools that publish: they run only inside a graph, behind its approval', async () => {
    const res = await call('test_publish', {});
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'TOOL_CALL_REFUSED' });
    expect(published).toBe(0);
  });
});
