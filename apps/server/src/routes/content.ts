import { z } from 'zod';
import { CreatorFlowError, type LlmPort } from '@creatorflow/core';
import { countChars, fitToPlatform, formatForPlatform, getProfile, listThemes, loadProfiles, previewPage } from '@creatorflow/content';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import type { RoutePlugin } from './types.ts';

const formatBody = z.object({
  markdown: z.string().min(1, 'markdown is empty: send the work body as Markdown').max(500_000),
  platform: z.string().min(1),
  title: z.string().max(500).optional(),
  summary: z.string().max(2000).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
  author: z.string().max(100).optional(),
  theme: z.string().max(50).optional(),
  customCss: z.string().max(100_000).optional(),
  images: z.array(z.object({ src: z.string().max(2000), alt: z.string().max(500).optional() })).max(50).optional(),
  cover: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
});

const fitBody = formatBody.extend({
  field: z.enum(['title', 'body', 'summary']),
  limit: z.number().int().positive().optional(),
  model: z.string().max(200).optional(),
});

/** The LLM port once the LLM layer hangs it on the context. */
export function llmOf(ctx: AppContext): LlmPort | undefined {
  const candidate = (ctx as unknown as { llm?: LlmPort }).llm;
  return candidate && typeof candidate.chat === 'function' ? candidate : undefined;
}

function requireLlm(ctx: AppContext): LlmPort {
  const llm = llmOf(ctx);
  if (!llm) {
    throw new CreatorFlowError('LLM_NOT_CONFIGURED', 'No language model is configured; add a provider under Settings → Models first', { status: 503 });
  }
  return llm;
}

/** Routes of the content domain: platform formatting, preview and fit-to-platform. */
export const contentRoutes: RoutePlugin = async (app, ctx) => {
  app.get(
    '/api/format/platforms',
    { schema: { tags: ['content'], summary: 'Platform profiles (limits and rules) and WeChat themes' } },
    async (request) => {
      await resolveScope(ctx.database, request, 'viewer');
      return { platforms: [...loadProfiles().values()], themes: listThemes() };
    },
  );

  app.post(
    '/api/format',
    { schema: { tags: ['content'], summary: 'Format Markdown for a platform and check its limits', body: formatBody } },
    async (request) => {
      await resolveScope(ctx.database, request, 'viewer');
      return formatForPlatform(request.body);
    },
  );

  app.post(
    '/api/format/preview',
    { schema: { tags: ['content'], summary: 'A full HTML page of exactly what will be pasted or published', body: formatBody } },
    async (request, reply) => {
      await resolveScope(ctx.database, request, 'viewer');
      const result = formatForPlatform(request.body);
      void reply.header('x-creatorflow-violations', String(result.violations.filter((v) => v.severity === 'error').length));
      return reply.type('text/html; charset=utf-8').send(previewPage(result, { author: request.body.author }));
    },
  );

  app.post(
    '/api/format/fit',
    { schema: { tags: ['content'], summary: 'Rewrite a too-long field with the LLM so it fits the platform, then format again', body: fitBody } },
    async (request) => {
      const scope = await resolveScope(ctx.database, request, 'editor');
      const { field, limit, model, ...input } = request.body;
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
      return { fit, result: formatForPlatform(next) };
    },
  );
};

function stripLeadAndTags(text: string, result: { title?: string; tags: string[]; output: string }): string {
  let core = text;
  if (result.output === 'text' && result.title && core.startsWith(`【${result.title}】\n`)) core = core.slice(result.title.length + 3);
  const lines = core.trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  if (result.tags.length && result.tags.every((t) => last.includes(t))) core = lines.slice(0, -1).join('\n');
  return core.trim();
}
