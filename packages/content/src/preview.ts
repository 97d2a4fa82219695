import { escapeHtml } from './wechat/code.ts';
import type { FormatResult } from './formatters/types.ts';

/** Page chrome only; the content inside `#cf-content` is byte-for-byte what gets pasted. */
const CHROME = `body{margin:0;background:#ededed;font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.cf-page{max-width:677px;margin:0 auto;background:#fff;padding:24px 16px 48px;min-height:100vh;box-sizing:border-box}
.cf-title{font-size:22px;line-height:1.4;font-weight:600;color:#1a1a1a;margin:0 0 12px}
.cf-meta{font-size:15px;color:#576b95;margin:0 0 20px}
.cf-text{white-space:pre-wrap;word-break:break-word;font-size:15px;line-height:1.75;color:#222;margin:0}
.cf-note{max-width:420px}
.cf-tags{margin-top:16px;color:#13386c}
.cf-gallery{display:flex;gap:6px;overflow-x:auto;margin:0 0 12px;scroll-snap-type:x mandatory}
.cf-gallery img{flex:0 0 100%;aspect-ratio:3/4;object-fit:cover;border-radius:8px;background:#f2f2f2;scroll-snap-align:start}
.cf-gallery-count{font-size:12px;color:#888;margin:-6px 0 12px}
#cf-content img{max-width:100%}
.cf-md{white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:13px;line-height:1.6;background:#f6f8fa;padding:16px;border-radius:6px}`;

/**
 * A full HTML page showing a formatted result the way the platform shows it:
 * the WeChat article column, a note card, a text post or the Markdown source.
 */
export interface PreviewOptions {
  author?: string;
  /** Where the browser can load a library asset (`asset://local/image/<id>`); without it asset images show as they are sent. */
  assetUrl?: (uri: string) => string;
}

const ASSET_SRC = /(\ssrc=")(asset:\/\/[^"]+)"/g;

/**
 * The pictures of an image-first post in the order the platform shows them:
 * the cover first, then the images (a 小红书 note is its pictures, then its text).
 */
function gallery(result: FormatResult, url: (src: string) => string): string {
  const sources = [...(result.coverSrc ? [result.coverSrc] : []), ...result.images.map((i) => i.src)];
  if (sources.length === 0) return '';
  const imgs = sources.map((src, i) => `<img src="${escapeHtml(url(src))}" alt="${i === 0 && result.coverSrc ? '封面' : `图 ${i + 1}`}"${i === 0 && result.coverSrc ? ' data-cover="true"' : ''}>`).join('');
  return `<div class="cf-gallery" data-count="${sources.length}">${imgs}</div><p class="cf-gallery-count">共 ${sources.length} 张图</p>`;
}

export function previewPage(result: FormatResult, options: PreviewOptions = {}): string {
  const url = (src: string) => (options.assetUrl && src.startsWith('asset://') ? options.assetUrl(src) : src);
  const title = result.title ? `<h1 class="cf-title">${escapeHtml(result.title)}</h1>` : '';
  let content: string;
  let pageClass = 'cf-page';
  switch (result.bodyFormat) {
    case 'html':
      // Shown with asset images the browser can load; what is published is result.body as it is.
      content = `${title}${options.author ? `<p class="cf-meta">${escapeHtml(options.author)}</p>` : ''}<div id="cf-content">${options.assetUrl ? result.body.replace(ASSET_SRC, (_m, pre: string, src: string) => `${pre}${escapeHtml(url(src))}"`) : result.body}</div>`;
      break;
    case 'markdown':
      content = `${title}<pre id="cf-content" class="cf-md">${escapeHtml(result.body)}</pre>`;
      break;
    case 'text':
      if (result.output === 'note') pageClass += ' cf-note';
      content = `${result.output === 'note' ? gallery(result, url) : ''}${title}<p id="cf-content" class="cf-text">${escapeHtml(result.body)}</p>${result.output === 'note' ? '' : gallery(result, url)}`;
      break;
  }
  const fieldTags =
    result.output !== 'wechat-html' && result.tags.length && !result.body.includes(`#${result.tags[0]}`)
      ? `<p class="cf-tags">${result.tags.map((t) => escapeHtml(t)).join(' · ')}</p>`
      : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(result.title ?? result.platformName.zh)} · ${escapeHtml(result.platformName.zh)}预览</title>
<style>${CHROME}</style></head>
<body><main class="${pageClass}" data-platform="${result.platform}">${content}${fieldTags}</main></body></html>
`;
}
