import { SourceError, absoluteUrl, at, embeddedJson, getJson, getText, listAt, parseHot, str, unwrapJsonp, loadHtml as load } from '../http.ts';
import type { TrendSource } from '../types.ts';
import { clean, DAILYHOT, defineSource, NEWSNOW } from './define.ts';

export const thepaper = defineSource({
  id: 'thepaper', name: '澎湃热榜', nameEn: 'The Paper hot news', list: '热榜', platform: 'thepaper', category: 'news',
  home: 'https://www.thepaper.cn', tier: 30, shape: 'json', anchors: [NEWSNOW('thepaper'), DAILYHOT('thepaper')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://cache.thepaper.cn/contentapi/wwwIndex/rightSidebar');
    return clean(listAt(body, 'cache.thepaper.cn', 'data', 'hotNews').map((v) => {
      const id = str(at(v, 'contId'));
      return { key: id, title: str(at(v, 'name')), url: `https://www.thepaper.cn/newsDetail_forward_${id}`, hot: parseHot(at(v, 'praiseTimes')) };
    }));
  },
});

export const qqNews = defineSource({
  id: 'qq-news', name: '腾讯新闻热点榜', nameEn: 'Tencent News hot', list: '热点榜', platform: 'qq-news', category: 'news',
  home: 'https://news.qq.com', tier: 10, shape: 'json', anchors: [DAILYHOT('qq-news'), NEWSNOW('tencent')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://r.inews.qq.com/gw/event/hot_ranking_list?page_size=50');
    // The first entry of newslist is the list's own header card, not a story.
    return clean(listAt(body, 'r.inews.qq.com', 'idlist', 0, 'newslist').slice(1).map((v) => {
      const id = str(at(v, 'id'));
      return { key: id, title: str(at(v, 'title')), url: `https://new.qq.com/rain/a/${id}`, hot: parseHot(at(v, 'hotEvent', 'hotScore')), summary: str(at(v, 'abstract')) };
    }));
  },
});

export const netease = defineSource({
  id: 'netease-news', name: '网易新闻热点', nameEn: 'NetEase News hot', list: '热点榜', platform: 'netease', category: 'news',
  home: 'https://m.163.com/hot', tier: 10, shape: 'json', anchors: [DAILYHOT('netease-news')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://m.163.com/fe/api/hot/news/flow');
    return clean(listAt(body, 'm.163.com', 'data', 'list').map((v) => {
      const id = str(at(v, 'docid'));
      return { key: id, title: str(at(v, 'title')), url: `https://www.163.com/dy/article/${id}.html`, hot: null };
    }));
  },
});

export const sina = defineSource({
  id: 'sina', name: '新浪热榜', nameEn: 'Sina hot list', list: '新浪热榜', platform: 'sina', category: 'news',
  home: 'https://sinanews.sina.cn', tier: 10, shape: 'json', anchors: [DAILYHOT('sina')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://newsapp.sina.cn/api/hotlist?newsId=HB-1-snhs%2Ftop_news_list-all');
    return clean(listAt(body, 'newsapp.sina.cn', 'data', 'hotList').map((v) => ({
      key: str(at(v, 'base', 'base', 'uniqueId')) || str(at(v, 'info', 'title')), title: str(at(v, 'info', 'title')), url: str(at(v, 'base', 'base', 'url')), hot: parseHot(at(v, 'info', 'hotValue')),
    })));
  },
});

/** 新浪新闻排行 answers a script assignment (`var data = {...};`), JSONP-style. */
export const sinaNews = defineSource({
  id: 'sina-news', name: '新浪新闻排行', nameEn: 'Sina News ranking', list: '总排行', platform: 'sina', category: 'news',
  home: 'https://news.sina.com.cn/hotnews/', tier: 30, shape: 'jsonp', anchors: [DAILYHOT('sina-news')],
  async fetch(ctx) {
    const day = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const text = await getText(ctx, `https://top.news.sina.com.cn/ws/GetTopDataList.php?top_type=day&top_cat=www_www_all_suda_suda&top_time=${day}&top_show_num=50`);
    const body = unwrapJsonp(text, 'top.news.sina.com.cn');
    return clean(listAt(body, 'top.news.sina.com.cn', 'data').map((v) => ({ key: str(at(v, 'id')) || str(at(v, 'url')), title: str(at(v, 'title')), url: str(at(v, 'url')), hot: parseHot(at(v, 'top_num')) })));
  },
});

export const ifeng = defineSource({
  id: 'ifeng', name: '凤凰网热点', nameEn: 'iFeng hot news', list: '热点资讯', platform: 'ifeng', category: 'news',
  home: 'https://www.ifeng.com', tier: 10, shape: 'html', anchors: ['ourongxing/newsnow server/sources/ifeng.ts (fork chenpeng9/newsnow)', 'ourongxing/newsnow shared/pre-sources.ts'],
  async fetch(ctx) {
    const html = await getText(ctx, 'https://www.ifeng.com/');
    const data = embeddedJson(html, /var\s+allData\s*=\s*(\{[\s\S]*?\});\s*(?:var|<\/script>)/, 'www.ifeng.com');
    return clean(listAt(data, 'www.ifeng.com', 'hotNews1').map((v) => ({ key: str(at(v, 'url')), title: str(at(v, 'title')), url: str(at(v, 'url')), hot: null })));
  },
});

export const zhihuDaily = defineSource({
  id: 'zhihu-daily', name: '知乎日报', nameEn: 'Zhihu Daily', list: '推荐', platform: 'zhihu', category: 'reading',
  home: 'https://daily.zhihu.com', tier: 60, shape: 'json', anchors: [DAILYHOT('zhihu-daily')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://daily.zhihu.com/api/4/news/latest', { headers: { Referer: 'https://daily.zhihu.com/api/4/news/latest' } });
    return clean(listAt(body, 'daily.zhihu.com', 'stories').filter((v) => at(v, 'type') === 0).map((v) => ({ key: str(at(v, 'id')), title: str(at(v, 'title')), url: str(at(v, 'url')), hot: null, summary: str(at(v, 'hint')) })));
  },
});

export const ithome = defineSource({
  id: 'ithome', name: 'IT之家热榜', nameEn: 'IT Home hot', list: '热榜', platform: 'ithome', category: 'tech',
  home: 'https://m.ithome.com/rankm/', tier: 10, shape: 'html', anchors: [DAILYHOT('ithome'), NEWSNOW('ithome')],
  async fetch(ctx) {
    const $ = load(await getText(ctx, 'https://m.ithome.com/rankm/'));
    const rows = $('.rank-box .placeholder').toArray();
    if (rows.length === 0) throw new SourceError('TREND_SOURCE_SHAPE', 'm.ithome.com: no .rank-box entries — the page changed');
    return clean(rows.map((row) => {
      const href = $(row).find('a').attr('href') ?? '';
      const id = /(?:html|live)\/(\d+)\.htm/.exec(href)?.[1];
      const url = id ? `https://www.ithome.com/0/${id.slice(0, 3)}/${id.slice(3)}.htm` : absoluteUrl(href, 'https://m.ithome.com/');
      return { key: id ?? href, title: $(row).find('.plc-title').text(), url, hot: parseHot($(row).find('.review-num').text()) };
    }));
  },
});

export const huxiu = defineSource({
  id: 'huxiu', name: '虎嗅 24 小时', nameEn: 'Huxiu 24h', list: '24小时', platform: 'huxiu', category: 'tech',
  home: 'https://www.huxiu.com/moment/', tier: 30, shape: 'html', anchors: [DAILYHOT('huxiu')],
  async fetch(ctx) {
    const html = await getText(ctx, 'https://www.huxiu.com/moment/');
    const state = embeddedJson(html, /window\.__INITIAL_STATE__\s*=\s*(\{[\s\S]*?\});\s*(?:\(function|<\/script>)/, 'www.huxiu.com');
    return clean(listAt(state, 'www.huxiu.com', 'moment', 'momentList', 'moment_list', 'datalist').map((v) => {
      const [first = '', ...rest] = str(at(v, 'content')).split('<br><br>');
      const id = str(at(v, 'object_id'));
      return { key: id, title: first.replace(/<[^>]+>/g, '').replace(/。$/, ''), url: str(at(v, 'url')) || `https://www.huxiu.com/moment/${id}.html`, hot: parseHot(at(v, 'count_info', 'agree_num')), summary: rest.join(' ') };
    }));
  },
});

export const NEWS_SOURCES: TrendSource[] = [thepaper, qqNews, netease, sina, sinaNews, ifeng, zhihuDaily, ithome, huxiu];
