/**
 * Text length as a platform counts it, the same rule as packages/content
 * limits/count.ts (the web cannot import the server packages): user-perceived
 * characters; `weibo` counts two half-width characters (ASCII, Latin-1) as one,
 * rounding up. The publish dialog checks limits live with it, and the server
 * checks again with its own copy before anything is sent.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export type Counting = 'chars' | 'weibo';

export function countChars(text: string, mode: Counting = 'chars'): number {
  let half = 0;
  let full = 0;
  for (const { segment } of segmenter.segment(text)) {
    const code = segment.codePointAt(0) ?? 0;
    if (mode === 'weibo' && segment.length === 1 && code <= 0xff) half += 1;
    else full += 1;
  }
  return full + Math.ceil(half / 2);
}
