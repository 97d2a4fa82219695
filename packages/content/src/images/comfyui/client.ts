import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CreatorFlowError } from '@creatorflow/core';
import type { EgressGuard } from '@creatorflow/net';
import { httpError, request } from '../http.ts';
import { imageSize } from '../image-size.ts';
import type { GeneratedImage, GenerateOptions, ImageProvider, ImageRequest } from '../provider.ts';
import { fillTemplate, loadTemplates, type ComfyWorkflow, type WorkflowTemplate } from './template.ts';

export interface ComfyUiOptions {
  baseUrl: string;
  /** Template used when a request names none. */
  defaultWorkflow?: string;
  templates?: Map<string, WorkflowTemplate>;
  pollMs?: number;
  /** Whole-job limit, queue wait included. */
  timeoutMs?: number;
  /** Per HTTP call. */
  requestTimeoutMs?: number;
  id?: string;
  /** The server's egress guard (cloud mode: an internal ComfyUI must be allowed by the operator). */
  guard?: EgressGuard;
}

const submitSchema = z.object({ prompt_id: z.string(), number: z.number().optional() });
const submitErrorSchema = z.object({
  error: z.object({ type: z.string().optional(), message: z.string(), details: z.string().optional() }).optional(),
  node_errors: z.record(z.string(), z.object({ class_type: z.string().optional(), errors: z.array(z.object({ message: z.string(), details: z.string().optional() })) })).optional(),
});
const queueSchema = z.object({ queue_running: z.array(z.array(z.unknown())), queue_pending: z.array(z.array(z.unknown())) });
const historyEntrySchema = z.object({
  outputs: z.record(z.string(), z.object({ images: z.array(z.object({ filename: z.string(), subfolder: z.string(), type: z.string() })).optional() })),
  status: z.object({ status_str: z.string(), completed: z.boolean(), messages: z.array(z.tuple([z.string(), z.record(z.string(), z.unknown())])).default([]) }).optional(),
});

/**
 * ComfyUI over its HTTP API: `POST /prompt` with an API-format workflow from a
 * template, progress by polling `/queue` (position) and `/history/{id}`
 * (completion), images from `/view`. Cancelling removes the job from the
 * queue, or interrupts it when it already runs.
 */
export class ComfyUiProvider implements ImageProvider {
  readonly id: string;
  private readonly baseUrl: string;
  private readonly templates: Map<string, WorkflowTemplate>;
  private readonly opts: Required<Pick<ComfyUiOptions, 'pollMs' | 'timeoutMs' | 'requestTimeoutMs' | 'defaultWorkflow'>>;
  private readonly clientId = randomUUID();
  private readonly guard: EgressGuard | undefined;

  constructor(options: ComfyUiOptions) {
    this.id = options.id ?? 'comfyui';
    this.guard = options.guard;
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.templates = options.templates ?? loadTemplates();
    // `?? default` after the spread: a stored provider without a workflow passes `undefined`, which must not erase the default.
    this.opts = { pollMs: 1000, timeoutMs: 10 * 60_000, requestTimeoutMs: 30_000, ...options, defaultWorkflow: options.defaultWorkflow ?? 'txt2img-sd15' };
  }

  /** The API-format workflow a request becomes (exposed for inspection and tests). */
  buildWorkflow(req: ImageRequest): { workflow: ComfyWorkflow; seed: number; template: WorkflowTemplate } {
    const name = req.workflow ?? this.opts.defaultWorkflow;
    const template = this.templates.get(name);
    if (!template) {
      throw new CreatorFlowError('IMAGE_TEMPLATE_UNKNOWN', `No ComfyUI workflow template '${name}'; available: ${[...this.templates.keys()].join(', ')}`, { status: 400 });
    }
    const seed = req.seed ?? randomInt(0, 2 ** 32);
    const workflow = fillTemplate(template, {
      prompt: req.prompt,
      negative: req.negativePrompt,
      width: req.width,
      height: req.height,
      count: req.count,
      seed,
      checkpoint: req.model,
    });
    return { workflow, seed, template };
  }

  async generate(req: ImageRequest, options: GenerateOptions = {}): Promise<GeneratedImage[]> {
    const { workflow, seed, template } = this.buildWorkflow(req);
    const deadline = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const promptId = await this.submit(workflow, signal);
    options.onProgress?.({ stage: 'submitted', jobId: promptId });
    try {
      const entry = await this.waitFor(promptId, signal, options);
      const files = entry.outputs[template.output]?.images ?? [];
      if (files.length === 0) throw new CreatorFlowError('IMAGE_GENERATION_FAILED', `ComfyUI finished job ${promptId} without images from node ${template.output}`, { status: 502 });
      options.onProgress?.({ stage: 'downloading', jobId: promptId, count: files.length });
      const images: GeneratedImage[] = [];
      for (const [i, file] of files.entries()) {
        const data = await this.view(file, signal);
        const info = imageSize(data);
        images.push({ data, mediaType: info?.mediaType ?? 'image/png', width: info?.width ?? req.width, height: info?.height ?? req.height, seed: seed + i, provider: this.id, model: String(workflow[template.slots.checkpoint?.node ?? '']?.inputs.ckpt_name ?? '') || undefined });
      }
      options.onProgress?.({ stage: 'done', jobId: promptId });
      return images;
    } catch (error) {
      if (signal.aborted) {
        await this.cancel(promptId).catch(() => undefined);
        if (deadline.aborted) throw new CreatorFlowError('IMAGE_PROVIDER_TIMEOUT', `ComfyUI job ${promptId} did not finish within ${Math.round(this.opts.timeoutMs / 1000)} s; it was cancelled`, { status: 504, retryable: true, cause: error });
        throw new CreatorFlowError('IMAGE_CANCELLED', `ComfyUI job ${promptId} was cancelled`, { status: 499, cause: error });
      }
      throw error;
    }
  }

  private async submit(workflow: ComfyWorkflow, signal: AbortSignal): Promise<string> {
    const response = await request(this.id, `${this.baseUrl}/prompt`, {
      guard: this.guard,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: workflow, client_id: this.clientId }),
      signal,
      timeoutMs: this.opts.requestTimeoutMs,
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = submitErrorSchema.safeParse(body);
      if (response.status === 400 && parsed.success) {
        const nodes = Object.entries(parsed.data.node_errors ?? {}).map(
          ([id, n]) => `node ${id} (${n.class_type ?? '?'}): ${n.errors.map((e) => `${e.message}${e.details ? ` — ${e.details}` : ''}`).join('; ')}`,
        );
        const summary = [parsed.data.error?.message, parsed.data.error?.details, ...nodes].filter(Boolean).join('; ');
        throw new CreatorFlowError('IMAGE_WORKFLOW_INVALID', `ComfyUI rejected the workflow: ${summary}. Check the template and that the models it names are installed`, {
          status: 400,
          details: { type: parsed.data.error?.type, node_errors: parsed.data.node_errors },
        });
      }
      throw httpError(this.id, response.status, JSON.stringify(body ?? '').slice(0, 200), response.headers.get('retry-after'));
    }
    const parsed = submitSchema.safeParse(body);
    if (!parsed.success) throw new CreatorFlowError('IMAGE_PROVIDER_BAD_ANSWER', 'ComfyUI /prompt answered without a prompt_id', { status: 502 });
    return parsed.data.prompt_id;
  }

  private async waitFor(promptId: string, signal: AbortSignal, options: GenerateOptions): Promise<z.infer<typeof historyEntrySchema>> {
    let lastStage = '';
    for (;;) {
      signal.throwIfAborted();
      const history = await this.getJson(`/history/${encodeURIComponent(promptId)}`, signal);
      const raw = (history as Record<string, unknown> | undefined)?.[promptId];
      if (raw) {
        const entry = historyEntrySchema.parse(raw);
        if (entry.status?.status_str === 'error') {
          const failure = entry.status.messages.find(([type]) => type === 'execution_error')?.[1] ?? {};
          const node = failure.node_type ? ` in ${String(failure.node_type)} (node ${String(failure.node_id)})` : '';
          throw new CreatorFlowError('IMAGE_GENERATION_FAILED', `ComfyUI job ${promptId} failed${node}: ${String(failure.exception_message ?? 'unknown error').trim()}`, {
            status: 502,
            details: { prompt_id: promptId, node_type: failure.node_type, exception_type: failure.exception_type },
          });
        }
        if (entry.status?.completed !== false) return entry;
      }
      const queue = queueSchema.safeParse(await this.getJson('/queue', signal));
      const listed = queue.success && [...queue.data.queue_running, ...queue.data.queue_pending].some((item) => item[1] === promptId);
      // Not listed: it finished between the two polls; the next history poll picks it up.
      if (queue.success && listed) {
        const running = queue.data.queue_running.some((item) => item[1] === promptId);
        const ahead = queue.data.queue_pending
          .filter((item) => item[1] !== promptId && Number(item[0]) < Number(queue.data.queue_pending.find((p) => p[1] === promptId)?.[0] ?? Infinity))
          .length;
        const position = ahead + queue.data.queue_running.length;
        const stage = running ? 'running' : `queued:${position}`;
        if (stage !== lastStage) {
          options.onProgress?.(running ? { stage: 'running', jobId: promptId } : { stage: 'queued', jobId: promptId, position });
          lastStage = stage;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.opts.pollMs));
    }
  }

  private async getJson(path: string, signal: AbortSignal): Promise<unknown> {
    const response = await request(this.id, `${this.baseUrl}${path}`, { guard: this.guard, signal, timeoutMs: this.opts.requestTimeoutMs });
    if (!response.ok) throw httpError(this.id, response.status, `GET ${path} failed`, response.headers.get('retry-after'));
    return response.json();
  }

  private async view(file: { filename: string; subfolder: string; type: string }, signal: AbortSignal): Promise<Buffer> {
    const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder, type: file.type });
    const response = await request(this.id, `${this.baseUrl}/view?${query}`, { guard: this.guard, signal, timeoutMs: this.opts.requestTimeoutMs });
    if (!response.ok) throw httpError(this.id, response.status, `downloading ${file.filename} failed`, null);
    return Buffer.from(await response.arrayBuffer());
  }

  /** Removes a pending job, or interrupts it when it is the one running. */
  async cancel(promptId: string): Promise<void> {
    const post = (path: string, body: unknown) =>
      request(this.id, `${this.baseUrl}${path}`, { guard: this.guard, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), timeoutMs: 5000 });
    await post('/queue', { delete: [promptId] });
    const queue = queueSchema.safeParse(await (await request(this.id, `${this.baseUrl}/queue`, { guard: this.guard, timeoutMs: 5000 })).json());
    if (queue.success && queue.data.queue_running.some((item) => item[1] === promptId)) await post('/interrupt', {});
  }
}
