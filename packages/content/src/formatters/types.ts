import type { OutputKind } from '../profiles/index.ts';
import type { Violation } from '../limits/check.ts';

/** An image the content uses, and whether it must be uploaded before publishing. */
export interface ImageRef {
  src: string;
  alt: string;
  needsUpload: boolean;
  /** Why upload is needed: not on the platform's CDN, a local file, or a CreatorFlow asset. */
  reason?: 'external' | 'local' | 'asset';
}

/** An external link turned into a numbered reference. */
export interface Footnote {
  n: number;
  text: string;
  url: string;
}

export interface FormatResult {
  platform: string;
  platformName: { zh: string; en: string };
  output: OutputKind;
  title?: string;
  summary?: string;
  tags: string[];
  /** Exactly what goes into the platform's body field. */
  body: string;
  bodyFormat: 'html' | 'markdown' | 'text';
  /** The visible text of the body, as the platform counts it. */
  plainText: string;
  images: ImageRef[];
  footnotes: Footnote[];
  theme?: string;
  cover?: { width: number; height: number; ratio: string };
  /** What will show as the note's first picture, when the work has a cover (its URI or URL). */
  coverSrc?: string;
  /** The topics appended to a text body (`#便当 #午餐`), '' when none were added: topics already written in the body are not repeated. */
  tagLine: string;
  violations: Violation[];
  /** Things changed on the way (removed CSS, dropped links); zh-CN first. */
  notices: string[];
  stats: { titleChars: number; bodyChars: number; imageCount: number; tagCount: number };
}

/** What every formatter accepts. */
export interface FormatInput {
  markdown: string;
  platform: string;
  title?: string;
  summary?: string;
  tags?: string[];
  author?: string;
  /** WeChat theme id. */
  theme?: string;
  /** Extra CSS applied after the theme (WeChat, rich HTML). */
  customCss?: string;
  /** Extra images for image-first platforms (note images in order; the first is the cover). */
  images?: Array<{ src: string; alt?: string }>;
  /** Size of the cover that will be used, if already made; `src` lets a preview show it. */
  cover?: { width: number; height: number; src?: string };
}
