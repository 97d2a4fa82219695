import { SourceError, at, embeddedJson, getJson, getText, listAt, MOBILE_UA, parseHot, str, unwrapJsonp, loadHtml as load } from '../http.ts';
import type { RawTrendItem, TrendSource } from '../types.ts';
import { clean, DAILYHOT, defineSource, NEWSNOW } from './define.ts';

/** 微博热搜 through the mobile container API (no visitor cookie needed, unlike s.weibo.com's HTML). */
export const weibo = defineSource({
  id: 'weibo', name: '微博热搜', nameEn: 'Weibo hot search', list: '热搜榜', platform: 'weibo', category: 'social',
  home: 'https://s.weibo.com/top/summary', tier: 2, shape: 'json', anchors: [DAILYHOT('weibo'), NEWSNOW('weibo')],
  async fetch(ctx) {
    const url = 'https://m.weibo.cn/api/container/getIndex?containerid=106003type%3D25%26t%3D3%26disable_hot%3D1%26filter_type%3Drealtimehot&title=%E5%BE%AE%E5%8D%9A%E7%83%AD%E6%90%9C&luicode=10000011&lfid=231583';
    const body = await getJson(ctx, url, { headers: { Referer: 'https://s.weibo.com/top/summary?cate=realtimehot', 'MWeibo-Pwa': '1', 'X-Requested-With': 'XMLHttpRequest', 'User-Agent': MOBILE_UA } });
    const group = listAt(body, 'm.weibo.cn', 'data', 'cards', 0, 'card_group');
    return clean(group.map((v) => {
      const word = str(at(v, 'desc'));
      const scheme = str(at(v, 'word_scheme')) || `#${word}#`;
      return { key: str(at(v, 'itemid')) || word, title: word, url: `https://s.weibo.com/weibo?q=${encodeURIComponent(scheme)}&t=31&band_rank=1&Refer=top`, hot: parseHot(at(v, 'desc_extr')) };
    }));
  },
});

export const zhihu = defineSource({
  id: 'zhihu', name: '知乎热榜', nameEn: 'Zhihu hot list', list: '热榜', platform: 'zhihu', category: 'social',
  home: 'https://www.zhihu.com/hot', tier: 10, shape: 'json', anchors: [DAILYHOT('zhihu'), NEWSNOW('zhihu')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://www.zhihu.com/api/v3/feed/topstory/hot-lists/total?limit=50&desktop=true');
    return clean(listAt(body, 'www.zhihu.com', 'data').map((v) => {
      const target = at(v, 'target');
      const qid = /(\d+)$/.exec(str(at(target, 'url')))?.[1] ?? str(at(target, 'id'));
      // detail_text reads "1234 万热度"
      return { key: str(at(target, 'id')), title: str(at(target, 'title')), url: `https://www.zhihu.com/question/${qid}`, hot: parseHot(at(v, 'detail_text')), summary: str(at(target, 'excerpt')) };
    }));
  },
});

export const douyin = defineSource({
  id: 'douyin', name: '抖音热榜', nameEn: 'Douyin hot list', list: '热榜', platform: 'douyin', category: 'video',
  home: 'https://www.douyin.com/hot', tier: 5, shape: 'json', anchors: [DAILYHOT('douyin'), NEWSNOW('douyin')],
  async fetch(ctx) {
    // The list wants a passport_csrf_token cookie, which the login-guiding endpoint hands out to anyone.
    let cookie = '';
    try {
      const guide = await ctx.http.fetch('https://www.douyin.com/passport/general/login_guiding_strategy/?aid=6383', { signal: ctx.signal, headers: { 'User-Agent': MOBILE_UA } });
      cookie = /passport_csrf_token=([^;]+)/.exec(guide.headers.get('set-cookie') ?? '')?.[1] ?? '';
      await guide.body?.cancel().catch(() => undefined);
    } catch {
      cookie = '';
    }
    const body = await getJson(ctx, 'https://www.douyin.com/aweme/v1/web/hot/search/list/?device_platform=webapp&aid=6383&channel=channel_pc_web&detail_list=1', {
      headers: cookie ? { Cookie: `passport_csrf_token=${cookie}` } : {},
    });
    return clean(listAt(body, 'www.douyin.com', 'data', 'word_list').map((v) => {
      const id = str(at(v, 'sentence_id'));
      return { key: id || str(at(v, 'word')), title: str(at(v, 'word')), url: `https://www.douyin.com/hot/${id}`, hot: parseHot(at(v, 'hot_value')) };
    }));
  },
});

export const kuaishou = defineSource({
  id: 'kuaishou', name: '快手热榜', nameEn: 'Kuaishou hot list', list: '热榜', platform: 'kuaishou', category: 'video',
  home: 'https://www.kuaishou.com', tier: 10, shape: 'html', anchors: [NEWSNOW('kuaishou'), DAILYHOT('kuaishou')],
  async fetch(ctx) {
    const html = await getText(ctx, 'https://www.kuaishou.com/?isHome=1');
    const state = embeddedJson(html, /window\.__APOLLO_STATE__\s*=\s*(\{.+?\});/s, 'www.kuaishou.com');
    const client = at(state, 'defaultClient') as Record<string, unknown> | undefined;
    const rankRef = str(at(client, 'ROOT_QUERY', 'visionHotRank({"page":"home"})', 'id'));
    if (!client || !rankRef) throw new SourceError('TREND_SOURCE_SHAPE', 'www.kuaishou.com: no visionHotRank in the Apollo state — the page changed');
    const refs = listAt(client[rankRef], 'www.kuaishou.com', 'items');
    const items: RawTrendItem[] = [];
    for (const ref of refs) {
      const id = str(at(ref, 'id'));
      const entry = client[id];
      if (str(at(entry, 'tagType')) === '置顶') continue;
      const name = str(at(entry, 'name'));
      items.push({ key: id.replace('VisionHotRankItem:', '') || name, title: name, url: `https://www.kuaishou.com/search/video?searchKey=${encodeURIComponent(name)}`, hot: parseHot(at(entry, 'hotValue')) });
    }
    return clean(items);
  },
});

const biliHeaders = { Referer: 'https://www.bilibili.com/', Origin: 'https://www.bilibili.com' };

export const bilibiliHotSearch = defineSource({
  id: 'bilibili-hot-search', name: 'B站热搜', nameEn: 'Bilibili hot search', list: '热搜', platform: 'bilibili', category: 'video',
  home: 'https://search.bilibili.com', tier: 10, shape: 'json', anchors: [NEWSNOW('bilibili')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://s.search.bilibili.com/main/hotword?limit=30', { headers: biliHeaders });
    return clean(listAt(body, 's.search.bilibili.com', 'list').map((v) => {
      const keyword = str(at(v, 'keyword'));
      return { key: keyword, title: str(at(v, 'show_name')) || keyword, url: `https://search.bilibili.com/all?keyword=${encodeURIComponent(keyword)}`, hot: parseHot(at(v, 'heat_score')) };
    }));
  },
});

function biliVideos(body: unknown): RawTrendItem[] {
  return clean(listAt(body, 'api.bilibili.com', 'data', 'list').map((v) => {
    const bvid = str(at(v, 'bvid'));
    return { key: bvid, title: str(at(v, 'title')), url: `https://www.bilibili.com/video/${bvid}`, hot: parseHot(at(v, 'stat', 'view')), summary: str(at(v, 'desc')) };
  }));
}

export const bilibiliPopular = defineSource({
  id: 'bilibili-popular', name: 'B站热门', nameEn: 'Bilibili popular', list: '综合热门', platform: 'bilibili', category: 'video',
  home: 'https://www.bilibili.com/v/popular/all', tier: 10, shape: 'json', anchors: [NEWSNOW('bilibili')],
  async fetch(ctx) {
    return biliVideos(await getJson(ctx, 'https://api.bilibili.com/x/web-interface/popular?ps=50&pn=1', { headers: biliHeaders }));
  },
});

/** 排行榜: ranking/v2, and the older JSONP ranking endpoint when v2 answers an empty list (risk control), as DailyHotApi does. */
export const bilibiliRanking = defineSource({
  id: 'bilibili-ranking', name: 'B站排行榜', nameEn: 'Bilibili ranking', list: '排行榜·全站', platform: 'bilibili', category: 'video',
  home: 'https://www.bilibili.com/v/popular/rank/all', tier: 30, shape: 'json', anchors: [DAILYHOT('bilibili'), NEWSNOW('bilibili')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://api.bilibili.com/x/web-interface/ranking/v2?rid=0&type=all', { headers: biliHeaders });
    const list = at(body, 'data', 'list');
    if (Array.isArray(list) && list.length > 0) return biliVideos(body);
    const text = await getText(ctx, 'https://api.bilibili.com/x/web-interface/ranking?rid=0&day=3&type=1&arc_type=0&jsonp=jsonp&callback=__jp0', { headers: biliHeaders });
    return biliVideos(unwrapJsonp(text, 'api.bilibili.com'));
  },
});

export const tieba = defineSource({
  id: 'tieba', name: '贴吧热议', nameEn: 'Tieba hot topics', list: '热议榜', platform: 'tieba', category: 'community',
  home: 'https://tieba.baidu.com/hottopic/browse/topicList', tier: 10, shape: 'json', anchors: [NEWSNOW('tieba'), DAILYHOT('tieba')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://tieba.baidu.com/hottopic/browse/topicList');
    return clean(listAt(body, 'tieba.baidu.com', 'data', 'bang_topic', 'topic_list').map((v) => ({
      key: str(at(v, 'topic_id')), title: str(at(v, 'topic_name')), url: str(at(v, 'topic_url')) || 'https://tieba.baidu.com', hot: parseHot(at(v, 'discuss_num')), summary: str(at(v, 'topic_desc')),
    })));
  },
});

export const baidu = defineSource({
  id: 'baidu', name: '百度热搜', nameEn: 'Baidu hot search', list: '实时热搜', platform: 'baidu', category: 'news',
  home: 'https://top.baidu.com/board?tab=realtime', tier: 10, shape: 'html', anchors: [NEWSNOW('baidu'), DAILYHOT('baidu')],
  async fetch(ctx) {
    const html = await getText(ctx, 'https://top.baidu.com/board?tab=realtime');
    const data = embeddedJson(html, /<!--s-data:(.*?)-->/s, 'top.baidu.com');
    return clean(listAt(data, 'top.baidu.com', 'data', 'cards', 0, 'content')
      .filter((v) => at(v, 'isTop') !== true)
      .map((v) => ({ key: str(at(v, 'rawUrl')) || str(at(v, 'word')), title: str(at(v, 'word')), url: str(at(v, 'rawUrl')) || `https://www.baidu.com/s?wd=${encodeURIComponent(str(at(v, 'word')))}`, hot: parseHot(at(v, 'hotScore')), summary: str(at(v, 'desc')) })));
  },
});

export const toutiao = defineSource({
  id: 'toutiao', name: '今日头条', nameEn: 'Toutiao hot board', list: '热榜', platform: 'toutiao', category: 'news',
  home: 'https://www.toutiao.com', tier: 10, shape: 'json', anchors: [NEWSNOW('toutiao'), DAILYHOT('toutiao')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://www.toutiao.com/hot-event/hot-board/?origin=toutiao_pc');
    return clean(listAt(body, 'www.toutiao.com', 'data').map((v) => {
      const id = str(at(v, 'ClusterIdStr'));
      return { key: id, title: str(at(v, 'Title')), url: `https://www.toutiao.com/trending/${id}/`, hot: parseHot(at(v, 'HotValue')) };
    }));
  },
});

export const hupu = defineSource({
  id: 'hupu', name: '虎扑步行街', nameEn: 'Hupu hot threads', list: '主干道热帖', platform: 'hupu', category: 'community',
  home: 'https://bbs.hupu.com/all-gambia', tier: 10, shape: 'json', anchors: [DAILYHOT('hupu'), NEWSNOW('hupu')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://m.hupu.com/api/v2/bbs/topicThreads?topicId=1&page=1');
    return clean(listAt(body, 'm.hupu.com', 'data', 'topicThreads').map((v) => {
      const tid = str(at(v, 'tid'));
      return { key: tid, title: str(at(v, 'title')), url: `https://bbs.hupu.com/${tid}.html`, hot: parseHot(at(v, 'replies')) };
    }));
  },
});

export const doubanMovie = defineSource({
  id: 'douban-movie', name: '豆瓣热门电影', nameEn: 'Douban hot movies', list: '近期热门', platform: 'douban', category: 'reading',
  home: 'https://movie.douban.com', tier: 60, shape: 'json', anchors: [NEWSNOW('douban'), DAILYHOT('douban-movie')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://m.douban.com/rexxar/api/v2/subject/recent_hot/movie', { headers: { Referer: 'https://movie.douban.com/' } });
    return clean(listAt(body, 'm.douban.com', 'items').map((v) => {
      const id = str(at(v, 'id'));
      return { key: id, title: str(at(v, 'title')), url: `https://movie.douban.com/subject/${id}/`, hot: parseHot(at(v, 'rating', 'count')), summary: str(at(v, 'card_subtitle')) };
    }));
  },
});

export const doubanGroup = defineSource({
  id: 'douban-group', name: '豆瓣小组', nameEn: 'Douban groups', list: '讨论精选', platform: 'douban', category: 'community',
  home: 'https://www.douban.com/group/explore', tier: 30, shape: 'html', anchors: [DAILYHOT('douban-group')],
  async fetch(ctx) {
    const $ = load(await getText(ctx, 'https://www.douban.com/group/explore'));
    const rows = $('.article .channel-item').toArray();
    if (rows.length === 0) throw new SourceError('TREND_SOURCE_SHAPE', 'www.douban.com: no .channel-item entries — the page changed or asked for a login');
    return clean(rows.map((row) => {
      const link = $(row).find('h3 a');
      const href = link.attr('href') ?? '';
      return { key: /topic\/(\d+)/.exec(href)?.[1] ?? href, title: link.text(), url: href, hot: parseHot($(row).find('.likes').text()), summary: $(row).find('.block p').text() };
    }));
  },
});

/** 酷安 answers only with the app's token headers (X-App-Token = md5 scheme the app uses; DailyHotApi utils/getToken/coolapk.ts). */
export const coolapk = defineSource({
  id: 'coolapk', name: '酷安热榜', nameEn: 'Coolapk hot', list: '今日热门', platform: 'coolapk', category: 'tech',
  home: 'https://www.coolapk.com', tier: 30, shape: 'json', anchors: [DAILYHOT('coolapk'), 'imsyy/DailyHotApi src/utils/getToken/coolapk.ts'],
  async fetch(ctx) {
    const { coolapkHeaders } = await import('./coolapk-token.ts');
    const body = await getJson(ctx, 'https://api.coolapk.com/v6/page/dataList?url=%2Ffeed%2FstatList%3FcacheExpires%3D300%26statType%3Dday%26sortField%3Ddetailnum%26title%3D%E4%BB%8A%E6%97%A5%E7%83%AD%E9%97%A8&title=%E4%BB%8A%E6%97%A5%E7%83%AD%E9%97%A8&subTitle=&page=1', { headers: coolapkHeaders(ctx.now) });
    return clean(listAt(body, 'api.coolapk.com', 'data').map((v) => ({
      key: str(at(v, 'id')), title: str(at(v, 'message')).replace(/<[^>]+>/g, '').split('\n')[0] ?? '', url: str(at(v, 'shareUrl')) || `https://www.coolapk.com/feed/${str(at(v, 'id'))}`, hot: parseHot(at(v, 'likenum')),
    })));
  },
});

export const v2ex = defineSource({
  id: 'v2ex', name: 'V2EX 最热', nameEn: 'V2EX hot', list: '最热主题', platform: 'v2ex', category: 'community',
  home: 'https://www.v2ex.com/?tab=hot', tier: 30, shape: 'json', anchors: [DAILYHOT('v2ex')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://www.v2ex.com/api/topics/hot.json');
    if (!Array.isArray(body)) throw new SourceError('TREND_SOURCE_SHAPE', 'www.v2ex.com: expected a list of topics');
    return clean(body.map((v) => ({ key: str(at(v, 'id')), title: str(at(v, 'title')), url: str(at(v, 'url')), hot: parseHot(at(v, 'replies')), summary: str(at(v, 'content')) })));
  },
});

export const ngabbs = defineSource({
  id: 'ngabbs', name: 'NGA 热帖', nameEn: 'NGA hot threads', list: '论坛热帖', platform: 'nga', category: 'community',
  home: 'https://bbs.nga.cn', tier: 30, shape: 'json', anchors: [DAILYHOT('ngabbs')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://ngabbs.com/nuke.php?__lib=load_topic&__act=load_topic_reply_ladder2&opt=1&all=1', {
      method: 'POST', body: '__output=14', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: 'https://ngabbs.com/', 'X-User-Agent': 'NGA_skull/7.3.1(iPhone13,2;iOS 17.2.1)' },
    });
    return clean(listAt(body, 'ngabbs.com', 'result', 0).map((v) => ({ key: str(at(v, 'tid')), title: str(at(v, 'subject')), url: `https://bbs.nga.cn${str(at(v, 'tpcurl'))}`, hot: parseHot(at(v, 'replies')) })));
  },
});

export const acfun = defineSource({
  id: 'acfun', name: 'AcFun 排行榜', nameEn: 'AcFun ranking', list: '今日排行', platform: 'acfun', category: 'video',
  home: 'https://www.acfun.cn/rank/list/', tier: 30, shape: 'json', anchors: [DAILYHOT('acfun')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://www.acfun.cn/rest/pc-direct/rank/channel?channelId=&rankLimit=30&rankPeriod=DAY', { headers: { Referer: 'https://www.acfun.cn/rank/list/?cid=-1&pcid=-1&range=DAY' } });
    return clean(listAt(body, 'www.acfun.cn', 'rankList').map((v) => {
      const id = str(at(v, 'dougaId'));
      return { key: id, title: str(at(v, 'contentTitle')), url: `https://www.acfun.cn/v/ac${id}`, hot: parseHot(at(v, 'likeCount')), summary: str(at(v, 'contentDesc')) };
    }));
  },
});

/**
 * 小红书 has no public hot list: its search hot list answers a logged-in web
 * session only, so this source sends the cookies of the user's own logged-in
 * 小红书 account (the publishing browser's session) and says so plainly when
 * there is none. Endpoint and fields (data.items[].title/id/score "907.3w")
 * as read in Frappucc1no/hot2sql src/crawlers/xiaohongshu.py.
 */
export const xiaohongshu = defineSource({
  id: 'xiaohongshu', name: '小红书热搜', nameEn: 'Xiaohongshu hot search', list: '热搜', platform: 'xiaohongshu', category: 'social',
  home: 'https://www.xiaohongshu.com/explore', tier: 30, shape: 'json', needsSession: true, anchors: ['Frappucc1no/hot2sql src/crawlers/xiaohongshu.py', 'NanmiCoder/MediaCrawler media_platform/xhs'],
  async fetch(ctx) {
    const cookie = await ctx.sessions?.cookieHeader('xiaohongshu');
    if (!cookie) {
      throw new SourceError('TREND_SOURCE_NOT_LOGGED_IN', '小红书热搜 needs a logged-in 小红书 account: log in under 发布 → 账号 first (no account is logged in)');
    }
    const body = await getJson(ctx, 'https://edith.xiaohongshu.com/api/sns/v1/search/hot_list', { headers: { Cookie: cookie, Referer: 'https://www.xiaohongshu.com/', Origin: 'https://www.xiaohongshu.com' } });
    if (at(body, 'success') === false) {
      const code = at(body, 'code');
      if (code === -100 || code === -101) throw new SourceError('TREND_SOURCE_NOT_LOGGED_IN', '小红书 says the session has expired: log in to the 小红书 account again');
      throw new SourceError('TREND_SOURCE_SHAPE', `edith.xiaohongshu.com refused: ${str(at(body, 'msg')) || 'unknown reason'}`);
    }
    return clean(listAt(body, 'edith.xiaohongshu.com', 'data', 'items').map((v) => {
      const title = str(at(v, 'title'));
      return { key: str(at(v, 'id')) || title, title, url: `https://www.xiaohongshu.com/search_result?keyword=${encodeURIComponent(title)}&source=web_explore_feed`, hot: parseHot(at(v, 'score')) };
    }));
  },
});

export const SOCIAL_SOURCES: TrendSource[] = [
  weibo, zhihu, douyin, kuaishou, bilibiliHotSearch, bilibiliPopular, bilibiliRanking, tieba, baidu, toutiao, hupu, doubanMovie, doubanGroup, coolapk, v2ex, ngabbs, acfun, xiaohongshu,
];
