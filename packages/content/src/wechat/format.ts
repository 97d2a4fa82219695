import { cheerio, juice } from '../lazy-libs.ts';
import type { PlatformProfile } from '../profiles/index.ts';
import { renderHtml } from '../formatters/html-render.ts';
import type { Footnote, ImageRef } from '../formatters/types.ts';
import { resolveCssVariables, stripUnsupportedAtRules } from './css.ts';
import { markFigures, markLists, referencesHtml, stripForWechat } from './structure.ts';
import { themeCss } from './themes.ts';

export interface WechatHtml {
  html: string;
  text: string;
  footnotes: Footnote[];
  images: ImageRef[];
  notices: string[];
}

/**
 * Markdown → the HTML fragment to paste into the WeChat editor: themed, every
 * style inline, no classes/ids/<style>, code lines kept with <br>, external
 * links as numbered footnotes.
 */
export function formatWechatHtml(markdown: string, profile: PlatformProfile, theme = 'default', customCss = ''): WechatHtml {
  const notices: string[] = [];
  const rendered = renderHtml(markdown, profile, { codeLineBreaks: true, codeLabel: true });
  const $ = cheerio().load(`<section class="cf-article">${rendered.html}${referencesHtml(rendered.footnotes)}</section>`, null, false);
  markLists($);
  markFigures($);

  const custom = stripUnsupportedAtRules(customCss);
  if (custom.removed.length) {
    notices.push(`已移除微信不支持的 CSS 规则：${[...new Set(custom.removed)].join(', ')} / Removed CSS at-rules WeChat cannot keep`);
  }
  const css = resolveCssVariables(`${themeCss(theme)}\n${custom.css}`);
  const inlined = juice().inlineContent($.html(), css, {
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    preserveImportant: false,
    preserveMediaQueries: false,
    preserveFontFaces: false,
    preserveKeyFrames: false,
    preservePseudos: false,
    removeStyleTags: true,
    insertPreservedExtraCss: false,
    resolveCSSVariables: false,
  });
  const out = cheerio().load(inlined, null, false);
  stripForWechat(out);
  const root = out.root().children().first();
  if (rendered.images.some((i) => i.needsUpload)) {
    notices.push(
      `${rendered.images.filter((i) => i.needsUpload).length} 张图片不在微信素材库，发布前需上传 / images must be uploaded to WeChat before publishing`,
    );
  }
  return { html: out.html(), text: root.text(), footnotes: rendered.footnotes, images: rendered.images, notices };
}
