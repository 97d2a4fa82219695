import { CreatorFlowError } from '@creatorflow/core';
import { contentKindOfWork, type ContentKind, type WorkKindName } from '@creatorflow/platforms';
import { formatForPlatform } from './format.ts';
import { countChars, truncateTo } from './limits/count.ts';
import { getProfile, type PlatformProfile } from './profiles/index.ts';

/** How a work goes out on one platform. */
export type PublishMode =
  /** As it is, formatted for the platform. */
  | 'direct'
  /** An article on an image-note platform (小红书): the article becomes a carousel of text cards. */
  | 'carousel'
  /** An article on a short-post platform (微博): its text, condensed to the post limit. */
  | 'post'
  /** A video script on a video platform: the video file itself must be attached. */
  | 'video';

/** What the creation run (or the person, in the publish dialog) made for one platform. */
export interface VersionOverride {
  title?: string;
  body?: string;
  tags?: string[];
}

export interface PublishVersionRequest {
  platform: string;
  kind: WorkKindName;
  title: string;
  /** The work's Markdown. */
  markdown: string;
  tags: string[];
  /** The creation run's version for this platform, used when there is one. */
  fromRun?: VersionOverride;
  /** The person's edits in the publish dialog; they win over everything. */
  edited?: VersionOverride;
}

export interface PublishVersion {
  platform: string;
  mode: PublishMode;
  kind: ContentKind;
  title: string;
  body: string;
  bodyFormat: 'html' | 'text' | 'markdown';
  tags: string[];
  /** Image sources in the body (asset URIs are uploaded, others stay as they are). */
  images: string[];
  /** Where the title/body came from. */
  source: 'edited' | 'run' | 'work';
  /** The body was shortened to the platform's limit. */
  condensed: boolean;
}

const READ_ON = '\n\n👉 完整内容见图片，左滑阅读';

/** A title that fits: the given one, else its first clause, else cut with an ellipsis. */
export function fitTitle(title: string, profile: PlatformProfile): string {
  const max = profile.title?.max;
  if (!max || countChars(title, profile.counting) <= max) return title;
  const clause = title.split(/[，,：:｜|—\-！!？?]/u)[0]!.trim();
  if (clause && countChars(clause, profile.counting) <= max && countChars(clause, profile.counting) >= Math.min(6, max)) return clause;
  return truncateTo(title, max, profile.counting);
}

/** The body cut at paragraph ends to fit `max` with the tag line, ending with where to read on. */
export function condenseText(text: string, max: number, tagLine: string, suffix: string, counting: 'chars' | 'weibo'): { text: string; condensed: boolean } {
  const whole = tagLine ? `${text}\n\n${tagLine}` : text;
  if (countChars(whole, counting) <= max) return { text: whole, condensed: false };
  const budget = max - countChars(suffix, counting) - (tagLine ? countChars(`\n\n${tagLine}`, counting) : 0);
  let out = '';
  for (const paragraph of text.split(/\n{2,}/)) {
    const next = out ? `${out}\n\n${paragraph}` : paragraph;
    if (countChars(next, counting) > budget) {
      if (!out) out = truncateTo(paragraph, budget, counting);
      break;
    }
    out = next;
  }
  return { text: `${out}${suffix}${tagLine ? `\n\n${tagLine}` : ''}`, condensed: true };
}

function modeFor(profile: PlatformProfile, kind: ContentKind, workKind: WorkKindName): { mode: PublishMode; kind: ContentKind } {
  if (kind === 'video') {
    if (profile.kinds.includes('video')) return { mode: 'video', kind };
  } else if (profile.kinds.includes(kind)) {
    return { mode: 'direct', kind };
  } else if (kind === 'article' && profile.kinds.includes('image_note') && profile.output === 'note') {
    return { mode: 'carousel', kind: 'image_note' };
  } else if ((kind === 'article' || kind === 'image_note') && profile.kinds.includes('short_post')) {
    return { mode: 'post', kind: 'short_post' };
  }
  const names: Record<ContentKind, string> = { article: '文章', image_note: '图文笔记', video: '视频', short_post: '短动态' };
  const accepts = profile.kinds.map((k) => names[k]).join('、');
  throw new CreatorFlowError(
    'PUBLISH_CONTENT_INVALID',
    `${profile.name.zh}只接受${accepts}，不能发布${workKind === 'video_script' ? '视频脚本' : names[kind]} (${profile.name.en} accepts ${profile.kinds.join(', ')}, not ${kind}).`,
    { status: 400, details: { platform: profile.id, kind, accepts: profile.kinds } },
  );
}

/**
 * The version of a work one platform gets: the person's edits first, then the
 * creation run's version, then the work formatted for the platform. An
 * article sent to 小红书 becomes a carousel note (title ≤ 20, body condensed to
 * the note limit, the article itself on the cards); a video script sent to a
 * video platform keeps its text as the description and needs the video file.
 */
export function publishVersion(req: PublishVersionRequest): PublishVersion {
  const profile = getProfile(req.platform);
  const { mode, kind } = modeFor(profile, contentKindOfWork(req.kind), req.kind);
  const formatted = formatForPlatform({ markdown: req.markdown, platform: profile.id, title: req.title, tags: req.tags });
  // Field by field: an edited title keeps the run's body.
  const edited = Object.fromEntries(Object.entries(req.edited ?? {}).filter(([, v]) => v !== undefined)) as VersionOverride;
  const picked: VersionOverride | undefined = req.edited || req.fromRun ? { ...req.fromRun, ...edited } : undefined;
  // A run version whose texts were all dropped (the person edited the work since) is not the run's any more.
  const runHasText = req.fromRun !== undefined && [req.fromRun.title, req.fromRun.body, req.fromRun.tags].some((v) => v !== undefined);
  const source: PublishVersion['source'] = req.edited ? 'edited' : runHasText ? 'run' : 'work';
  // What the person typed is never cut silently: an over-long edit is refused by the publish check instead.
  const chosenTitle = (picked?.title ?? formatted.title ?? req.title).trim();
  const title = edited.title !== undefined ? chosenTitle : fitTitle(chosenTitle, profile);
  const tags = picked?.tags ?? formatted.tags;
  let body = picked?.body ?? formatted.body;
  let condensed = false;
  if ((mode === 'carousel' || mode === 'post') && formatted.bodyFormat === 'text' && profile.body.max && edited.body === undefined) {
    // The run's / formatter's body already carries the tag line; condense the text before it and put it back.
    // A run's body carries its own topics as it wrote them; the formatter's ends with the work's tag line.
    const tagLine = !picked ? formatted.tagLine : '';
    const text = tagLine && body.endsWith(tagLine) ? body.slice(0, -tagLine.length).trimEnd() : body;
    const out = condenseText(text, profile.body.max, tagLine, mode === 'carousel' ? READ_ON : '…', profile.counting);
    body = out.text;
    condensed = out.condensed;
  }
  return {
    platform: profile.id,
    mode,
    kind,
    title,
    body,
    bodyFormat: picked?.body !== undefined && formatted.bodyFormat === 'html' && !/<[a-z][^>]*>/i.test(picked.body) ? 'text' : formatted.bodyFormat,
    tags,
    images: formatted.images.map((i) => i.src),
    source,
    condensed,
  };
}
