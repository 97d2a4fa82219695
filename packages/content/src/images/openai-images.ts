import { z } from 'zod';
import { CreatorFlowError } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import { httpError, request } from './http.ts';
import { imageSize } from './image-size.ts';
import type { GeneratedImage, GenerateOptions, ImageProvider, ImageRequest } from './provider.ts';

export interface OpenAiImagesOptions {
  /** e.g. `https://api.openai.com/v1` or `https://api.siliconflow.cn/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** `openai`: size/n/response_format; `siliconflow`: image_size/batch_size/seed/negative_prompt. */
  dialect?: 'openai' | 'siliconflow';
  responseFormat?: 'b64_json' | 'url';
  timeoutMs?: number;
  id?: string;
  /** The server's egress guard, for the API and the image URLs it answers with. */
  guard?: EgressGuard;
}

const answerSchema = z.object({
  data: z.array(z.object({ b64_json: z.string().optional(), url: z.string().optional(), revised_prompt: z.string().optional() })).optional(),
  images: z.array(z.object({ url: z.string() })).optional(),
  seed: z.number().optional(),
});

const errorSchema = z.object({
  error: z.union([z.object({ message: z.string().optional(), code: z.string().nullish(), type: z.string().nullish() }), z.string()]).optional(),
  message: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
});

/**
 * OpenAI-compatible `POST /images/generations` (OpenAI, SiliconFlow, most
 * gateways). Accepts both answer shapes (`data[].b64_json|url` and
 * SiliconFlow's `images[].url`) and downloads URLs right away, because
 * provider URLs expire.
 */
export class OpenAiImagesProvider implements ImageProvider {
  readonly id: string;
  private readonly options: Required<Omit<OpenAiImagesOptions, 'id' | 'guard'>>;
  private readonly guard: EgressGuard | undefined;

  constructor(options: OpenAiImagesOptions) {
    this.id = options.id ?? 'openai-images';
    this.guard = options.guard;
    this.options = { dialect: 'openai', responseFormat: 'b64_json', timeoutMs: 120_000, ...options, baseUrl: options.baseUrl.replace(/\/$/, '') };
  }

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<GeneratedImage[]> {
    const { baseUrl, apiKey, dialect, responseFormat, timeoutMs } = this.options;
    const model = req.model ?? this.options.model;
    const size = `${req.width}x${req.height}`;
    const body =
      dialect === 'siliconflow'
        ? { model, prompt: req.prompt, negative_prompt: req.negativePrompt, image_size: size, batch_size: req.count ?? 1, seed: req.seed }
        : { model, prompt: req.prompt, n: req.count ?? 1, size, response_format: responseFormat };
    const response = await request(this.id, `${baseUrl}/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
      signal: opts.signal,
      timeoutMs,
      guard: this.guard,
    });
    const text = await response.text();
    if (!response.ok) {
      const parsed = errorSchema.safeParse(safeJson(text));
      const err = parsed.success ? parsed.data : {};
      const message = typeof err.error === 'string' ? err.error : (err.error?.message ?? err.message ?? text.slice(0, 300));
      const code = typeof err.error === 'object' ? (err.error?.code ?? undefined) : undefined;
      throw httpError(this.id, response.status, message, response.headers.get('retry-after'), code ?? undefined);
    }
    const parsed = answerSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new CreatorFlowError('IMAGE_PROVIDER_BAD_ANSWER', `${this.id} answered with an unexpected body: ${text.slice(0, 200)}`, { status: 502 });
    }
    const items = parsed.data.data ?? parsed.data.images?.map((i) => ({ url: i.url, b64_json: undefined, revised_prompt: undefined })) ?? [];
    if (items.length === 0) throw new CreatorFlowError('IMAGE_PROVIDER_BAD_ANSWER', `${this.id} returned no images`, { status: 502 });
    opts.onProgress?.({ stage: 'downloading', jobId: 'sync', count: items.length });
    const images: GeneratedImage[] = [];
    for (const item of items) {
      const data = item.b64_json ? Buffer.from(item.b64_json, 'base64') : await this.download(item.url ?? '', opts.signal);
      const info = imageSize(data);
      if (!info) throw new CreatorFlowError('IMAGE_PROVIDER_BAD_ANSWER', `${this.id} returned bytes that are not a PNG, JPEG or WebP image`, { status: 502 });
      images.push({ data, mediaType: info.mediaType, width: info.width, height: info.height, seed: parsed.data.seed ?? req.seed, provider: this.id, model, revisedPrompt: item.revised_prompt });
    }
    opts.onProgress?.({ stage: 'done', jobId: 'sync' });
    return images;
  }

  private async download(url: string, signal: AbortSignal | undefined): Promise<Buffer> {
    if (!/^https?:\/\//.test(url)) throw new CreatorFlowError('IMAGE_PROVIDER_BAD_ANSWER', `${this.id} returned an image URL that is not http(s)`, { status: 502 });
    const response = await request(this.id, url, { signal, timeoutMs: this.options.timeoutMs, guard: this.guard });
    if (!response.ok) throw httpError(this.id, response.status, `downloading the image failed`, null);
    return Buffer.from(await response.arrayBuffer());
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
