import { z } from 'zod';
import type { FormatResult } from '@creatorflow/content';
import type { ImageProviderView } from '@creatorflow/content/images/provider-store';

// The content API's answers in snake_case. The content package's results are camelCase; each mapper names every
// field so nothing camelCase reaches a payload (contract.test.ts checks the schemas, these functions fill them).

const localized = z.object({ zh: z.string(), en: z.string() });

export const violationSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  field: z.enum(['title', 'body', 'summary', 'tags', 'images', 'cover']),
  limit: z.number().optional(),
  actual: z.number().optional(),
  message: localized,
  suggestion: localized,
  fix: z.literal('fit').optional().describe('The LLM "fit to platform" rewrite can fix this'),
});

export const formatResultSchema = z.object({
  platform: z.string(),
  platform_name: localized,
  output: z.string(),
  title: z.string().optional(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  body: z.string().describe("Exactly what goes into the platform's body field"),
  body_format: z.enum(['html', 'markdown', 'text']),
  plain_text: z.string().describe('The visible text of the body, as the platform counts it'),
  images: z.array(z.object({ src: z.string(), alt: z.string(), needs_upload: z.boolean(), reason: z.enum(['external', 'local', 'asset']).optional() })),
  footnotes: z.array(z.object({ n: z.number(), text: z.string(), url: z.string() })),
  theme: z.string().optional(),
  cover: z.object({ width: z.number(), height: z.number(), ratio: z.string() }).optional(),
  violations: z.array(violationSchema),
  notices: z.array(z.string()),
  stats: z.object({ title_chars: z.number(), body_chars: z.number(), image_count: z.number(), tag_count: z.number() }),
});
export type FormatResultJson = z.infer<typeof formatResultSchema>;

export const formatResultJson = (r: FormatResult): FormatResultJson => ({
  platform: r.platform,
  platform_name: { zh: r.platformName.zh, en: r.platformName.en },
  output: r.output,
  title: r.title,
  summary: r.summary,
  tags: r.tags,
  body: r.body,
  body_format: r.bodyFormat,
  plain_text: r.plainText,
  images: r.images.map((i) => ({ src: i.src, alt: i.alt, needs_upload: i.needsUpload, reason: i.reason })),
  footnotes: r.footnotes.map((f) => ({ n: f.n, text: f.text, url: f.url })),
  theme: r.theme,
  cover: r.cover ? { width: r.cover.width, height: r.cover.height, ratio: r.cover.ratio } : undefined,
  violations: r.violations.map((v) => ({ code: v.code, severity: v.severity, field: v.field, limit: v.limit, actual: v.actual, message: v.message, suggestion: v.suggestion, fix: v.fix })),
  notices: r.notices,
  stats: { title_chars: r.stats.titleChars, body_chars: r.stats.bodyChars, image_count: r.stats.imageCount, tag_count: r.stats.tagCount },
});

export const imageProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['comfyui', 'openai', 'siliconflow']),
  base_url: z.string(),
  model: z.string().nullable(),
  workflow: z.string().nullable(),
  api_key_hint: z.string().nullable().describe('The end of the key, never the key'),
  is_default: z.boolean(),
});
export const imageProviderJson = (p: ImageProviderView): z.infer<typeof imageProviderSchema> => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  base_url: p.baseUrl,
  model: p.model,
  workflow: p.workflow,
  api_key_hint: p.apiKeyHint,
  is_default: p.isDefault,
});
