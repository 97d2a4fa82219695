import { titles } from './stories.ts';

/**
 * One answer per source endpoint, in the response shape of the real site as
 * the anchors document it (imsyy/DailyHotApi src/routes, ourongxing/newsnow
 * server/sources; checked 2026-12-02). Keys are host + path.
 */
export interface ReplicaAnswer {
  type: string;
  body: string;
  headers?: Record<string, string>;
}

const json = (value: unknown): ReplicaAnswer => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });
const html = (text: string): ReplicaAnswer => ({ type: 'text/html; charset=utf-8', body: text });
const script = (text: string): ReplicaAnswer => ({ type: 'application/javascript; charset=utf-8', body: text });

export type ShapeBuilder = (n: number, offset: number) => ReplicaAnswer;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const SHAPES: Record<string, ShapeBuilder> = {
  'm.weibo.cn/api/container/getIndex': (n, o) => json({ ok: 1, data: { cards: [{ card_group: titles(n, o, true).map((t, i) => ({ desc: t.replace(/#/g, ''), itemid: `w${i + o}`, word_scheme: `#${t.replace(/#/g, '')}#`, desc_extr: 2_000_000 - i * 50_000, scheme: 'sinaweibo://' })) }] } }),
  'www.zhihu.com/api/v3/feed/topstory/hot-lists/total': (n, o) => json({ data: titles(n, o).map((t, i) => ({ detail_text: `${900 - i * 20} 万热度`, target: { id: 1000 + i + o, title: `${t}？`, url: `https://api.zhihu.com/questions/${5000 + i + o}`, excerpt: '知乎摘要', created: 1764600000 }, children: [{ thumbnail: '' }] })) }),
  'www.douyin.com/passport/general/login_guiding_strategy/': () => ({ type: 'application/json', body: '{}', headers: { 'set-cookie': 'passport_csrf_token=abc123; Path=/; Secure' } }),
  'www.douyin.com/aweme/v1/web/hot/search/list/': (n, o) => json({ status_code: 0, data: { word_list: titles(n, o, true).map((t, i) => ({ sentence_id: String(7000 + i + o), word: t.replace(/#/g, ''), hot_value: 12_000_000 - i * 300_000, event_time: 1764600000 })) } }),
  'www.kuaishou.com/': (n, o) => {
    const client: Record<string, unknown> = { ROOT_QUERY: { 'visionHotRank({"page":"home"})': { type: 'id', id: '$ROOT_QUERY.visionHotRank({"page":"home"})', generated: true } } };
    const items = titles(n + 1, o).map((t, i) => {
      const id = `VisionHotRankItem:${i === 0 ? 'top' : `k${i + o}`}`;
      client[id] = { name: i === 0 ? '置顶：官方公告' : t, tagType: i === 0 ? '置顶' : '', hotValue: `${500 - i}万` };
      return { type: 'id', generated: false, id, typename: 'VisionHotRankItem' };
    });
    client['$ROOT_QUERY.visionHotRank({"page":"home"})'] = { result: 1, pcursor: '', webPageArea: '', items };
    return html(`<html><head></head><body><script>window.__APOLLO_STATE__=${JSON.stringify({ defaultClient: client })};(function(){var s;}());</script></body></html>`);
  },
  's.search.bilibili.com/main/hotword': (n, o) => json({ code: 0, list: titles(n, o).map((t, i) => ({ keyword: t, show_name: t, heat_score: 900_000 - i * 1000, pos: i + 1 })) }),
  'api.bilibili.com/x/web-interface/popular': (n, o) => json({ code: 0, data: { list: titles(n, o).map((t, i) => ({ bvid: `BV1pop${i + o}`, title: `【视频】${t}`, desc: '简介', stat: { view: 3_000_000 - i * 10_000 }, owner: { name: 'UP主' }, pubdate: 1764600000 })) } }),
  'api.bilibili.com/x/web-interface/ranking/v2': (n, o) => json({ code: 0, data: { list: titles(n, o).map((t, i) => ({ bvid: `BV1rank${i + o}`, title: t, desc: '', stat: { view: 5_000_000 - i * 10_000 }, owner: { name: 'UP主' } })) } }),
  'api.bilibili.com/x/web-interface/ranking': (n, o) => script(`__jp0(${JSON.stringify({ code: 0, data: { list: titles(n, o).map((t, i) => ({ bvid: `BV1old${i + o}`, title: t, author: 'UP主', video_review: 100 - i, stat: { view: 1000 - i } })) } })})`),
  'tieba.baidu.com/hottopic/browse/topicList': (n, o) => json({ errno: 0, data: { bang_topic: { topic_list: titles(n, o).map((t, i) => ({ topic_id: String(300 + i + o), topic_name: t, topic_desc: '贴吧热议', topic_url: `https://tieba.baidu.com/hottopic/browse/hottopic?topic_id=${300 + i + o}`, discuss_num: 90_000 - i * 100, create_time: 1764600000 })) } } }),
  'top.baidu.com/board': (n, o) => {
    const content = [{ word: '置顶：权威发布', rawUrl: 'https://www.baidu.com/s?wd=top', isTop: true, hotScore: '9999999' }, ...titles(n, o).map((t, i) => ({ word: t, rawUrl: `https://www.baidu.com/s?wd=${encodeURIComponent(t)}`, desc: '百度摘要', hotScore: String(4_900_000 - i * 10_000) }))];
    return html(`<html><body><div id="sanRoot"></div><!--s-data:${JSON.stringify({ data: { cards: [{ component: 'hotList', content }] } })}--></body></html>`);
  },
  'www.toutiao.com/hot-event/hot-board/': (n, o) => json({ status: 'success', data: titles(n, o, true).map((t, i) => ({ ClusterIdStr: String(7300000 + i + o), Title: t.replace(/#/g, ''), HotValue: String(30_000_000 - i * 100_000), Image: { url: '' } })) }),
  'm.hupu.com/api/v2/bbs/topicThreads': (n, o) => json({ code: 1, data: { topicThreads: titles(n, o).map((t, i) => ({ tid: 600000 + i + o, title: t, username: '虎扑JR', replies: 800 - i, url: `https://m.hupu.com/bbs/${600000 + i + o}.html` })) } }),
  'm.douban.com/rexxar/api/v2/subject/recent_hot/movie': (n, o) => json({ category: 'movie', items: titles(n, o).map((t, i) => ({ id: String(3500000 + i + o), title: `电影《${t.slice(0, 6)}》`, card_subtitle: '2026 / 中国大陆 / 剧情', rating: { count: 120_000 - i * 100, value: 8.1 } })), total: n }),
  'www.douban.com/group/explore': (n, o) => html(`<html><body><div class="article">${titles(n, o).map((t, i) => `<div class="channel-item"><div class="likes">${300 - i}</div><div class="bd"><h3><a href="https://www.douban.com/group/topic/${2800000 + i + o}/">${esc(t)}</a></h3><div class="block"><p>小组讨论摘要</p></div></div></div>`).join('')}</div></body></html>`),
  'api.coolapk.com/v6/page/dataList': (n, o) => json({ data: titles(n, o).map((t, i) => ({ id: 5000 + i + o, message: `${t}\n正文`, shareUrl: `https://www.coolapk.com/feed/${5000 + i + o}`, likenum: 900 - i, username: '酷友' })) }),
  'www.v2ex.com/api/topics/hot.json': (n, o) => json(titles(n, o).map((t, i) => ({ id: 1_000_000 + i + o, title: t, url: `https://www.v2ex.com/t/${1_000_000 + i + o}`, replies: 120 - i, content: '', member: { username: 'v2' } }))),
  'ngabbs.com/nuke.php': (n, o) => json({ result: [titles(n, o).map((t, i) => ({ tid: 40_000_000 + i + o, subject: t, author: 'NGA玩家', replies: 3000 - i, tpcurl: `/read.php?tid=${40_000_000 + i + o}` }))] }),
  'www.acfun.cn/rest/pc-direct/rank/channel': (n, o) => json({ result: 0, rankList: titles(n, o).map((t, i) => ({ dougaId: String(45_000_000 + i + o), contentTitle: t, contentDesc: '', likeCount: 9000 - i, userName: 'UP' })) }),
  'edith.xiaohongshu.com/api/sns/v1/search/hot_list': (n, o) => json({ code: 0, success: true, msg: '成功', data: { items: titles(n, o, true).map((t, i) => ({ id: `dora_${2000 + i + o}`, title: t.replace(/#/g, ''), score: `${(907.3 - i * 10).toFixed(1)}w`, word_type: '热', rank_change: 1 })) } }),
  'cache.thepaper.cn/contentapi/wwwIndex/rightSidebar': (n, o) => json({ resultCode: 1, data: { hotNews: titles(n, o).map((t, i) => ({ contId: String(29_000_000 + i + o), name: t, pubTimeLong: '1764600000000', praiseTimes: String(5000 - i) })) } }),
  'r.inews.qq.com/gw/event/hot_ranking_list': (n, o) => json({ ret: 0, idlist: [{ newslist: [{ id: 'header', title: '腾讯新闻热点榜' }, ...titles(n, o, true).map((t, i) => ({ id: `QQ${20261202 + i + o}`, title: t.replace(/#/g, ''), abstract: '摘要', source: '腾讯新闻', hotEvent: { hotScore: 8_000_000 - i * 50_000 }, timestamp: 1764600000 }))] }] }),
  'm.163.com/fe/api/hot/news/flow': (n, o) => json({ code: 200, data: { list: titles(n, o).map((t, i) => ({ docid: `NE${1000 + i + o}`, title: t, source: '网易新闻', ptime: '2026-12-02 08:00:00' })) } }),
  'newsapp.sina.cn/api/hotlist': (n, o) => json({ status: 0, data: { hotList: titles(n, o).map((t, i) => ({ base: { base: { uniqueId: `sina${i + o}`, url: `https://news.sina.cn/${i + o}.shtml` } }, info: { title: t, hotValue: `${300 - i}万` } })) } }),
  'top.news.sina.com.cn/ws/GetTopDataList.php': (n, o) => script(`var data = ${JSON.stringify({ conf: {}, data: titles(n, o).map((t, i) => ({ id: String(900 + i + o), title: t, url: `https://news.sina.com.cn/c/${900 + i + o}.shtml`, media: '新浪', top_num: `${(9000 - i * 10).toLocaleString('en-US')}`, create_date: '2026-12-02', create_time: '08:00:00' })) })};`),
  'www.ifeng.com/': (n, o) => html(`<html><head><script>var allData = ${JSON.stringify({ hotNews1: titles(n, o).map((t, i) => ({ url: `https://news.ifeng.com/c/${8000 + i + o}`, title: t, newsTime: '2026-12-02 08:00:00' })), other: 1 })};\nvar adKeys = [];</script></head><body></body></html>`),
  'daily.zhihu.com/api/4/news/latest': (n, o) => json({ date: '20261202', stories: [...titles(n, o).map((t, i) => ({ id: 9_700_000 + i + o, title: t, url: `https://daily.zhihu.com/story/${9_700_000 + i + o}`, hint: '作者 · 3 分钟阅读', type: 0 })), { id: 1, title: '广告', url: 'https://daily.zhihu.com/story/1', type: 1 }] }),
  'm.ithome.com/rankm/': (n, o) => html(`<html><body><div class="rank-box">${titles(n, o).map((t, i) => `<div class="placeholder"><a href="https://m.ithome.com/html/${860000 + i + o}.htm"><img data-original="x.jpg"><p class="plc-title">${esc(t)}</p><span class="review-num">${500 - i}评</span><span class="post-time">1小时前</span></a></div>`).join('')}</div></body></html>`),
  'www.huxiu.com/moment/': (n, o) => html(`<html><body><script>window.__INITIAL_STATE__=${JSON.stringify({ moment: { momentList: { moment_list: { datalist: titles(n, o).map((t, i) => ({ object_id: 300000 + i + o, content: `${t}。<br><br>详细内容`, url: `https://www.huxiu.com/moment/${300000 + i + o}.html`, user_info: { username: '虎嗅' }, count_info: { agree_num: 50 - i } })) } } } })};(function(){var s;document.currentScript.parentNode.removeChild(s)}());</script></body></html>`),
  'gateway.36kr.com/api/mis/nav/home/nav/rank/hot': (n, o) => json({ code: 0, data: { hotRankList: titles(n, o).map((t, i) => ({ itemId: 3_000_000 + i + o, templateMaterial: { widgetTitle: t, authorName: '36氪', statRead: 100_000 - i * 100 }, publishTime: 1764600000000 })) } }),
  'sspai.com/api/v1/article/tag/page/get': (n, o) => json({ error: 0, data: titles(n, o).map((t, i) => ({ id: 90000 + i + o, title: t, summary: '少数派摘要', like_count: 300 - i, author: { nickname: '少数派' } })) }),
  'api.juejin.cn/content_api/v1/content/article_rank': (n, o) => json({ err_no: 0, data: titles(n, o).map((t, i) => ({ content: { content_id: String(7_400_000 + i + o), title: t }, author: { name: '掘友' }, content_counter: { hot_rank: 9000 - i } })) }),
  'sso.ifanr.com/api/v5/wp/buzz/': (n, o) => json({ objects: titles(n, o).map((t, i) => ({ id: 1_600_000 + i + o, post_title: t, post_content: '快讯内容', like_count: 20 - (i % 20), buzz_original_url: '' })) }),
  'post.smzdm.com/rank/json_more/': (n, o) => json({ error_code: 0, data: titles(n, o).map((t, i) => ({ article_id: String(130000 + i + o), title: t, content: '值友推荐', jump_link: `https://post.smzdm.com/p/${130000 + i + o}/`, collection_count: String(800 - i) })) }),
  'weread.qq.com/web/bookListInCategory/rising': (n, o) => json({ books: titles(n, o).map((t, i) => ({ bookInfo: { bookId: String(3_300_000 + i + o), title: `《${t.slice(0, 8)}》`, author: '作者', intro: '', cover: 'https://wfqqreader/s_x.jpg' }, readingCount: 50_000 - i * 100 })) }),
  'blog.csdn.net/phoenix/web/blog/hot-rank': (n, o) => json({ code: 200, data: titles(n, o).map((t, i) => ({ productId: String(140_000_000 + i + o), articleTitle: t, articleDetailUrl: `https://blog.csdn.net/u/article/details/${140_000_000 + i + o}`, hotRankScore: String(20000 - i * 10), nickName: 'CSDN' })) }),
  'mainssl.geekpark.net/api/v2': (n, o) => json({ homepage_posts: titles(n, o).map((t, i) => ({ post: { id: 330000 + i + o, title: t, abstract: '极客公园摘要', views: 9000 - i, published_timestamp: 1764600000 } })) }),
  // A user's own RSS 2.0 feed and a plain JSON endpoint (custom sources defined in the UI), on a host of their choosing.
  'feeds.example.com/rss.xml': (n, o) => ({
    type: 'application/rss+xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>行业周报</title><link>https://feeds.example.com/</link><description>示例订阅</description>${titles(n, o).map((t, i) => `<item><title>${esc(`周报：${t}`)}</title><link>https://feeds.example.com/p/${i + o}</link><guid>feed-${i + o}</guid><description>${esc(t)}</description></item>`).join('')}</channel></rss>`,
  }),
  'feeds.example.com/hot.json': (n, o) => json({ result: { rows: titles(n, o).map((t, i) => ({ pid: 700 + i + o, headline: t, score: 5000 - i * 10 })) } }),
};

/** The same endpoints answering a shape the parser does not know (the site changed). */
export function changedShape(): ReplicaAnswer {
  return json({ code: 0, result: { entries: [{ name: '改版后的字段' }] } });
}
