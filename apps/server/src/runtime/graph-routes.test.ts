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
  it('marks a graph that needs a placeholder tool as not runnable, with the tools and the reason', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/graphs', headers: server.localHeaders });
    expect(res.statusCode).toBe(200);
    const byName = new Map((res.json() as { items: Listed[] }).items.map((g) => [g.name, g]));
    // The content graphs' tools are all real (wired in packages/runtime/src/tools/registry.ts).
    for (const name of ['content-creation', 'video-script', 'viral-content']) {
      expect(byName.get(name), name).toMatchObject({ runnable: true, unavailable_tools: [], not_runnable_reason: null });
    }
    // analytics: collect_metrics is real (insights, wired in the registry); trend_topics is the trends domain's to wire.
    expect(byName.get('analytics')!.unavailable_tools).not.toContain('collect_metrics');
    expect(byName.get('publish-workflow')).toMatchObject({ runnable: false, unavailable_tools: ['publish_work'] });
  });

  it('lists the content tools without any content route having registered them', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/tools', headers: server.localHeaders });
    const tools = (res.json() as { items: Array<{ name: string; status: { available: boolean } }> }).items;
    for (const name of ['format_for_platform', 'suggest_titles', 'write_video_script', 'render_cover', 'generate_image', 'illustrate_article', 'collect_metrics', 'post_metrics', 'comment_sentiment']) {
      expect(tools.find((t) => t.name === name), name).toMatchObject({ status: { available: true } });
    }
  });
});
