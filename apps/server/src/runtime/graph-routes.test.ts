import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

interface Listed {
  name: string;
  runnable: boolean;
  unavailable_tools: string[];
  not_runnable_reason: string | null;
}

describe('GET /api/graphs', () => {
  it('marks every shipped graph runnable once its tools are real', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/graphs', headers: server.localHeaders });
    expect(res.statusCode).toBe(200);
    const byName = new Map((res.json() as { items: Listed[] }).items.map((g) => [g.name, g]));
    // The content graphs' tools are all real (wired in packages/runtime/src/tools/registry.ts).
    // publish-workflow: publish_work is the publish domain's (packages/publish tools/publish-work.ts, wired in the registry).
    // analytics and topic-radar: collect_metrics and the trend tools are the insights domain's, wired in the registry too.
    for (const name of ['content-creation', 'video-script', 'viral-content', 'publish-workflow', 'analytics', 'topic-radar']) {
      expect(byName.get(name), name).toMatchObject({ runnable: true, unavailable_tools: [], not_runnable_reason: null });
    }
  });

  it('lists the content tools without any content route having registered them', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/tools', headers: server.localHeaders });
    const tools = (res.json() as { items: Array<{ name: string; status: { available: boolean } }> }).items;
    for (const name of ['format_for_platform', 'suggest_titles', 'write_video_script', 'render_cover', 'generate_image', 'illustrate_article', 'collect_metrics', 'post_metrics', 'comment_sentiment', 'hot_items', 'trend_topics', 'suggest_topics', 'save_topic_ideas']) {
      expect(tools.find((t) => t.name === name), name).toMatchObject({ status: { available: true } });
    }
    // publish_work publishes: the router keeps its graphs on the user's machine, and it cannot be called outside a graph.
    expect(tools.find((t) => t.name === 'publish_work')).toMatchObject({ status: { available: true }, capabilities: expect.arrayContaining(['publish']) });
    const direct = await server.app.inject({ method: 'POST', url: '/api/tools/publish_work/call', headers: server.localHeaders, payload: { args: { work_id: 'x', platform: 'wechat_mp' } } });
    expect(direct.json()).toMatchObject({ code: 'TOOL_CALL_REFUSED' });
  });
});
