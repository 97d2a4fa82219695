import type { Token } from 'markdown-it';
import type { PlatformProfile } from '../profiles/index.ts';
import { createMarkdown, hostMatches, hostOf } from '../markdown/document.ts';
import { escapeHtml, highlight, preserveWhitespace } from '../wechat/code.ts';
import type { Footnote, ImageRef } from './types.ts';

interface RenderEnv {
  footnotes: Footnote[];
  images: ImageRef[];
  dropped: number;
}

/** Whether an image must be uploaded to the platform before it shows. */
export function classifyImage(src: string, nativeHosts: readonly string[]): Pick<ImageRef, 'needsUpload' | 'reason'> {
  if (src.startsWith('asset://')) return { needsUpload: true, reason: 'asset' };
  const host = hostOf(src);
  if (!host) return { needsUpload: true, reason: 'local' };
  return hostMatches(host, nativeHosts) ? { needsUpload: false } : { needsUpload: true, reason: 'external' };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A soft line break between two CJK characters is no space at all (hard-wrapped Chinese source). */
export function joinsCjk(before: string | undefined, after: string | undefined): boolean {
  return CJK.test(before?.slice(-1) ?? '') && CJK.test(after?.slice(0, 1) ?? '');
}

function linkText(children: Token[], from: number): string {
  let text = '';
  for (let i = from + 1; i < children.length && children[i]?.type !== 'link_close'; i += 1) text += children[i]?.content ?? '';
  return text;
}

/**
 * Markdown → semantic HTML with `cf-*` classes for theming. Links follow the
 * profile: external ones become numbered footnotes, plain text or are dropped;
 * images are collected and flagged for upload.
 */
export function renderHtml(markdown: string, profile: PlatformProfile, options: { codeLineBreaks: boolean; codeLabel?: boolean }) {
  const md = createMarkdown();
  const env: RenderEnv = { footnotes: [], images: [], dropped: 0 };
  const policy = profile.links;
  const rules = md.renderer.rules;

  rules.softbreak = (tokens, idx) => (joinsCjk(tokens[idx - 1]?.content, tokens[idx + 1]?.content) ? '' : ' ');
  rules.code_inline = (tokens, idx) => `<code class="cf-code">${escapeHtml(tokens[idx]?.content ?? '')}</code>`;
  const block = (code: string, lang: string) => {
    const highlighted = highlight(code, lang);
    const body = options.codeLineBreaks ? preserveWhitespace(highlighted) : highlighted.replace(/\n$/, '');
    const label = lang && options.codeLabel ? `<span class="cf-pre-lang">${escapeHtml(lang)}</span>` : '';
    return `<pre class="cf-pre">${label}<code class="cf-pre-code">${body}</code></pre>\n`;
  };
  rules.fence = (tokens, idx) => block(tokens[idx]?.content ?? '', tokens[idx]?.info.trim().split(/\s+/)[0] ?? '');
  rules.code_block = (tokens, idx) => block(tokens[idx]?.content ?? '', '');
  rules.table_open = () => '<section class="cf-table-wrap"><table>\n';
  rules.table_close = () => '</table></section>\n';
  rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = token.children?.map((c) => c.content).join('') ?? token.content;
    env.images.push({ src, alt, ...classifyImage(src, profile.images?.nativeHosts ?? []) });
    return `<img class="cf-img" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
  };
  rules.link_open = (tokens, idx, opts, _env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet('href') ?? '');
    const host = hostOf(href);
    const external = host !== undefined && !hostMatches(host, policy.allowedHosts);
    if (!external || policy.external === 'keep') return self.renderToken(tokens, idx, opts);
    const text = linkText(tokens, idx);
    if (policy.external === 'footnotes') {
      const note: Footnote = env.footnotes.find((f) => f.url === href) ?? {
        n: env.footnotes.length + 1,
        text: text === href ? href : text,
        url: href,
      };
      if (note.n > env.footnotes.length) env.footnotes.push(note);
      token.meta = { mode: 'footnote', n: note.n };
      return '<span class="cf-fn-text">';
    }
    token.meta = { mode: policy.external, href, same: text === href };
    if (policy.external === 'drop') env.dropped += 1;
    return '<span class="cf-link-text">';
  };
  rules.link_close = (tokens, idx, opts, _e, self) => {
    let depth = 0;
    for (let i = idx - 1; i >= 0; i -= 1) {
      const t = tokens[i]!;
      if (t.type === 'link_close') depth += 1;
      else if (t.type === 'link_open' && depth-- === 0) {
        const meta = t.meta as { mode?: string; n?: number; href?: string; same?: boolean } | null;
        if (meta?.mode === 'footnote') return `</span><sup class="cf-fn-ref">[${meta.n}]</sup>`;
        if (meta?.mode === 'text') return meta.same ? '</span>' : `</span>（${escapeHtml(meta.href ?? '')}）`;
        if (meta?.mode === 'drop') return '</span>';
        break;
      }
    }
    return self.renderToken(tokens, idx, opts);
  };

  const html = md.render(markdown);
  return { html, footnotes: env.footnotes, images: env.images, droppedLinks: env.dropped };
}
