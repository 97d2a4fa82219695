import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeComfyUi, type FakeComfyUi } from '@creatorflow/testing/fake-comfyui/server';
import { imageSize } from '../image-size.ts';
import type { ImageProgress } from '../provider.ts';
import { ComfyUiProvider } from './client.ts';
import { fillTemplate, loadTemplates } from './template.ts';

describe('ComfyUI client against the fake ComfyUI', () => {
  let comfy: FakeComfyUi;
  let provider: ComfyUiProvider;
  beforeAll(async () => {
    comfy = await startFakeComfyUi({ jobMs: 150 });
    provider = new ComfyUiProvider({ baseUrl: comfy.url, pollMs: 20 });
  });
  afterAll(() => comfy.close());

  it('fills the template slots, runs the job and downloads the images from /view', async () => {
    const images = await provider.generate({ prompt: '水墨山水，留白', width: 768, height: 1024, seed: 7, count: 2 });
    expect(images).toHaveLength(2);
    expect(imageSize(images[0]!.data)).toEqual({ width: 768, height: 1024, mediaType: 'image/png' });
    expect(images.map((i) => i.seed)).toEqual([7, 8]);
    const sent = comfy.received.at(-1)!;
    expect(sent['6']!.inputs.text).toBe('水墨山水，留白');
    expect(sent['5']!.inputs).toMatchObject({ width: 768, height: 1024, batch_size: 2 });
    expect(sent['3']!.inputs.seed).toBe(7);
    expect(sent['7']!.inputs.text).toContain('watermark');
  });

  it('reports the queue position of a job waiting behind another, then running', async () => {
    const slowComfy = await startFakeComfyUi({ jobMs: 800 });
    const provider = new ComfyUiProvider({ baseUrl: slowComfy.url, pollMs: 20 });
    const first: ImageProgress[] = [];
    const second: ImageProgress[] = [];
    let started!: () => void;
    const firstSubmitted = new Promise<void>((resolve) => (started = resolve));
    const a = provider.generate({ prompt: 'first', width: 64, height: 64 }, {
      onProgress: (p) => {
        first.push(p);
        if (p.stage === 'submitted') started();
      },
    });
    await firstSubmitted;
    const b = provider.generate({ prompt: 'second', width: 64, height: 64 }, { onProgress: (p) => second.push(p) });
    await Promise.all([a, b]);
    const stages = second.map((p) => p.stage);
    expect(second.find((p) => p.stage === 'queued'), JSON.stringify(second)).toMatchObject({ position: 1 });
    expect(stages.indexOf('queued')).toBeLessThan(stages.indexOf('running'));
    expect(stages.at(-1)).toBe('done');
    await slowComfy.close();
  });

  it('surfaces an execution error with the failing node and message', async () => {
    await expect(provider.generate({ prompt: 'please FAIL', width: 64, height: 64 })).rejects.toMatchObject({
      code: 'IMAGE_GENERATION_FAILED',
      message: expect.stringContaining('KSampler (node 3): CUDA out of memory'),
    });
  });

  it('explains a validation failure (model not installed) from node_errors', async () => {
    await expect(provider.generate({ prompt: 'x', width: 64, height: 64, model: 'missing.safetensors' })).rejects.toMatchObject({
      code: 'IMAGE_WORKFLOW_INVALID',
      status: 400,
      message: expect.stringContaining("ckpt_name: 'missing.safetensors' not in"),
    });
  });

  it('cancels a queued job by deleting it from the queue', async () => {
    const blocker = provider.generate({ prompt: 'long', width: 64, height: 64 });
    const controller = new AbortController();
    const waiting = provider.generate({ prompt: 'cancel me', width: 64, height: 64 }, {
      signal: controller.signal,
      onProgress: (p) => p.stage === 'queued' && controller.abort(),
    });
    await expect(waiting).rejects.toMatchObject({ code: 'IMAGE_CANCELLED' });
    await blocker;
    const queue = (await (await fetch(`${comfy.url}/queue`)).json()) as { queue_pending: unknown[] };
    expect(queue.queue_pending).toEqual([]);
  });

  it('interrupts the running job on timeout', async () => {
    const slow = new ComfyUiProvider({ baseUrl: comfy.url, pollMs: 20, timeoutMs: 60 });
    await expect(slow.generate({ prompt: 'slow', width: 64, height: 64 })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_TIMEOUT', retryable: true });
    expect(comfy.interrupted.length).toBe(1);
  });

  it('names the slots when a value does not fit', () => {
    const template = loadTemplates().get('txt2img-sdxl')!;
    expect(() => fillTemplate(template, { width: 'wide' })).toThrow(/Slot 'width' of txt2img-sdxl needs a integer/);
    expect(() => fillTemplate(template, { sampler: 'x' })).toThrow(/no slot 'sampler'; slots: prompt, negative/);
  });

  it('says which service is unreachable', async () => {
    const dead = new ComfyUiProvider({ baseUrl: 'http://127.0.0.1:9', pollMs: 20 });
    await expect(dead.generate({ prompt: 'x', width: 64, height: 64 })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_UNREACHABLE', retryable: true });
  });
});
