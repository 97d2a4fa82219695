import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.tsx';
import { weekName } from './week.ts';

describe('weekName', () => {
  it('says an ISO week as people do, in each language', () => {
    expect(weekName('2026-W49', translator('zh-CN'))).toBe('2026 年第 49 周');
    expect(weekName('2027-W01', translator('en'))).toBe('week 1 of 2027');
  });
  it('keeps anything that is not an ISO week as given', () => expect(weekName('下周', translator('zh-CN'))).toBe('下周'));
});
