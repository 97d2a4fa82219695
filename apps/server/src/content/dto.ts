import { z } from 'zod';
import type { CoverTemplate, FormatResult, Illustration, PlatformProfile, ThemeInfo, VideoScript } from '@creatorflow/content';
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

const range = z.object({ min: z.number().optional(), max: z.number().optional() });
const rangeOf = (r: { min?: number; max?: number }) => ({ min: r.min, max: r.max });

/** A platform's formatting profile (the catalogue entry's formatting and publish facts), as GET /api/format/platforms lists it. */
export const platformProfileSchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  name: localized,
  kinds: z.array(z.string()),
  output: z.enum(['wechat-html', 'rich-html', 'markdown', 'text', 'note', 'video']),
  counting: z.enum(['chars', 'weibo']),
  title: range.extend({ required: z.boolean(), ideal: range.optional() }).optional(),
  body: range.extend({ ideal: range.optional() }),
  summary: range.extend({ required: z.boolean() }).optional(),
  tags: z.object({ min: z.number(), max: z.number(), max_chars: z.number().optional(), format: z.string(), placement: z.enum(['inline', 'field']) }).optional(),
  images: range.extend({ native_hosts: z.array(z.string()), max_width: z.number().optional() }).optional(),
  video: z.object({ min_seconds: z.number().optional(), max_seconds: z.number().optional() }).optional(),
  cover: z.object({ width: z.number(), height: z.number(), ratio: z.string(), required: z.boolean(), first_image: z.boolean() }).optional(),
  links: z.object({ external: z.enum(['keep', 'footnotes', 'text', 'drop']), allowed_hosts: z.array(z.string()) }),
  paragraphs: z.object({ max_chars: z.number(), blank_line: z.boolean(), heading: z.enum(['plain', 'emoji', 'brackets']), emojis: z.array(z.string()), bullet: z.string() }).optional(),
  sensitive_words: z.array(z.string()),
  publish: z.object({ methods: z.array(z.string()), page_url: z.string(), login_url: z.string().optional(), scheduling: z.boolean() }).optional(),
  metrics: z.object({ supported: z.boolean() }),
  sources: z.array(z.object({ what: z.string(), url: z.string(), checked: z.string() })),
  unverified: z.array(z.string()),
  notes: z.string().optional(),
});

export const platformProfileJson = (p: PlatformProfile): z.infer<typeof platformProfileSchema> => ({
  id: p.id,
  aliases: p.aliases,
  name: { zh: p.name.zh, en: p.name.en },
  kinds: p.kinds,
  output: p.output,
  counting: p.counting,
  title: p.title && { ...rangeOf(p.title), required: p.title.required, ideal: p.title.ideal && rangeOf(p.title.ideal) },
  body: { ...rangeOf(p.body), ideal: p.body.ideal && rangeOf(p.body.ideal) },
  summary: p.summary && { ...rangeOf(p.summary), required: p.summary.required },
  tags: p.tags && { min: p.tags.min, max: p.tags.max, max_chars: p.tags.maxChars, format: p.tags.format, placement: p.tags.placement },
  images: p.images && { ...rangeOf(p.images), native_hosts: p.images.nativeHosts, max_width: p.images.maxWidth },
  video: p.video && { min_seconds: p.video.minSeconds, max_seconds: p.video.maxSeconds },
  cover: p.cover && { width: p.cover.width, height: p.cover.height, ratio: p.cover.ratio, required: p.cover.required, first_image: p.cover.firstImage },
  links: { external: p.links.external, allowed_hosts: p.links.allowedHosts },
  paragraphs: p.paragraphs && { max_chars: p.paragraphs.maxChars, blank_line: p.paragraphs.blankLine, heading: p.paragraphs.heading, emojis: p.paragraphs.emojis, bullet: p.paragraphs.bullet },
  sensitive_words: p.sensitiveWords,
  publish: p.publish && { methods: p.publish.methods, page_url: p.publish.pageUrl, login_url: p.publish.loginUrl, scheduling: p.publish.scheduling },
  metrics: { supported: p.metrics.supported },
  sources: p.sources.map((s) => ({ what: s.what, url: s.url, checked: s.checked })),
  unverified: p.unverified,
  notes: p.notes,
});

export const themeSchema = z.object({ id: z.string(), description: z.string() });
export const themeJson = (t: ThemeInfo): z.infer<typeof themeSchema> => ({ id: t.id, description: t.description });

const box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const textStyleSchema = z.object({
  color: z.string(),
  weight: z.union([z.literal(400), z.literal(700)]),
  align: z.enum(['left', 'center', 'right']),
  box: box.describe('Fractions of the cover size'),
  max_size: z.number().describe('Font size as a fraction of the cover width'),
  min_size: z.number(),
  max_lines: z.number(),
  line_height: z.number(),
});
type TextStyle = CoverTemplate['title'];
const textStyleJson = (t: TextStyle): z.infer<typeof textStyleSchema> => ({
  color: t.color,
  weight: t.weight,
  align: t.align,
  box: { x: t.box.x, y: t.box.y, w: t.box.w, h: t.box.h },
  max_size: t.maxSize,
  min_size: t.minSize,
  max_lines: t.maxLines,
  line_height: t.lineHeight,
});

export const coverTemplateSchema = z.object({
  id: z.string(),
  name: localized,
  background: z.discriminatedUnion('type', [
    z.object({ type: z.literal('color'), color: z.string() }),
    z.object({ type: z.literal('gradient'), from: z.string(), to: z.string(), angle: z.number() }),
    z.object({ type: z.literal('image'), fallback: z.string(), overlay: z.object({ from: z.string(), to: z.string() }).optional() }),
  ]),
  title: textStyleSchema,
  subtitle: textStyleSchema.optional(),
  decorations: z.array(box.extend({ type: z.literal('rect'), color: z.string(), opacity: z.number() })),
});

export const coverTemplateJson = (t: CoverTemplate): z.infer<typeof coverTemplateSchema> => ({
  id: t.id,
  name: { zh: t.name.zh, en: t.name.en },
  background: t.background,
  title: textStyleJson(t.title),
  subtitle: t.subtitle && textStyleJson(t.subtitle),
  decorations: t.decorations.map((d) => ({ type: d.type, x: d.x, y: d.y, w: d.w, h: d.h, color: d.color, opacity: d.opacity })),
});

export const videoScriptSchema = z.object({
  title: z.string(),
  hook: z.string().describe('开头 3 秒钩子'),
  shots: z.array(
    z.object({ scene: z.string(), duration_seconds: z.number(), visuals: z.string(), voice_over: z.string(), on_screen_text: z.string(), music_cue: z.string() }),
  ),
  cta: z.string(),
  format: z.enum(['15s', '60s', '3min']),
  platform: z.string().optional(),
  total_seconds: z.number(),
});

export const videoScriptJson = (s: VideoScript): z.infer<typeof videoScriptSchema> => ({
  title: s.title,
  hook: s.hook,
  shots: s.shots.map((shot) => ({
    scene: shot.scene,
    duration_seconds: shot.durationSeconds,
    visuals: shot.visuals,
    voice_over: shot.voiceOver,
    on_screen_text: shot.onScreenText,
    music_cue: shot.musicCue,
  })),
  cta: s.cta,
  format: s.format,
  platform: s.platform,
  total_seconds: s.totalSeconds,
});

export const illustrationSchema = z.object({
  after_paragraph: z.number().int().describe('1-based paragraph the picture follows'),
  prompt: z.string(),
  alt: z.string(),
  uri: z.string(),
  seed: z.number().optional(),
});
export type IllustrationJson = z.infer<typeof illustrationSchema>;

export const illustrationJson = (i: Illustration): IllustrationJson => ({ after_paragraph: i.afterParagraph, prompt: i.prompt, alt: i.alt, uri: i.uri, seed: i.seed });
export const illustrationOf = (i: IllustrationJson): Illustration => ({ afterParagraph: i.after_paragraph, prompt: i.prompt, alt: i.alt, uri: i.uri, seed: i.seed });

export const illustratedSchema = z.object({ markdown: z.string().describe('The article with the pictures inserted'), illustrations: z.array(illustrationSchema) });
export const illustratedJson = (r: { markdown: string; illustrations: Illustration[] }): z.infer<typeof illustratedSchema> => ({ markdown: r.markdown, illustrations: r.illustrations.map(illustrationJson) });
