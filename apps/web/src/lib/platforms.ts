/** Platform ids as the server uses them (packages/content profiles), with display names. */
export const PLATFORMS: Array<{ id: string; zh: string; en: string }> = [
  { id: 'wechat', zh: '微信公众号', en: 'WeChat OA' },
  { id: 'wechat_mp', zh: '微信公众号', en: 'WeChat OA' },
  { id: 'xiaohongshu', zh: '小红书', en: 'Xiaohongshu' },
  { id: 'zhihu', zh: '知乎', en: 'Zhihu' },
  { id: 'weibo', zh: '微博', en: 'Weibo' },
  { id: 'douyin', zh: '抖音', en: 'Douyin' },
  { id: 'bilibili', zh: '哔哩哔哩', en: 'Bilibili' },
  { id: 'toutiao', zh: '今日头条', en: 'Toutiao' },
  { id: 'juejin', zh: '掘金', en: 'Juejin' },
  { id: 'csdn', zh: 'CSDN', en: 'CSDN' },
  { id: 'shipinhao', zh: '视频号', en: 'Channels' },
];

export function platformName(id: string, locale: string): string {
  const found = PLATFORMS.find((p) => p.id === id);
  if (!found) return id;
  return locale === 'zh-CN' ? found.zh : found.en;
}
