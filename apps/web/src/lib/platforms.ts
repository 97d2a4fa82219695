/**
 * Platform ids as the server's platform catalogue names them (packages/platforms), with display names.
 * The web app talks to the server over HTTP only, so the names are repeated here; `GET /api/publish/platforms`
 * is the source for limits.
 */
export const PLATFORMS: Array<{ id: string; zh: string; en: string }> = [
  { id: 'wechat_mp', zh: '微信公众号', en: 'WeChat OA' },
  { id: 'xiaohongshu', zh: '小红书', en: 'Xiaohongshu' },
  { id: 'zhihu', zh: '知乎', en: 'Zhihu' },
  { id: 'weibo', zh: '微博', en: 'Weibo' },
  { id: 'douyin', zh: '抖音', en: 'Douyin' },
  { id: 'kuaishou', zh: '快手', en: 'Kuaishou' },
  { id: 'wechat_channels', zh: '视频号', en: 'Channels' },
  { id: 'bilibili', zh: '哔哩哔哩', en: 'Bilibili' },
  { id: 'toutiao', zh: '今日头条', en: 'Toutiao' },
  { id: 'juejin', zh: '掘金', en: 'Juejin' },
  { id: 'csdn', zh: 'CSDN', en: 'CSDN' },
];

/** Older names still found on saved works and runs (catalogue aliases). */
const ALIASES: Record<string, string> = { wechat: 'wechat_mp', shipinhao: 'wechat_channels', xhs: 'xiaohongshu', ks: 'kuaishou' };

export function canonicalPlatform(id: string): string {
  return ALIASES[id] ?? id;
}

export function platformName(id: string, locale: string): string {
  const found = PLATFORMS.find((p) => p.id === canonicalPlatform(id));
  if (!found) return id;
  return locale === 'zh-CN' ? found.zh : found.en;
}

/** Platforms a graph can write a version for (the content module's profiles), in the order creators use them. */
export const WRITING_PLATFORMS = ['wechat_mp', 'xiaohongshu', 'zhihu', 'weibo', 'douyin', 'bilibili'];
