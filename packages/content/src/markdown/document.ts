import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '@creatorflow/core';

/** A work's Markdown split into what formatters need. */
export interface SourceDocument {
  title?: string;
  summary?: string;
  author?: string;
  tags: string[];
  /** Markdown without front matter and without the leading `# title`. */
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,，\s]+/).map((v) => v.replace(/^#|#$/g, '').trim()).filter(Boolean);
  return [];
}

/**
 * Reads optional YAML front matter (`title`, `summary`/`description`, `author`,
 * `tags`) and takes a leading `# heading` as the title when none is given.
 */
export function parseSource(markdown: string): SourceDocument {
  let body = markdown.replace(/^\uFEFF/, '');
  let meta: Record<string, unknown> = {};
  const match = FRONT_MATTER.exec(body);
  if (match) {
    try {
      const parsed: unknown = parseYaml(match[1] ?? '');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch (cause) {
      throw new ValidationError('The front matter at the top of the Markdown is not valid YAML', [
        { path: 'front_matter', message: (cause as Error).message.split('\n')[0] ?? 'invalid YAML' },
      ]);
    }
    body = body.slice(match[0].length);
  }
  let title = typeof meta.title === 'string' ? meta.title.trim() : undefined;
  const heading = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(body);
  if (heading) {
    title ??= heading[1];
    if (title === heading[1]) body = body.slice(heading[0].length);
  }
  const summary = meta.summary ?? meta.description;
  return {
    title,
    summary: typeof summary === 'string' ? summary.trim() : undefined,
    author: typeof meta.author === 'string' ? meta.author : undefined,
    tags: stringList(meta.tags),
    body: body.replace(/^\s+/, ''),
  };
}

/** The Markdown dialect every formatter uses: CommonMark + tables + strikethrough, no raw HTML. */
export function createMarkdown(options: { highlight?: (code: string, lang: string) => string } = {}): MarkdownItInstance {
  return new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false, highlight: options.highlight });
}

/** Host of an absolute http(s) URL, or undefined for relative and other URLs. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** True when `host` is one of `hosts` or a subdomain of one. */
export function hostMatches(host: string | undefined, hosts: readonly string[]): boolean {
  if (!host) return false;
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
