import { describe, expect, it } from 'vitest';
import { formatForPlatform } from '../format.ts';
import { loadProfiles } from '../profiles/index.ts';
import { checkLimits, type CheckSubject } from './check.ts';
import { countChars } from './count.ts';

const profiles = [...loadProfiles().values()];

function fitting(profileId: string): CheckSubject {
  const p = loadProfiles().get(profileId)!;
  const len = (r?: { min?: number; max?: number; ideal?: { max?: number } }) =>
    Math.max(r?.min ?? 1, Math.min(r?.ideal?.max ?? r?.max ?? 20, r?.max ?? 20));
  return {
    title: p.title ? '标'.repeat(len(p.title)) : undefined,
    bodyText: '文'.repeat(len(p.body)),
    summary: p.summary ? '摘'.repeat(len(p.summary)) : undefined,
    tags: Array.from({ length: p.tags?.min || 1 }, (_, i) => `标签${i}`).slice(0, p.tags?.max ?? 1),
    imageCount: p.images?.min ?? 0,
    cover: p.cover ? { width: p.cover.width, height: p.cover.height } : undefined,
  };
}

/** Declares the test only for profiles that have the rule: a rule a platform lacks is nothing to skip. */
const itIf = (applies: unknown): ((name: string, fn: () => void) => void) => (applies ? it : () => undefined);

describe.each(profiles.map((p) => [p.id, p] as const))('limits of %s', (id, profile) => {
  it('accepts content inside every limit', () => {
    expect(checkLimits(profile, fitting(id)).filter((v) => v.severity === 'error')).toEqual([]);
  });

  itIf(profile.title?.max)('reports a title over the limit with a zh-CN and English fix', () => {
    const [v] = checkLimits(profile, { ...fitting(id), title: '长'.repeat(profile.title!.max! + 3) });
    expect(v).toMatchObject({ code: 'TITLE_TOO_LONG', field: 'title', limit: profile.title!.max, actual: profile.title!.max! + 3, fix: 'fit' });
    expect(v!.suggestion.zh).toContain('删减 3 字');
    expect(v!.suggestion.en).toContain('Cut at least 3 characters');
  });

  itIf(profile.title?.min)('reports a title under the minimum', () => {
    const v = checkLimits(profile, { ...fitting(id), title: '短'.repeat(profile.title!.min! - 1) });
    expect(v.map((x) => x.code)).toContain('TITLE_TOO_SHORT');
  });

  itIf(profile.title?.required)('requires a title', () => {
    expect(checkLimits(profile, { ...fitting(id), title: '' }).map((x) => x.code)).toContain('TITLE_REQUIRED');
  });

  itIf(profile.body.max)('reports a body over the limit', () => {
    const v = checkLimits(profile, { ...fitting(id), bodyText: '字'.repeat(profile.body.max! + 1) });
    expect(v[0]).toMatchObject({ code: 'BODY_TOO_LONG', limit: profile.body.max, actual: profile.body.max! + 1 });
  });

  itIf(profile.summary?.max)('reports a summary over the limit', () => {
    const v = checkLimits(profile, { ...fitting(id), summary: '摘'.repeat(profile.summary!.max! + 1) });
    expect(v.map((x) => x.code)).toContain('SUMMARY_TOO_LONG');
  });

  itIf(profile.tags)('reports too many tags and over-long tags', () => {
    const tags = Array.from({ length: profile.tags!.max + 1 }, (_, i) => `话题${i}`);
    expect(checkLimits(profile, { ...fitting(id), tags }).map((x) => x.code)).toContain('TAGS_TOO_MANY');
    if (profile.tags!.maxChars) {
      const long = checkLimits(profile, { ...fitting(id), tags: ['很'.repeat(profile.tags!.maxChars + 1)] });
      expect(long.map((x) => x.code)).toContain('TAG_TOO_LONG');
    }
    if (profile.tags!.min > 0) expect(checkLimits(profile, { ...fitting(id), tags: [] }).map((x) => x.code)).toContain('TAGS_TOO_FEW');
  });

  itIf(profile.images?.max)('reports too many images', () => {
    const v = checkLimits(profile, { ...fitting(id), imageCount: profile.images!.max! + 1 });
    expect(v.map((x) => x.code)).toContain('IMAGES_TOO_MANY');
  });

  itIf(profile.images?.min)('reports too few images', () => {
    expect(checkLimits(profile, { ...fitting(id), imageCount: 0, cover: undefined }).map((x) => x.code)).toContain('IMAGES_TOO_FEW');
  });

  itIf(profile.cover)('reports a cover with the wrong aspect ratio', () => {
    const v = checkLimits(profile, { ...fitting(id), cover: { width: 1000, height: 1000 * 1.7 } });
    expect(v.find((x) => x.code === 'COVER_RATIO')?.suggestion.zh).toContain(`${profile.cover!.width}×${profile.cover!.height}`);
  });
});

describe('covers that are a post\'s first image', () => {
  const xhs = loadProfiles().get('xiaohongshu')!;
  const cover = { width: 1080, height: 1440 };

  it('counts a Xiaohongshu cover as the note\'s first image, toward both image limits', () => {
    const codes = (imageCount: number, withCover: boolean) => checkLimits(xhs, { ...fitting('xiaohongshu'), imageCount, cover: withCover ? cover : undefined }).map((x) => x.code);
    expect(codes(0, true)).not.toContain('IMAGES_TOO_FEW');
    expect(codes(0, false)).toContain('IMAGES_TOO_FEW');
    expect(codes(17, true)).not.toContain('IMAGES_TOO_MANY');
    expect(codes(18, true)).toContain('IMAGES_TOO_MANY');
  });

  it('does not count a WeChat cover, which is sent apart from the article', () => {
    const wechat = loadProfiles().get('wechat_mp')!;
    const atMax = { ...fitting('wechat_mp'), imageCount: wechat.images!.max!, cover: { width: 900, height: 383 } };
    expect(checkLimits(wechat, atMax).map((x) => x.code)).not.toContain('IMAGES_TOO_MANY');
  });
});

describe('platform counting', () => {
  it('counts an emoji with modifiers as one character', () => {
    expect(countChars('👍🏻好')).toBe(2);
  });

  it('counts two half-width characters as one on Weibo', () => {
    expect(countChars('abcd中文', 'weibo')).toBe(4);
    expect(countChars('abc', 'weibo')).toBe(2);
  });

  it('flags platform-throttled words as warnings', () => {
    const r = formatForPlatform({ markdown: '这是全网最好的面膜，加微信领取', platform: 'xiaohongshu', title: '好物分享' });
    const words = r.violations.filter((v) => v.code === 'SENSITIVE_WORD');
    expect(words.map((w) => w.severity)).toEqual(['warning', 'warning']);
    expect(words[0]!.suggestion.zh).toContain('最好');
  });
});
