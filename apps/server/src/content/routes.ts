import { z } from 'zod';
import { CreatorFlowError, type LlmPort } from '@creatorflow/core';
import {
  countChars,
  fitToPlatform,
  formatForPlatform,
  getProfile,
  illustrateArticle,
  listThemes,
  loadCoverTemplates,
  loadProfiles,
  previewPage,
  regenerateIllustration,
  renderCover,
  scriptToCsv,
  scriptToMarkdown,
  suggestTitles,
  writeVideoScript,
  type ImageStore,
} from '@creatorflow/content';
import { ImageProviderStore } from '@creatorflow/content/images/provider-store';
import { libraryImageStore } from '@creatorflow/runtime';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent, rawBody } from '../contract/responses.ts';
import {
  coverTemplateJson,
  coverTemplateSchema,
  formatResultJson,
  formatResultSchema,
  illustratedJson,
  illustratedSchema,
  illustrationOf,
  illustrationSchema,
  imageProviderJson,
  imageProviderSchema,
  platformProfileJson,
  platformProfileSchema,
  themeJson,
  themeSchema,
  videoScriptJson,
  videoScriptSchema,
} from './dto.ts';

/** The request's snake_case fields as the content package's input. */
const formatInput = <T extends { custom_css?: string }>({ custom_css, ...rest }: T) => ({ ...rest, customCss: custom_css });

const formatBody = z.object({
  markdown: z.string().min(1, 'markdown is empty: send the work body as Markdown').max(500_000),
  platform: z.string().min(1),
  title: z.string().max(500).optional(),
  summary: z.string().max(2000).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
  author: z.string().max(100).optional(),
  theme: z.string().max(50).optional(),
  custom_css: z.string().max(100_000).optional().describe('Extra CSS applied after the theme (WeChat, rich HTML)'),
  images: z.array(z.object({ src: z.string().max(2000), alt: z.string().max(500).optional() })).max(50).optional(),
  cover: z
    .object({ width: z.number().int().positive(), height: z.number().int().positive(), src: z.string().max(2000).optional().describe('The cover image (an asset:// URI or URL), shown first in a note preview') })
    .optional(),
});

/** The browser URL of a library asset named by its asset:// URI (the session authorises it). */
const assetBrowserUrl = (uri: string): string => `/api/assets/${encodeURIComponent(uri.split('/').pop() ?? '')}/content`;

const fitBody = formatBody.extend({
  field: z.enum(['title', 'body', 'summary']),
  limit: z.number().int().positive().optional(),
  model: z.string().max(200).optional(),
});

/** The LLM port once the LLM layer hangs it on the context. */
export function llmOf(ctx: AppContext): LlmPort | undefined {
  const candidate = (ctx as { llm?: LlmPort }).llm;
  return candidate && typeof candidate.chat === 'function' ? candidate : undefined;
}

function requireLlm(ctx: AppContext): LlmPort {
  const llm = llmOf(ctx);
  if (!llm) {
    throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'No language model is configured; add a provider under Settings → Models first', { status: 503 });
  }
  return llm;
}

/** Generated images and covers become library assets of the workspace. */
export function assetStore(ctx: AppContext, actor: { workspaceId: string; userId?: string }): ImageStore {
  return libraryImageStore(ctx.library, actor);
}

const providerBody = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(['comfyui', 'openai', 'siliconflow']),
  base_url: z.string().url(),
  model: z.string().max(200).optional(),
  workflow: z.string().max(100).optional(),
  api_key: z.string().max(500).optional(),
  is_default: z.boolean().optional(),
});

/** Routes of the content domain: formatting, preview, fit, images, covers, titles, video scripts, illustration. */
export const contentRoutes: RoutePlugin = async (app, ctx) => {
  const providers = new ImageProviderStore(ctx.database, ctx.secretKey, ctx.egress);
  app.get(
    '/api/format/platforms',
    { schema: { tags: ['content'], summary: 'Platform profiles (limits and rules) and WeChat themes', response: { 200: z.object({ platforms: z.array(platformProfileSchema), themes: z.array(themeSchema) }) } } },
    async (request) => {
      await resolveScope(ctx.database, request, 'viewer');
      return { platforms: [...loadProfiles().values()].map(platformProfileJson), themes: listThemes().map(themeJson) };
    },
  );

  app.post(
    '/api/format',
    { schema: { tags: ['content'], summary: 'Format Markdown for a platform and check its limits', body: formatBody, response: { 200: formatResultSchema } } },
    async (request) => {
      await resolveScope(ctx.database, request, 'viewer');
      return formatResultJson(formatForPlatform(formatInput(request.body)));
    },
  );

  app.post(
    '/api/format/preview',
    {
      schema: {
        tags: ['content'],
        summary: 'A full HTML page of exactly what will be pasted or published',
        body: formatBody,
        ...rawBody(['text/html'], 'The preview page; the x-creatorflow-violations header counts the errors'),
      },
    },
    async (request, reply) => {
      await resolveScope(ctx.database, request, 'viewer');
      const result = formatForPlatform(formatInput(request.body));
      void reply.header('x-creatorflow-violations', String(result.violations.filter((v) => v.severity === 'error').length));
      return reply.type('text/html; charset=utf-8').send(previewPage(result, { author: request.body.author, assetUrl: assetBrowserUrl }));
    },
  );

  app.post(
    '/api/format/fit',
    {
      schema: {
        tags: ['content'],
        summary: 'Rewrite a too-long field with the LLM so it fits the platform, then format again',
        body: fitBody,
        response: {
          200: z.object({
            fit: z.object({ text: z.string(), chars: z.number(), limit: z.number(), fits: z.boolean(), attempts: z.number(), cost_cents: z.number() }),
            result: formatResultSchema,
          }),
        },
      },
    },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const { field, limit, model, ...body } = request.body;
      const input = formatInput(body);
      const before = formatForPlatform(input);
      const profile = getProfile(input.platform);
      let text = field === 'title' ? before.title : field === 'summary' ? before.summary : before.plainText;
      if (!text) throw new CreatorFlowError('CONTENT_NOTHING_TO_FIT', `There is no ${field} to rewrite`, { status: 400 });
      let target = limit ?? profile[field]?.max;
      if (field === 'body' && before.bodyFormat === 'text') {
        // The 【title】 lead and inline tags count toward the body limit but are not rewritten.
        const core = stripLeadAndTags(text, before);
        if (target) target -= countChars(text, profile.counting) - countChars(core, profile.counting);
        text = core;
      }
      const fit = await fitToPlatform(requireLlm(ctx), {
        platform: input.platform,
        field,
        text,
        limit: target,
        model,
        attribution: { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId, node: 'fit_to_platform' },
        signal: AbortSignal.timeout(120_000),
      });
      const next = { ...input, [field === 'body' ? 'markdown' : field]: fit.text };
      if (field === 'body' && before.output === 'video') next.summary = fit.text;
      return {
        fit: { text: fit.text, chars: fit.chars, limit: fit.limit, fits: fit.fits, attempts: fit.attempts, cost_cents: fit.costCents },
        result: formatResultJson(formatForPlatform(next)),
      };
    },
  );
  registerCreationRoutes(app, ctx, providers);
};

function registerCreationRoutes(app: Parameters<RoutePlugin>[0], ctx: AppContext, providers: ImageProviderStore): void {
  app.get('/api/images/providers', { schema: { tags: ['content'], summary: 'Image providers of the workspace (keys masked)', response: { 200: z.object({ providers: z.array(imageProviderSchema) }) } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'viewer');
    return { providers: (await providers.list(scope.workspaceId)).map(imageProviderJson) };
  });

  app.post('/api/images/providers', { schema: { tags: ['content'], summary: 'Add ComfyUI or an OpenAI-compatible images API', body: providerBody, response: { 201: imageProviderSchema } } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    await ctx.egress.validate(request.body.base_url);
    const { base_url, api_key, is_default, ...rest } = request.body;
    return reply.code(201).send(imageProviderJson(await providers.create(scope.workspaceId, { ...rest, baseUrl: base_url, apiKey: api_key, isDefault: is_default })));
  });

  app.delete('/api/images/providers/:name', { schema: { tags: ['content'], summary: 'Remove an image provider', params: z.object({ name: z.string().min(1).max(100) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, 'admin');
    await providers.remove(scope.workspaceId, request.params.name);
    return reply.code(204).send();
  });

  const generateBody = z.object({
    prompt: z.string().min(1).max(4000),
    negative_prompt: z.string().max(2000).optional(),
    width: z.number().int().min(64).max(4096).default(1024),
    height: z.number().int().min(64).max(4096).default(1024),
    count: z.number().int().min(1).max(4).default(1),
    seed: z.number().int().nonnegative().optional(),
    workflow: z.string().max(100).optional(),
    provider: z.string().max(100).optional(),
  });
  app.post('/api/images/generate', {
    schema: {
      tags: ['content'],
      summary: 'Generate images and store them as assets',
      body: generateBody,
      response: { 200: z.object({ images: z.array(z.object({ uri: z.string(), id: z.string(), width: z.number(), height: z.number(), seed: z.number().optional(), provider: z.string() })) }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { provider: name, negative_prompt, ...rest } = request.body;
    const req = { ...rest, negativePrompt: negative_prompt };
    const provider = await providers.open(scope.workspaceId, name);
    const images = await provider.generate(req, { signal: AbortSignal.timeout(11 * 60_000) });
    const store = assetStore(ctx, scope);
    const out = [];
    for (const image of images) {
      const saved = await store.save(image, { name: `${req.prompt.slice(0, 40)}.png`, tags: ['generated', provider.id] });
      out.push({ ...saved, width: image.width, height: image.height, seed: image.seed, provider: provider.id });
    }
    return { images: out };
  });

  const coverBody = z.object({
    title: z.string().min(1).max(200),
    subtitle: z.string().max(200).optional(),
    template: z.string().max(50).optional(),
    platform: z.string().max(50).optional(),
    width: z.number().int().min(64).max(4096).optional(),
    height: z.number().int().min(64).max(4096).optional(),
    background_asset_id: z.string().uuid().optional(),
    save: z.boolean().default(false),
  });
  app.get('/api/covers/templates', { schema: { tags: ['content'], summary: 'Cover templates', response: { 200: z.object({ templates: z.array(coverTemplateSchema) }) } } }, async (request) => {
    await resolveScope(ctx.database, request, 'viewer');
    return { templates: [...loadCoverTemplates().values()].map(coverTemplateJson) };
  });
  app.post('/api/covers', {
    schema: {
      tags: ['content'],
      summary: 'Render a cover PNG (or save it as an asset with save: true)',
      body: coverBody,
      produces: ['image/png', 'application/json'],
      response: {
        ...rawBody(['image/png'], 'The cover PNG (save: false)').response,
        201: z.object({ uri: z.string(), id: z.string(), width: z.number(), height: z.number(), title_lines: z.array(z.string()) }).describe('The saved asset (save: true)'),
      },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(ctx.database, request, request.body.save ? 'editor' : 'viewer');
    const { background_asset_id: backgroundAssetId, save, ...req } = request.body;
    let backgroundImage: Buffer | undefined;
    if (backgroundAssetId) {
      const { stream } = await ctx.library.assets.open(scope, backgroundAssetId);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      backgroundImage = Buffer.concat(chunks);
    }
    const cover = renderCover({ ...req, backgroundImage });
    if (!save) return reply.type('image/png').send(cover.png);
    const saved = await assetStore(ctx, scope).save(
      { data: cover.png, mediaType: 'image/png', width: cover.width, height: cover.height, provider: 'cover' },
      { name: `cover-${req.platform ?? 'custom'}.png`, tags: ['cover', ...(req.platform ? [req.platform] : [])] },
    );
    return reply.code(201).send({ uri: saved.uri, id: saved.id, width: cover.width, height: cover.height, title_lines: cover.title.lines });
  });

  const titlesBody = z.object({ markdown: z.string().min(1).max(500_000), platform: z.string(), title: z.string().max(500).optional(), use_llm: z.boolean().default(false), count: z.number().int().min(1).max(10).default(6) });
  app.post('/api/titles', {
    schema: {
      tags: ['content'],
      summary: 'Scored title options for a platform',
      body: titlesBody,
      response: {
        200: z.object({
          options: z.array(
            z.object({
              title: z.string(),
              score: z.number(),
              chars: z.number(),
              fits: z.boolean(),
              source: z.enum(['original', 'candidate', 'heuristic', 'llm']),
              reasons: z.array(z.object({ zh: z.string(), en: z.string(), points: z.number() })),
            }),
          ),
        }),
      },
    },
  }, async (request) => {
    const { use_llm: useLlm, ...body } = request.body;
    const scope = await resolveScope(ctx.database, request, useLlm ? 'editor' : 'viewer');
    const llm = useLlm ? requireLlm(ctx) : undefined;
    const options = await suggestTitles({ ...body, llm, attribution: { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId } });
    return { options };
  });

  const scriptBody = z.object({ source: z.string().min(1).max(100_000), format: z.enum(['15s', '60s', '3min']), platform: z.string().optional(), style: z.string().max(500).optional(), model: z.string().optional(), save: z.boolean().default(false) });
  app.post('/api/video-scripts', {
    schema: {
      tags: ['content'],
      summary: 'Write a video shot list; save: true stores it as a work',
      body: scriptBody,
      response: { 200: z.object({ script: videoScriptSchema, markdown: z.string(), csv: z.string(), work_id: z.string().nullable().describe('The saved work (save: true)') }) },
    },
  }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { save, ...req } = request.body;
    const script = await writeVideoScript(requireLlm(ctx), { ...req, attribution: { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId }, signal: AbortSignal.timeout(180_000) });
    const markdown = scriptToMarkdown(script);
    const work = save
      ? await ctx.library.works.create(scope, { kind: 'video_script', title: script.title, body: markdown, platforms: script.platform ? [script.platform] : [] })
      : undefined;
    return { script: videoScriptJson(script), markdown, csv: scriptToCsv(script), work_id: work?.id ?? null };
  });

  const illustrateBody = z.object({ markdown: z.string().min(1).max(500_000), max: z.number().int().min(1).max(8).default(3), style: z.string().max(500).optional(), width: z.number().int().default(1024), height: z.number().int().default(576), provider: z.string().optional() });
  app.post('/api/illustrate', { schema: { tags: ['content'], summary: 'Illustrate an article: pick places, generate, insert', body: illustrateBody, response: { 200: illustratedSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { provider, ...req } = request.body;
    const illustrated = await illustrateArticle(
      { llm: requireLlm(ctx), images: await providers.open(scope.workspaceId, provider), store: assetStore(ctx, scope) },
      { ...req, attribution: { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId } },
    );
    return illustratedJson(illustrated);
  });

  // The illustrations exactly as POST /api/illustrate answered them.
  const regenerateBody = z.object({ markdown: z.string().min(1), illustrations: z.array(illustrationSchema), index: z.number().int().nonnegative(), prompt: z.string().max(4000).optional(), width: z.number().int().default(1024), height: z.number().int().default(576), style: z.string().optional(), provider: z.string().optional() });
  app.post('/api/illustrate/regenerate', { schema: { tags: ['content'], summary: 'Draw one illustration again and swap it in', body: regenerateBody, response: { 200: illustratedSchema } } }, async (request) => {
    const scope = await resolveScope(ctx.database, request, 'editor');
    const { provider, illustrations, ...req } = request.body;
    const regenerated = await regenerateIllustration(
      { images: await providers.open(scope.workspaceId, provider), store: assetStore(ctx, scope) },
      { ...req, illustrations: illustrations.map(illustrationOf), attribution: { workspaceId: scope.workspaceId, userId: scope.userId, traceId: request.traceId } },
    );
    return illustratedJson(regenerated);
  });
}

function stripLeadAndTags(text: string, result: { title?: string; tags: string[]; output: string }): string {
  let core = text;
  if (result.output === 'text' && result.title && core.startsWith(`【${result.title}】\n`)) core = core.slice(result.title.length + 3);
  const lines = core.trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  if (result.tags.length && result.tags.every((t) => last.includes(t))) core = lines.slice(0, -1).join('\n');
  return core.trim();
}
