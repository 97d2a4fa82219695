import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeImagesApi, type FakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { OpenAiImagesProvider } from '../images/openai-images.ts';
import type { GeneratedImage, ImageStore } from '../images/provider.ts';
import { ScriptedLlm } from '../testing/scripted-llm.ts';
import { illustrateArticle, paragraphsOf, regenerateIllustration } from './illustrate.ts';

const attribution = { workspaceId: '00000000-0000-7000-8000-000000000001' };
const article = '# 标题\n\n第一段，讲背景。\n\n## 小节\n\n第二段，讲方法，\n分两行写。\n\n- 列表不算段落\n\n第三段，讲结果。\n';

class MemoryStore implements ImageStore {
  saved: GeneratedImage[] = [];
  async save(image: GeneratedImage) {
    this.saved.push(image);
    return { uri: `asset://local/image/${this.saved.length}`, id: String(this.saved.length) };
  }
}

describe('auto-illustration', () => {
  let api: FakeImagesApi;
  beforeAll(async () => {
    api = await startFakeImagesApi({ apiKey: 'k' });
  });
  afterAll(() => api.close());

  it('numbers only top-level paragraphs', () => {
    expect(paragraphsOf(article).map((p) => p.text)).toEqual(['第一段，讲背景。', '第二段，讲方法，\n分两行写。', '第三段，讲结果。']);
  });

  it('inserts generated images after the paragraphs the model chose, and regenerates one', async () => {
    const llm = new ScriptedLlm([
      JSON.stringify({ illustrations: [{ afterParagraph: 2, prompt: 'a desk with a laptop, soft light', alt: '方法示意' }, { afterParagraph: 9, prompt: 'ignored', alt: 'x' }, { afterParagraph: 3, prompt: 'a finish line', alt: '结果' }] }),
    ]);
    const store = new MemoryStore();
    const images = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'k', model: 'm' });
    const out = await illustrateArticle({ llm, images, store }, { markdown: article, attribution, style: 'flat illustration', width: 640, height: 360 });
    expect(out.illustrations.map((i) => i.afterParagraph)).toEqual([2, 3]);
    expect(out.markdown).toContain('分两行写。\n\n![方法示意](asset://local/image/1)\n');
    expect(out.markdown).toContain('第三段，讲结果。\n\n![结果](asset://local/image/2)');
    expect(api.requests[0]).toMatchObject({ prompt: 'a desk with a laptop, soft light, flat illustration', size: '640x360' });
    expect(store.saved[0]).toMatchObject({ width: 640, height: 360 });

    const again = await regenerateIllustration({ images, store }, { markdown: out.markdown, illustrations: out.illustrations, index: 1, prompt: 'a trophy', attribution });
    expect(again.markdown).toContain('![结果](asset://local/image/3)');
    expect(again.markdown).not.toContain('asset://local/image/2');
    expect(again.illustrations[1]).toMatchObject({ prompt: 'a trophy', uri: 'asset://local/image/3' });
  });
});
