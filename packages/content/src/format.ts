import { cheerio } from './lazy-libs.ts';
import { checkLimits } from './limits/check.ts';
import { countChars, truncateTo } from './limits/count.ts';
import { parseSource } from './markdown/document.ts';
import { getProfile, type PlatformProfile } from './profiles/index.ts';
import { renderHtml } from './formatters/html-render.ts';
import { toPlainText } from './formatters/plain-text.ts';
import type { FormatInput, FormatResult, ImageRef } from './formatters/types.ts';
import { formatWechatHtml } from './wechat/format.ts';

export type { FormatInput, FormatResult, ImageRef, Footnote } from './formatters/types.ts';

function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.replace(/^#+|#+$/g, '').replace(/\[话题\]$/, '').trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/**
 * `#话题` written in a text body (`#便当`, or Weibo's `#便当#`): they are the
 * work's topics too. A `#` must start the text or follow a space or a
 * punctuation mark, so URLs (`/#anchor`) and `C#` are not topics.
 */
const BODY_TOPIC = /(?<=^|[\s，。！？、；：,.!?;:（(「【])#([^\s#，。！？、；：,.!?;:（）()「」【】]{1,20})#?/gu;

export function topicsInText(text: string): string[] {
  return [...text.matchAll(BODY_TOPIC)].map((m) => m[1]!);
}

/** The topic line for an inline-tag platform: only the topics the body does not already carry, each once. */
function tagLine(profile: PlatformProfile, tags: string[], text: string): string {
  if (!profile.tags || profile.tags.placement !== 'inline' || tags.length === 0) return '';
  const present = new Set(topicsInText(text));
  return tags
    .filter((t) => !present.has(t))
    .map((t) => profile.tags!.format.replace('{tag}', t))
    .join(' ');
}

/** A summary from the body when the platform wants one and none was given. */
function deriveSummary(profile: PlatformProfile, text: string): string | undefined {
  const rule = profile.summary;
  if (!rule || (!rule.required && rule.max === undefined)) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  return truncateTo(flat, rule.max ?? 120, profile.counting);
}

/**
 * Formats a work's Markdown for one platform and checks every limit of its
 * profile. Never throws for limit problems: they come back as `violations`.
 */
export function formatForPlatform(input: FormatInput): FormatResult {
  const profile = getProfile(input.platform);
  const source = parseSource(input.markdown);
  const title = (input.title ?? source.title)?.trim();
  let tags = normalizeTags(input.tags ?? source.tags);
  let appendedTags = '';
  let summary = input.summary ?? source.summary;
  const notices: string[] = [];
  let body: string;
  let bodyFormat: FormatResult['bodyFormat'];
  let plainText: string;
  let images: ImageRef[];
  let footnotes: FormatResult['footnotes'] = [];
  let theme: string | undefined;

  switch (profile.output) {
    case 'wechat-html': {
      theme = input.theme ?? 'default';
      const out = formatWechatHtml(source.body, profile, theme, input.customCss ?? '');
      body = out.html;
      bodyFormat = 'html';
      plainText = out.text;
      images = out.images;
      footnotes = out.footnotes;
      notices.push(...out.notices);
      break;
    }
    case 'rich-html': {
      const out = renderHtml(source.body, profile, { codeLineBreaks: false });
      const $ = cheerio().load(out.html, null, false);
      $('[class]').removeAttr('class');
      body = $.html();
      bodyFormat = 'html';
      plainText = $.root().text();
      images = out.images;
      break;
    }
    case 'markdown': {
      body = source.body.trim();
      bodyFormat = 'markdown';
      const text = toPlainText(source.body, profile);
      plainText = text.text;
      images = text.images;
      if (!summary) {
        summary = deriveSummary(profile, plainText);
        if (summary) notices.push('摘要由正文开头自动生成，建议手动润色 / The summary was taken from the opening; consider polishing it');
      }
      break;
    }
    case 'text':
    case 'note':
    case 'video': {
      const source2 = profile.output === 'video' && summary ? summary : source.body;
      const text = toPlainText(source2, profile);
      const lead = profile.output === 'text' && title ? `【${title}】\n` : '';
      plainText = `${lead}${text.text}`;
      // Topics typed into the body count as the work's topics, once.
      tags = normalizeTags([...tags, ...topicsInText(text.text)]);
      appendedTags = tagLine(profile, tags, plainText);
      body = appendedTags ? `${plainText}\n\n${appendedTags}` : plainText;
      // Inline tags count toward the body limit on these platforms.
      plainText = body;
      bodyFormat = 'text';
      images = [...(input.images ?? []).map((i) => ({ src: i.src, alt: i.alt ?? '', needsUpload: true, reason: 'local' as const })), ...text.images];
      if (profile.output === 'video') summary = undefined;
      break;
    }
  }
  const result: FormatResult = {
    platform: profile.id,
    platformName: profile.name,
    output: profile.output,
    title,
    summary,
    tags,
    body,
    bodyFormat,
    plainText,
    images,
    footnotes,
    theme,
    cover: profile.cover ? { width: profile.cover.width, height: profile.cover.height, ratio: profile.cover.ratio } : undefined,
    coverSrc: input.cover?.src,
    tagLine: appendedTags,
    violations: [],
    notices,
    stats: {
      titleChars: countChars(title ?? '', profile.counting),
      bodyChars: countChars(plainText, profile.counting),
      imageCount: images.length,
      tagCount: tags.length,
    },
  };
  result.violations = checkLimits(profile, {
    title,
    bodyText: plainText,
    summary,
    tags,
    imageCount: images.length,
    cover: input.cover ? { width: input.cover.width, height: input.cover.height } : undefined,
  });
  return result;
}
