import { parse, stringify } from 'yaml';
import { ValidationError } from '@creatorflow/core';
import { parseAssetUri } from '../assets/asset-uri.ts';
import { WORK_KINDS, WORK_STATUSES, type NewWork, type Work, type WorkKind, type WorkStatus } from './work-types.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function list(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
  throw new ValidationError(`Front matter '${field}' must be a list of strings`, [{ path: `front_matter.${field}`, message: 'list of strings' }]);
}

/**
 * Reads a Markdown file into a new work: YAML front matter (title, kind, tags,
 * platforms, status) is optional; without a title the first `# heading` is used
 * (and removed from the body), else `fallbackTitle` (e.g. the file name).
 */
export function workFromMarkdown(markdown: string, fallbackTitle?: string): NewWork {
  let body = markdown.replace(/^\uFEFF/, '');
  let meta: Record<string, unknown> = {};
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    let parsed: unknown;
    try {
      parsed = parse(fm[1]!);
    } catch (cause) {
      throw new ValidationError(`The YAML front matter is invalid: ${(cause as Error).message}`, [{ path: 'front_matter', message: 'invalid YAML' }]);
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    body = body.slice(fm[0].length);
  }
  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  if (!title) {
    const heading = /^\s*#\s+(.+?)\s*#*\s*(\r?\n|$)/.exec(body);
    if (heading) {
      title = heading[1]!;
      body = body.slice(heading[0].length);
    }
  }
  title ||= fallbackTitle ?? '';
  if (!title) throw new ValidationError('The Markdown has no title: add `title:` front matter or a first `# heading`', [{ path: 'title', message: 'missing' }]);
  const kind = (meta.kind ?? 'article') as WorkKind;
  if (!WORK_KINDS.includes(kind)) {
    throw new ValidationError(`Front matter kind '${String(kind)}' is not one of ${WORK_KINDS.join(', ')}`, [{ path: 'front_matter.kind', message: WORK_KINDS.join(', ') }]);
  }
  const status = (meta.status ?? 'draft') as WorkStatus;
  if (!WORK_STATUSES.includes(status)) {
    throw new ValidationError(`Front matter status '${String(status)}' is not one of ${WORK_STATUSES.join(', ')}`, [{ path: 'front_matter.status', message: WORK_STATUSES.join(', ') }]);
  }
  body = body.replace(/^\s*\n/, '');
  // The cover: front matter's (as workToMarkdown writes it), else the body's first image once it is an asset.
  const frontCover = typeof meta.cover_asset_id === 'string' ? meta.cover_asset_id : undefined;
  const firstAsset = imageRefs(body).map((src) => parseAssetUri(src)).find((ref) => ref?.type === 'image');
  return {
    kind,
    title,
    body,
    coverAssetId: frontCover ?? firstAsset?.id,
    tags: list(meta.tags, 'tags'),
    platforms: list(meta.platforms, 'platforms'),
    status,
  };
}

/** Writes a work as Markdown with YAML front matter; `workFromMarkdown` reads it back. */
export function workToMarkdown(work: Work): string {
  const meta: Record<string, unknown> = { title: work.title, kind: work.kind, status: work.status, version: work.version };
  if (work.tags.length) meta.tags = work.tags;
  if (work.platforms.length) meta.platforms = work.platforms;
  if (work.coverAssetId) meta.cover_asset_id = work.coverAssetId;
  return `---\n${stringify(meta).trimEnd()}\n---\n\n${work.body}${work.body.endsWith('\n') ? '' : '\n'}`;
}

// `![alt](src)` / `![alt](<src> "title")` and `<img … src="…">`: the two ways a Markdown file shows an image.
const MD_IMAGE = /!\[[^\]]*\]\(\s*(<[^>]+>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]+)"|'([^']+)')/gi;

const unwrap = (src: string) => (src.startsWith('<') && src.endsWith('>') ? src.slice(1, -1) : src);

/** The image sources of a Markdown body, in order of appearance, each once. */
export function imageRefs(markdown: string): string[] {
  const found: Array<[number, string]> = [];
  for (const m of markdown.matchAll(MD_IMAGE)) found.push([m.index, unwrap(m[1]!)]);
  for (const m of markdown.matchAll(HTML_IMAGE)) found.push([m.index, m[1] ?? m[2]!]);
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, src]) => src))];
}

/** A source that names a file next to the Markdown (not a URL, an asset, a data URI or an anchor). */
export function isLocalImageRef(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src) && src.length > 0;
}

/** The body with image sources replaced (local file → `asset://` URI), in Markdown images and `<img>` tags alike. */
export function rewriteImageRefs(markdown: string, replace: ReadonlyMap<string, string>): string {
  const swap = (src: string) => replace.get(src) ?? replace.get(unwrap(src));
  return markdown
    .replace(MD_IMAGE, (whole: string, src: string) => {
      const to = swap(src);
      return to ? whole.replace(src, to) : whole;
    })
    .replace(HTML_IMAGE, (whole: string, a?: string, b?: string) => {
      const src = a ?? b!;
      const to = swap(src);
      return to ? whole.replace(src, to) : whole;
    });
}
