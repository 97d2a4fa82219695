import { z } from 'zod';
import { CONTENT_KINDS, PUBLISH_METHODS } from './kinds.ts';

/**
 * One platform of the catalogue (`data/<id>.yaml`): who it is, what it accepts
 * and its limits, how content is formatted for it, how CreatorFlow publishes
 * to it and whether metrics can be read back. Every limit is written here once;
 * content (formatting, limit checks), publish (content checks, descriptors) and
 * insights read it from here.
 */
const range = z.object({ min: z.number().int().nonnegative().optional(), max: z.number().int().positive().optional() });

export const outputKindSchema = z.enum(['wechat-html', 'rich-html', 'markdown', 'text', 'note', 'video']);

const source = z.object({
  /** What the source backs (e.g. `title ≤ 20`). */
  what: z.string().min(1),
  url: z.string().url(),
  /** ISO date the source was read. */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const platformEntrySchema = z.object({
  /** Canonical id: the one stored on accounts, jobs and works. */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Other names people and older data use (`shipinhao` for `wechat_channels`). */
  aliases: z.array(z.string().regex(/^[a-z][a-z0-9_-]*$/)).default([]),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** Publish content kinds the platform accepts; empty for platforms CreatorFlow only formats for. */
  kinds: z.array(z.enum(CONTENT_KINDS)).default([]),

  // Formatting profile.
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
  video: z.object({ minSeconds: z.number().int().positive().optional(), maxSeconds: z.number().int().positive().optional() }).optional(),
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

  publish: z
    .object({
      /** In the order tried; `assist` (the person posts by hand with a prepared bundle) is always last. */
      methods: z.array(z.enum(PUBLISH_METHODS)).min(1),
      /** Where a person publishes by hand (assist deep link). */
      pageUrl: z.string().url(),
      loginUrl: z.string().url().optional(),
      /** The platform itself can schedule a post for later. */
      scheduling: z.boolean(),
    })
    .optional(),
  metrics: z.object({
    /** Post metrics can be read back (views, likes, …). */
    supported: z.boolean(),
  }),

  /** Where each limit and fact comes from, and when it was checked. */
  sources: z.array(source).min(1),
  /** Limits kept without a public source found (conservative values from earlier data); listed so nobody mistakes them for facts. */
  unverified: z.array(z.string()).default([]),
  notes: z.string().optional(),
});

export type PlatformEntry = z.infer<typeof platformEntrySchema>;
export type OutputKind = z.infer<typeof outputKindSchema>;
export type PlatformSource = z.infer<typeof source>;
