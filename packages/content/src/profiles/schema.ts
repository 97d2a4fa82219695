import { z } from 'zod';

/**
 * A platform profile: everything CreatorFlow knows about a platform's limits
 * and rules, kept as data (`data/<id>.yaml`) so a platform change is a data fix.
 */
const range = z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() });

export const outputKindSchema = z.enum(['wechat-html', 'rich-html', 'markdown', 'text', 'note', 'video']);

export const platformProfileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.object({ zh: z.string(), en: z.string() }),
  output: outputKindSchema,
  /** `chars`: Unicode code points; `weibo`: two half-width characters count as one. */
  counting: z.enum(['chars', 'weibo']).default('chars'),
  title: range.extend({ required: z.boolean().default(false), ideal: range.optional() }).optional(),
  body: range.extend({ ideal: range.optional() }),
  summary: range.extend({ required: z.boolean().default(false) }).optional(),
  tags: z
    .object({
      min: z.number().int().nonnegative().default(0),
      max: z.number().int().positive(),
      maxChars: z.number().int().positive().optional(),
      /** How a tag is written into text: `{tag}` is replaced. */
      format: z.string().includes('{tag}'),
      /** `inline`: appended to the body text; `field`: a separate form field. */
      placement: z.enum(['inline', 'field']),
    })
    .optional(),
  images: range
    .extend({
      /** Hosts whose images the platform accepts as-is; others must be uploaded. */
      nativeHosts: z.array(z.string()).default([]),
      maxWidth: z.number().int().positive().optional(),
    })
    .optional(),
  cover: z
    .object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      /** Aspect ratio label for people, e.g. `3:4`. */
      ratio: z.string(),
      required: z.boolean().default(false),
      /** The cover is the post's first image (a Xiaohongshu note), so it counts toward the image limits. */
      firstImage: z.boolean().default(false),
    })
    .optional(),
  links: z
    .object({
      /** `keep`: links stay; `footnotes`: external links become numbered references; `text`: link text plus URL in brackets; `drop`: link text only. */
      external: z.enum(['keep', 'footnotes', 'text', 'drop']),
      /** Hosts that stay real links even when external links are converted. */
      allowedHosts: z.array(z.string()).default([]),
    })
    .default({ external: 'keep', allowedHosts: [] }),
  /** Paragraph style for plain-text outputs. */
  paragraphs: z
    .object({
      /** Longest paragraph (chars) before it is split at a sentence end. */
      maxChars: z.number().int().positive().default(120),
      /** Blank line between paragraphs, which note apps need to show spacing. */
      blankLine: z.boolean().default(true),
      /** How headings show in plain text: `emoji` prefixes one of `emojis`, `brackets` writes 【heading】. */
      heading: z.enum(['plain', 'emoji', 'brackets']).default('plain'),
      emojis: z.array(z.string()).default([]),
      /** List item marker in plain text. */
      bullet: z.string().default('•'),
    })
    .optional(),
  /** Words the platform is known to throttle or reject; each hit is a warning. */
  sensitiveWords: z.array(z.string()).default([]),
  notes: z.string().optional(),
});

export type PlatformProfile = z.infer<typeof platformProfileSchema>;
export type OutputKind = z.infer<typeof outputKindSchema>;
