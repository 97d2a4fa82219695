import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeImagesApi, type FakeImagesApi } from '@creatorflow/testing/fake-images-api/server';
import { imageSize } from './image-size.ts';
import { OpenAiImagesProvider } from './openai-images.ts';

describe('OpenAI-compatible images client against the fake images API', () => {
  let api: FakeImagesApi;
  beforeAll(async () => {
    api = await startFakeImagesApi({ apiKey: 'sk-good' });
  });
  afterAll(() => api.close());

  it('decodes b64_json images in the OpenAI shape', async () => {
    const provider = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'sk-good', model: 'gpt-image-1' });
    const [image] = await provider.generate({ prompt: '一杯拿铁', width: 1024, height: 1536 });
    expect(imageSize(image!.data)).toEqual({ width: 1024, height: 1536, mediaType: 'image/png' });
    expect(image).toMatchObject({ provider: 'openai-images', model: 'gpt-image-1', revisedPrompt: '一杯拿铁' });
    expect(api.requests.at(-1)).toMatchObject({ size: '1024x1536', n: 1, response_format: 'b64_json' });
  });

  it('downloads url answers in the SiliconFlow shape right away', async () => {
    const provider = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'sk-good', model: 'Kwai-Kolors/Kolors', dialect: 'siliconflow', id: 'siliconflow' });
    const images = await provider.generate({ prompt: '猫', width: 512, height: 512, count: 2, seed: 5, negativePrompt: '文字' });
    expect(images.map((i) => [i.width, i.seed])).toEqual([[512, 5], [512, 5]]);
    expect(api.requests.at(-1)).toMatchObject({ image_size: '512x512', batch_size: 2, seed: 5, negative_prompt: '文字' });
  });

  it('maps a wrong key, a refusal and rate limiting to stable codes', async () => {
    const bad = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'sk-bad', model: 'm' });
    await expect(bad.generate({ prompt: 'x', width: 64, height: 64 })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_AUTH' });
    const good = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'sk-good', model: 'm' });
    await expect(good.generate({ prompt: 'FAIL_POLICY', width: 64, height: 64 })).rejects.toMatchObject({ code: 'IMAGE_CONTENT_REJECTED' });
    api.rateLimitNext(1);
    await expect(good.generate({ prompt: 'x', width: 64, height: 64 })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_RATE_LIMITED', retryable: true, retryAfterSeconds: 1 });
  });

  it('never puts the API key into error messages', async () => {
    const bad = new OpenAiImagesProvider({ baseUrl: api.url, apiKey: 'sk-secret-123', model: 'm' });
    const error = await bad.generate({ prompt: 'x', width: 64, height: 64 }).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('sk-secret-123');
  });
});
