/**
 * Chinese headlines the replica lists carry. Several stories appear on more
 * than one list in different wordings, as they do on the real sites, so
 * clustering and cross-platform heat can be tested.
 */
export const STORIES = [
  '国产大飞机C929首飞成功',
  '秋冬口红试色合集：这5支黄皮显白',
  '冬季护肤干皮保湿攻略',
  '某地暴雪导致高速封闭',
  '新款iPhone销量数据公布',
  '年轻人开始流行周末反向旅游',
  '平价粉底液测评：油皮亲妈是哪支',
  '国足世预赛最新名单出炉',
  '高铁票价调整方案公布',
  'AI写作工具使用指南',
  '双十二购物清单避雷',
  '考研报名人数创新高',
  '某明星官宣结婚',
  '央行宣布降准0.5个百分点',
  '深圳地铁新线开通首日体验',
];

/** The same stories as another site words them (for clustering). */
export const VARIANTS: Record<number, string> = {
  0: '#C929首飞成功#',
  1: '【美妆】秋冬口红试色：黄皮显白的5支',
  4: '新款iPhone销量数据出炉',
  13: '央行降准0.5个百分点 释放长期资金',
};

export function titles(count: number, offset = 0, variant = false): string[] {
  return Array.from({ length: count }, (_, i) => {
    const index = (i + offset) % STORIES.length;
    const base = variant && VARIANTS[index] ? VARIANTS[index] : STORIES[index]!;
    return i + offset >= STORIES.length ? `${base}（${Math.floor((i + offset) / STORIES.length) + 1}）` : base;
  });
}
