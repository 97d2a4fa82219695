import { queryTerms } from '@creatorflow/library/search/segmenter';

/**
 * Titles as the lists print them differ in decoration only: 微博 wraps
 * hashtags in #…#, news sites prefix 【快讯】 or 独家｜, some add emoji or full-width
 * punctuation. The normal form drops all of that, so the same headline on two
 * lists compares equal.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/【[^】]{0,8}】/g, '')
    .replace(/^[^｜|:：]{1,6}[｜|]/, '')
    .replace(/[#＃]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const NOISE = new Set(['回应', '官方', '最新', '曝光', '网友', '热议', '视频', '现场', '今天', '今日', '发布', '正式', '宣布', '消息', '万', '亿', '年', '月', '日']);

/**
 * Keywords of a title by jieba (the library's segmenter with the creator
 * dictionary): precise-mode words of two or more characters (or ASCII words),
 * minus stop words and words every headline has (回应, 官方…).
 */
export function titleKeywords(title: string): string[] {
  return queryTerms(title.normalize('NFKC'))
    .filter((t) => (/^[ -~]+$/.test(t) ? t.length >= 2 : [...t].length >= 2))
    .filter((t) => !NOISE.has(t) && !/^\d+$/.test(t))
    .slice(0, 12);
}
