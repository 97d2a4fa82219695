import { extname } from 'node:path';
import type { PlatformFlow, PublishJob } from '@creatorflow/publish';

/** One file of an assist bundle, by the name it is served and zipped under (never its path on the server). */
export interface BundleFile {
  name: string;
  role: 'cover' | 'image' | 'video';
  /** 1-based order the platform wants them in (images); 0 for the cover and the video. */
  order: number;
  contentType: string;
  path: string;
}

export interface AssistBundle {
  editorUrl: string;
  title: string;
  /** Rich HTML that pastes formatted: images by `imageUrl(file)`. */
  bodyHtml: string;
  bodyText: string;
  tags: string[];
  tagsText: string;
  files: BundleFile[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const extOf = (name: string, contentType: string) => extname(name) || (contentType === 'image/jpeg' ? '.jpg' : contentType.startsWith('video/') ? '.mp4' : '.png');

/** The files of a job in the order a person adds them: cover, images 01…, video; names unique and safe. */
export function bundleFiles(job: PublishJob): BundleFile[] {
  const c = job.content;
  const files: BundleFile[] = [];
  const imagePaths = new Set(c.images.map((i) => i.path));
  // A carousel's cover is its first card: listed once, as the first image.
  if (c.cover && !imagePaths.has(c.cover.path)) files.push({ name: `cover${extOf(c.cover.name, c.cover.contentType)}`, role: 'cover', order: 0, contentType: c.cover.contentType, path: c.cover.path });
  c.images.forEach((image, i) => files.push({ name: `image-${pad(i + 1)}${extOf(image.name, image.contentType)}`, role: 'image', order: i + 1, contentType: image.contentType, path: image.path }));
  if (c.video) files.push({ name: `video${extOf(c.video.name, c.video.contentType)}`, role: 'video', order: 0, contentType: c.video.contentType, path: c.video.path });
  return files;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML to the text a plain-text field takes: block ends become line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote|section|div|pre|tr)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text as HTML paragraphs (a note's text pastes as paragraphs into a rich editor too). */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * The platform's own editor for this kind of post (the browser flow's editor page), on the
 * account's site address when it has one (a proxy, a replica); else the catalogue's publish page (API-only platforms).
 */
export function editorUrlOf(job: PublishJob, flow: PlatformFlow | undefined, baseUrl: string | undefined, publishPageUrl: string): string {
  const variant = flow?.variants[job.content.kind as keyof PlatformFlow['variants']];
  if (flow && variant?.editorUrl) return new URL(variant.editorUrl, baseUrl ?? flow.baseUrl).toString();
  return publishPageUrl;
}

/**
 * What a person needs to publish a job by hand: the text as rich HTML (images
 * by URL, so they load in the page and in the editor it is pasted into) and as
 * plain text, the tags, and every file by a served name.
 */
export function assistBundle(job: PublishJob, options: { editorUrl: string; imageUrl: (file: BundleFile) => string }): AssistBundle {
  const c = job.content;
  const files = bundleFiles(job);
  let bodyHtml: string;
  if (c.kind === 'article') {
    bodyHtml = c.body;
    // The job's body names its images by the files the browser uploads; a pasted copy needs addresses that load.
    for (const file of files) bodyHtml = bodyHtml.split(file.path).join(options.imageUrl(file));
  } else bodyHtml = textToHtml(c.body);
  const bodyText = c.kind === 'article' ? htmlToText(c.body) : c.body;
  return { editorUrl: options.editorUrl, title: c.title, bodyHtml, bodyText, tags: c.tags, tagsText: c.tags.map((t) => `#${t}`).join(' '), files };
}
