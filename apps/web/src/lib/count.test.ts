import { describe, expect, it } from 'vitest';
import { countChars } from './count.ts';

describe('countChars (the publish dialog’s live limit check)', () => {
  it('counts user-perceived characters, an emoji with modifiers once', () => {
    expect(countChars('骑行👍🏽ab')).toBe(5);
  });
  it('counts two half-width characters as one on 微博, rounding up', () => {
    expect(countChars('abcd中文', 'weibo')).toBe(4);
    expect(countChars('abc', 'weibo')).toBe(2);
    expect(countChars('中文', 'weibo')).toBe(2);
  });
});
