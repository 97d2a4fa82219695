import { describe, expect, it } from 'vitest';
import { matchNiche, nicheFromText, parseNiche } from './niche.ts';

describe('niche rules (TrendRadar frequency-word syntax)', () => {
  const rules = parseNiche(`
# 美妆
[美妆护肤]
口红
/粉底(液|霜)/ => 粉底
防晒 => 防晒霜
!广告
@2

[数码]
iPhone
+销量

[GLOBAL_FILTER]
谣言
`);

  it('parses groups, names, aliases, regex, must, exclude and max', () => {
    expect(rules.groups.map((g) => g.name)).toEqual(['美妆护肤', '数码']);
    const beauty = rules.groups[0]!;
    expect(beauty.any.map((w) => w.text)).toEqual(['口红', '粉底(液|霜)', '防晒']);
    expect(beauty.any[1]!.regex).toBeInstanceOf(RegExp);
    expect(beauty.exclude.map((w) => w.text)).toEqual(['广告']);
    expect(beauty.max).toBe(2);
    expect(rules.groups[1]!.must.map((w) => w.text)).toEqual(['销量']);
    expect(rules.globalFilters.map((w) => w.text)).toEqual(['谣言']);
  });

  it('matches any-words, regex with alias, and reports the words', () => {
    expect(matchNiche(rules, '秋冬口红试色合集')).toEqual({ group: '美妆护肤', words: ['口红'] });
    expect(matchNiche(rules, '平价粉底液测评')).toEqual({ group: '美妆护肤', words: ['粉底'] });
    expect(matchNiche(rules, '夏天防晒指南')?.words).toEqual(['防晒霜']);
  });

  it('needs every must-word and drops excluded and globally filtered titles', () => {
    expect(matchNiche(rules, '新款iPhone发布')).toBeUndefined();
    expect(matchNiche(rules, '新款iPhone销量公布')).toEqual({ group: '数码', words: ['iPhone', '销量'] });
    expect(matchNiche(rules, '口红广告翻车')).toBeUndefined();
    expect(matchNiche(rules, '口红致癌是谣言')).toBeUndefined();
  });

  it('an exclude word applies to its own group only (TrendRadar pools them)', () => {
    const two = parseNiche('口红\n!广告\n\n广告\n+投放');
    expect(matchNiche(two, '广告投放新规')).toEqual({ group: '广告 / 投放', words: ['广告', '投放'] });
  });

  it('matches case-insensitively after NFKC (full-width letters)', () => {
    expect(matchNiche(rules, '新款ＩＰＨＯＮＥ销量')?.group).toBe('数码');
  });

  it('reports every broken line with its number', () => {
    expect(() => parseNiche('口红\n/[未闭合/\n@abc')).toThrow(/line 2: invalid regular expression.*line 3/s);
    expect(() => parseNiche('!只有排除')).toThrow(/at least one plain or \+ word/);
  });

  it('plain keywords become one any-group', () => {
    const simple = nicheFromText('美妆 护肤，口红');
    expect(simple.groups).toHaveLength(1);
    expect(matchNiche(simple, '冬季护肤攻略')?.words).toEqual(['护肤']);
    expect(() => nicheFromText('   ')).toThrow(/at least one keyword/);
  });
});
