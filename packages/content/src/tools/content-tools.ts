import { z } from 'zod';
import { CreatorFlowError, type LlmPort, type ToolContext, type ToolDefinition } from '@creatorflow/core';
import { renderCover } from '../covers/render.ts';
import { formatForPlatform } from '../format.ts';
import { illustrateArticle } from '../illustrate/illustrate.ts';
import type { ImageProvider, ImageStore } from '../images/provider.ts';
import { getProfile } from '../profiles/index.ts';
import { scoreTitle, suggestTitles } from '../titles/suggest.ts';
import { scriptToCsv, scriptToMarkdown } from '../video-script/export.ts';
import { writeVideoScript } from '../video-script/generate.ts';
import { videoScriptSchema } from '../video-script/schema.ts';

/** What the creation tools need from the process they run in. */
export interface ContentToolDeps {
  llm: () => LlmPort | undefined;
  /** The workspace's image provider (named or default); throws when none is configured. */
  images: (workspaceId: string, provider?: string) => Promise<ImageProvider>;
  /** Where images go (the library's assets); undefined when the library is absent. */
  store: (actor: { workspaceId: string; userId?: string }) => ImageStore | undefined;
}

const attribution = (ctx: ToolContext) => ({ workspaceId: ctx.workspaceId, userId: ctx.userId, runId: ctx.runId, traceId: ctx.traceId, node: ctx.node });

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new CreatorFlowError('TOOL_UNAVAILABLE', `${what} is not available in this runtime`, { status: 422 });
  return value;
}

const violationOut = z.object({ code: z.string(), severity: z.string(), field: z.string(), message: z.string(), suggestion: z.string() });

export function formatForPlatformTool(): ToolDefinition<
  { markdown: string; platform: string; title?: string; tags?: string[]; theme?: string; cover?: { width: number; height: number } | null },
  { platform: string; title?: string; body: string; body_format: string; tags: string[]; violations: Array<z.infer<typeof violationOut>>; needs_upload: number }
> {
  return {
    name: 'format_for_platform',
    description: 'Format a Markdown work for one platform (WeChat themed HTML, Xiaohongshu note, Weibo, Zhihu, Juejin/CSDN, Toutiao, video descriptions) and list broken limits.',
    input: z.object({
      markdown: z.string().min(1),
      platform: z.string(),
      title: z.string().optional(),
      tags: z.array(z.string()).optional(),
      theme: z.string().optional(),
      // The cover already made for this version (e.g. render_cover's result), so its size is checked instead of reported missing.
      cover: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).nullish(),
    }),
    output: z.object({ platform: z.string(), title: z.string().optional(), body: z.string(), body_format: z.string(), tags: z.array(z.string()), violations: z.array(violationOut), needs_upload: z.number() }),
    runtime: 'universal',
    capabilities: [],
    async run(input) {
      const r = formatForPlatform({ ...input, cover: input.cover ?? undefined });
      return {
        platform: r.platform,
        title: r.title,
        body: r.body,
        body_format: r.bodyFormat,
        tags: r.tags,
        violations: r.violations.map((v) => ({ code: v.code, severity: v.severity, field: v.field, message: v.message.zh, suggestion: v.suggestion.zh })),
        needs_upload: r.images.filter((i) => i.needsUpload).length,
      };
    },
  };
}

const titleOption = z.object({ title: z.string(), score: z.number(), fits: z.boolean(), reasons: z.array(z.string()) });

export function suggestTitlesTool(deps: ContentToolDeps): ToolDefinition<
  { markdown: string; platform: string; title?: string; candidates?: string[]; use_llm: boolean; count: number },
  { platform: string; platform_name: string; pick: string; options: Array<z.infer<typeof titleOption>> }
> {
  return {
    name: 'suggest_titles',
    description:
      'Several title options for a platform, each scored with reasons (length, numbers, hook words), optionally with model-written ones. ' +
      '`candidates` are scored too; `pick` is the title to use there: `title` when it fits the platform, else the best option. `platform` comes back as the canonical id, `platform_name` as its Chinese display name (小红书).',
    input: z.object({
      markdown: z.string().min(1),
      platform: z.string(),
      title: z.string().optional(),
      candidates: z.array(z.string()).max(20).optional(),
      use_llm: z.boolean().default(true),
      count: z.number().int().min(1).max(10).default(5),
    }),
    output: z.object({ platform: z.string(), platform_name: z.string(), pick: z.string(), options: z.array(titleOption) }),
    runtime: 'universal',
    capabilities: ['llm'],
    async run(input, ctx) {
      const llm = input.use_llm ? (ctx.llm ?? deps.llm()) : undefined;
      const options = await suggestTitles({ ...input, llm, attribution: attribution(ctx), signal: ctx.signal });
      const profile = getProfile(input.platform);
      const own = input.title?.trim();
      // A title the user chose wins wherever it fits; elsewhere the best-ranked option that does.
      const pick = own && scoreTitle(own, profile).fits ? own : ((options.find((o) => o.fits) ?? options[0])?.title ?? own ?? '');
      return { platform: profile.id, platform_name: profile.name.zh, pick, options: options.map((o) => ({ title: o.title, score: o.score, fits: o.fits, reasons: o.reasons.map((r) => r.zh) })) };
    },
  };
}

export function writeVideoScriptTool(deps: ContentToolDeps): ToolDefinition<
  { source: string; format: '15s' | '60s' | '3min'; platform?: string; style?: string },
  { script: z.infer<typeof videoScriptSchema> & { total_seconds: number }; markdown: string; csv: string }
> {
  return {
    name: 'write_video_script',
    description: 'Write a structured video shot list (scene, duration, visuals, voice-over, on-screen text, music cue) for 15 s, 60 s or 3 min, with Markdown and CSV exports.',
    input: z.object({ source: z.string().min(1), format: z.enum(['15s', '60s', '3min']), platform: z.string().optional(), style: z.string().optional() }),
    output: z.object({ script: videoScriptSchema.extend({ total_seconds: z.number() }), markdown: z.string(), csv: z.string() }),
    runtime: 'universal',
    capabilities: ['llm'],
    available: () => (deps.llm() ? { available: true } : { available: false, reason: 'no language model is configured' }),
    async run(input, ctx) {
      const script = await writeVideoScript(need(ctx.llm ?? deps.llm(), 'The LLM'), { ...input, attribution: attribution(ctx), signal: ctx.signal });
      return {
        script: { title: script.title, hook: script.hook, shots: script.shots, cta: script.cta, total_seconds: script.totalSeconds },
        markdown: scriptToMarkdown(script),
        csv: scriptToCsv(script),
      };
    },
  };
}

const storedImage = z.object({ uri: z.string(), width: z.number(), height: z.number(), seed: z.number().optional() });

export function renderCoverTool(deps: ContentToolDeps): ToolDefinition<{ title: string; subtitle?: string; platform: string; template?: string }, z.infer<typeof storedImage>> {
  return {
    name: 'render_cover',
    description: "Render a cover PNG with the title in Chinese at the platform's cover size (templates: gradient, minimal, photo) and save it as an asset.",
    input: z.object({ title: z.string().min(1).max(200), subtitle: z.string().max(200).optional(), platform: z.string(), template: z.string().optional() }),
    output: storedImage,
    runtime: 'universal',
    capabilities: ['writes'],
    async run(input, ctx) {
      const cover = renderCover(input);
      const store = need(deps.store({ workspaceId: ctx.workspaceId, userId: ctx.userId }), 'The asset library');
      const saved = await store.save(
        { data: cover.png, mediaType: 'image/png', width: cover.width, height: cover.height, provider: 'cover' },
        { name: `cover-${input.platform}.png`, tags: ['cover', input.platform] },
      );
      return { uri: saved.uri, width: cover.width, height: cover.height };
    },
  };
}

export function generateImageTool(deps: ContentToolDeps): ToolDefinition<
  { prompt: string; negative_prompt?: string; width: number; height: number; count: number; provider?: string; seed?: number },
  { images: Array<z.infer<typeof storedImage>> }
> {
  return {
    name: 'generate_image',
    description: "Generate images from a prompt with the workspace's image provider (ComfyUI or an OpenAI-compatible images API) and save them as assets.",
    input: z.object({
      prompt: z.string().min(1).max(4000),
      negative_prompt: z.string().max(2000).optional(),
      width: z.number().int().min(64).max(4096).default(1024),
      height: z.number().int().min(64).max(4096).default(1024),
      count: z.number().int().min(1).max(4).default(1),
      provider: z.string().optional(),
      seed: z.number().int().nonnegative().optional(),
    }),
    output: z.object({ images: z.array(storedImage) }),
    runtime: 'universal',
    capabilities: ['network', 'writes'],
    async run(input, ctx) {
      const provider = await deps.images(ctx.workspaceId, input.provider);
      const store = need(deps.store({ workspaceId: ctx.workspaceId, userId: ctx.userId }), 'The asset library');
      const images = await provider.generate({ prompt: input.prompt, negativePrompt: input.negative_prompt, width: input.width, height: input.height, count: input.count, seed: input.seed }, { signal: ctx.signal });
      const out = [];
      for (const image of images) {
        const saved = await store.save(image, { name: `${input.prompt.slice(0, 40)}.png`, tags: ['generated', provider.id] });
        out.push({ uri: saved.uri, width: image.width, height: image.height, seed: image.seed });
      }
      return { images: out };
    },
  };
}

export function illustrateArticleTool(deps: ContentToolDeps): ToolDefinition<
  { markdown: string; max: number; style?: string; width: number; height: number; provider?: string },
  { markdown: string; illustrations: Array<{ after_paragraph: number; prompt: string; alt: string; uri: string }> }
> {
  return {
    name: 'illustrate_article',
    description: 'Pick places in an article that need pictures, generate them, save them as assets and insert them into the Markdown.',
    input: z.object({ markdown: z.string().min(1), max: z.number().int().min(1).max(8).default(3), style: z.string().optional(), width: z.number().int().default(1024), height: z.number().int().default(576), provider: z.string().optional() }),
    output: z.object({ markdown: z.string(), illustrations: z.array(z.object({ after_paragraph: z.number(), prompt: z.string(), alt: z.string(), uri: z.string() })) }),
    runtime: 'universal',
    capabilities: ['llm', 'network', 'writes'],
    async run(input, ctx) {
      const out = await illustrateArticle(
        { llm: need(ctx.llm ?? deps.llm(), 'The LLM'), images: await deps.images(ctx.workspaceId, input.provider), store: need(deps.store({ workspaceId: ctx.workspaceId, userId: ctx.userId }), 'The asset library') },
        { markdown: input.markdown, max: input.max, style: input.style, width: input.width, height: input.height, attribution: attribution(ctx), signal: ctx.signal },
      );
      return { markdown: out.markdown, illustrations: out.illustrations.map((i) => ({ after_paragraph: i.afterParagraph, prompt: i.prompt, alt: i.alt, uri: i.uri })) };
    },
  };
}

/** Every creation tool; packages/runtime/src/tools/registry.ts registers them for every process that runs graphs. */
export function contentTools(deps: ContentToolDeps): Array<ToolDefinition<never, unknown>> {
  return [formatForPlatformTool(), suggestTitlesTool(deps), writeVideoScriptTool(deps), renderCoverTool(deps), generateImageTool(deps), illustrateArticleTool(deps)] as unknown as Array<ToolDefinition<never, unknown>>;
}
