import type { PlatformProfile } from '../profiles/index.ts';
import { countChars } from './count.ts';

export type Field = 'title' | 'body' | 'summary' | 'tags' | 'images' | 'cover';

/** One broken or risky rule, with what to change, in zh-CN and English. */
export interface Violation {
  code: string;
  severity: 'error' | 'warning';
  field: Field;
  limit?: number;
  actual?: number;
  message: { zh: string; en: string };
  suggestion: { zh: string; en: string };
  /** `fit`: the LLM "fit to platform" rewrite can fix this. */
  fix?: 'fit';
}

/** What a formatter produced, in the units the platform counts. */
export interface CheckSubject {
  title?: string;
  /** The visible text of the body (no markup, no tags). */
  bodyText: string;
  summary?: string;
  tags: string[];
  imageCount: number;
  cover?: { width: number; height: number };
}

const FIELD_ZH: Record<Field, string> = { title: '标题', body: '正文', summary: '摘要', tags: '话题标签', images: '图片', cover: '封面' };

function lengthRules(
  out: Violation[],
  field: 'title' | 'body' | 'summary',
  value: string | undefined,
  rule: { min?: number; max?: number; required?: boolean; ideal?: { min?: number; max?: number } } | undefined,
  mode: 'chars' | 'weibo',
): void {
  if (!rule) return;
  const zh = FIELD_ZH[field];
  const text = (value ?? '').trim();
  const actual = countChars(text, mode);
  const FIELD = field.toUpperCase();
  if (!text) {
    if (rule.required) {
      out.push({
        code: `${FIELD}_REQUIRED`, severity: 'error', field, limit: rule.min ?? 1, actual: 0,
        message: { zh: `缺少${zh}`, en: `The ${field} is required` },
        suggestion: { zh: `请填写${zh}${rule.max ? `（不超过 ${rule.max} 字）` : ''}`, en: `Add a ${field}${rule.max ? ` of at most ${rule.max} characters` : ''}` },
      });
    }
    return;
  }
  if (rule.max !== undefined && actual > rule.max) {
    out.push({
      code: `${FIELD}_TOO_LONG`, severity: 'error', field, limit: rule.max, actual,
      message: { zh: `${zh}共 ${actual} 字，超出上限 ${rule.max} 字`, en: `The ${field} has ${actual} characters; the limit is ${rule.max}` },
      suggestion: {
        zh: `删减 ${actual - rule.max} 字以上，或使用「适配平台」让 AI 改写`,
        en: `Cut at least ${actual - rule.max} characters, or use "fit to platform" to let AI rewrite it`,
      },
      fix: 'fit',
    });
  } else if (rule.min !== undefined && actual < rule.min) {
    out.push({
      code: `${FIELD}_TOO_SHORT`, severity: 'error', field, limit: rule.min, actual,
      message: { zh: `${zh}只有 ${actual} 字，至少需要 ${rule.min} 字`, en: `The ${field} has ${actual} characters; at least ${rule.min} are needed` },
      suggestion: { zh: `补充 ${rule.min - actual} 字以上`, en: `Add at least ${rule.min - actual} characters` },
    });
  } else if (rule.ideal?.max !== undefined && actual > rule.ideal.max) {
    out.push({
      code: `${FIELD}_OVER_IDEAL`, severity: 'warning', field, limit: rule.ideal.max, actual,
      message: { zh: `${zh}共 ${actual} 字，长于推荐的 ${rule.ideal.max} 字`, en: `The ${field} has ${actual} characters, more than the recommended ${rule.ideal.max}` },
      suggestion: {
        zh: `把最重要的信息放在前 ${rule.ideal.max} 字内`,
        en: `Put the key point within the first ${rule.ideal.max} characters`,
      },
      fix: 'fit',
    });
  }
}

/** Every limit of the profile the subject breaks, errors first. */
export function checkLimits(profile: PlatformProfile, subject: CheckSubject): Violation[] {
  const out: Violation[] = [];
  const mode = profile.counting;
  lengthRules(out, 'title', subject.title, profile.title, mode);
  lengthRules(out, 'body', subject.bodyText, profile.body, mode);
  lengthRules(out, 'summary', subject.summary, profile.summary, mode);

  const tags = profile.tags;
  if (tags) {
    const n = subject.tags.length;
    if (n > tags.max) {
      out.push({
        code: 'TAGS_TOO_MANY', severity: 'error', field: 'tags', limit: tags.max, actual: n,
        message: { zh: `话题标签有 ${n} 个，最多 ${tags.max} 个`, en: `${n} tags; at most ${tags.max} are allowed` },
        suggestion: { zh: `删掉 ${n - tags.max} 个相关度最低的标签`, en: `Remove the ${n - tags.max} least relevant tags` },
      });
    } else if (n < tags.min) {
      out.push({
        code: 'TAGS_TOO_FEW', severity: 'error', field: 'tags', limit: tags.min, actual: n,
        message: { zh: `至少需要 ${tags.min} 个话题标签`, en: `At least ${tags.min} tags are needed` },
        suggestion: { zh: '添加与内容相关的话题标签', en: 'Add tags that describe the content' },
      });
    }
    for (const tag of subject.tags) {
      const len = countChars(tag);
      if (tags.maxChars !== undefined && len > tags.maxChars) {
        out.push({
          code: 'TAG_TOO_LONG', severity: 'error', field: 'tags', limit: tags.maxChars, actual: len,
          message: { zh: `标签「${tag}」有 ${len} 字，上限 ${tags.maxChars} 字`, en: `Tag "${tag}" has ${len} characters; the limit is ${tags.maxChars}` },
          suggestion: { zh: '换一个更短的标签', en: 'Use a shorter tag' },
        });
      }
    }
  }

  const images = profile.images;
  if (images) {
    const n = subject.imageCount + (profile.cover?.firstImage && subject.cover ? 1 : 0);
    if (images.max !== undefined && n > images.max) {
      out.push({
        code: 'IMAGES_TOO_MANY', severity: 'error', field: 'images', limit: images.max, actual: n,
        message: { zh: `图片有 ${n} 张，最多 ${images.max} 张`, en: `${n} images; at most ${images.max} are allowed` },
        suggestion: { zh: `删掉 ${n - images.max} 张或拼图合并`, en: `Remove ${n - images.max} images or combine them into collages` },
      });
    } else if (images.min !== undefined && n < images.min) {
      out.push({
        code: 'IMAGES_TOO_FEW', severity: 'error', field: 'images', limit: images.min, actual: n,
        message: { zh: `至少需要 ${images.min} 张图片`, en: `At least ${images.min} image(s) are needed` },
        suggestion: { zh: '添加配图，或用「生成封面」做一张文字封面', en: 'Add an image, or render a text cover with "render cover"' },
      });
    }
  }

  const cover = profile.cover;
  if (cover) {
    if (!subject.cover && cover.required) {
      out.push({
        code: 'COVER_MISSING', severity: 'warning', field: 'cover',
        message: { zh: `需要 ${cover.ratio} 封面（${cover.width}×${cover.height}）`, en: `A ${cover.ratio} cover (${cover.width}×${cover.height}) is needed` },
        suggestion: { zh: '用「生成封面」按平台尺寸生成', en: 'Use "render cover" to make one at this size' },
      });
    } else if (subject.cover) {
      const want = cover.width / cover.height;
      const got = subject.cover.width / subject.cover.height;
      if (Math.abs(got - want) / want > 0.02) {
        out.push({
          code: 'COVER_RATIO', severity: 'error', field: 'cover',
          message: {
            zh: `封面比例应为 ${cover.ratio}，当前为 ${subject.cover.width}×${subject.cover.height}`,
            en: `The cover should be ${cover.ratio}; it is ${subject.cover.width}×${subject.cover.height}`,
          },
          suggestion: { zh: `裁剪或重新生成为 ${cover.width}×${cover.height}`, en: `Crop or re-render it at ${cover.width}×${cover.height}` },
        });
      }
    }
  }

  const haystack = `${subject.title ?? ''}\n${subject.bodyText}`.toLowerCase();
  for (const word of profile.sensitiveWords) {
    if (haystack.includes(word.toLowerCase())) {
      out.push({
        code: 'SENSITIVE_WORD', severity: 'warning', field: 'body',
        message: { zh: `含有平台敏感词「${word}」，可能被限流`, en: `Contains "${word}", which the platform may throttle` },
        suggestion: { zh: `删除或换一种说法替代「${word}」`, en: `Remove or rephrase "${word}"` },
      });
    }
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
