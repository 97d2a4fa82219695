import { at, getJson, listAt, parseHot, str } from '../http.ts';
import type { TrendSource } from '../types.ts';
import { clean, DAILYHOT, defineSource, NEWSNOW } from './define.ts';

export const kr36 = defineSource({
  id: '36kr', name: '36氪人气榜', nameEn: '36Kr hot', list: '人气榜', platform: '36kr', category: 'tech',
  home: 'https://www.36kr.com/hot-list/catalog', tier: 10, shape: 'json', anchors: [DAILYHOT('36kr'), NEWSNOW('_36kr')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://gateway.36kr.com/api/mis/nav/home/nav/rank/hot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ partner_id: 'wap', param: { siteId: 1, platformId: 2 }, timestamp: ctx.now.getTime() }),
    });
    return clean(listAt(body, 'gateway.36kr.com', 'data', 'hotRankList').map((v) => {
      const id = str(at(v, 'itemId'));
      return { key: id, title: str(at(v, 'templateMaterial', 'widgetTitle')), url: `https://www.36kr.com/p/${id}`, hot: parseHot(at(v, 'templateMaterial', 'statRead')) };
    }));
  },
});

export const sspai = defineSource({
  id: 'sspai', name: '少数派热门', nameEn: 'SSPAI hot', list: '热门文章', platform: 'sspai', category: 'tech',
  home: 'https://sspai.com', tier: 30, shape: 'json', anchors: [DAILYHOT('sspai')],
  async fetch(ctx) {
    const body = await getJson(ctx, `https://sspai.com/api/v1/article/tag/page/get?limit=40&tag=${encodeURIComponent('热门文章')}`);
    return clean(listAt(body, 'sspai.com', 'data').map((v) => {
      const id = str(at(v, 'id'));
      return { key: id, title: str(at(v, 'title')), url: `https://sspai.com/post/${id}`, hot: parseHot(at(v, 'like_count')), summary: str(at(v, 'summary')) };
    }));
  },
});

export const juejin = defineSource({
  id: 'juejin', name: '掘金热榜', nameEn: 'Juejin hot articles', list: '文章榜', platform: 'juejin', category: 'tech',
  home: 'https://juejin.cn/hot/articles', tier: 30, shape: 'json', anchors: [DAILYHOT('juejin')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://api.juejin.cn/content_api/v1/content/article_rank?category_id=1&type=hot');
    return clean(listAt(body, 'api.juejin.cn', 'data').map((v) => {
      const id = str(at(v, 'content', 'content_id'));
      return { key: id, title: str(at(v, 'content', 'title')), url: `https://juejin.cn/post/${id}`, hot: parseHot(at(v, 'content_counter', 'hot_rank')) };
    }));
  },
});

export const ifanr = defineSource({
  id: 'ifanr', name: '爱范儿快讯', nameEn: 'ifanr digest', list: '快讯', platform: 'ifanr', category: 'tech',
  home: 'https://www.ifanr.com/digest/', tier: 30, shape: 'json', anchors: [DAILYHOT('ifanr')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://sso.ifanr.com/api/v5/wp/buzz/?limit=20&offset=0');
    return clean(listAt(body, 'sso.ifanr.com', 'objects').map((v) => {
      const id = str(at(v, 'id'));
      return { key: id, title: str(at(v, 'post_title')), url: str(at(v, 'buzz_original_url')) || `https://www.ifanr.com/${id}`, hot: parseHot(at(v, 'like_count')), summary: str(at(v, 'post_content')) };
    }));
  },
});

export const smzdm = defineSource({
  id: 'smzdm', name: '什么值得买热门', nameEn: 'SMZDM hot', list: '今日热门', platform: 'smzdm', category: 'shopping',
  home: 'https://www.smzdm.com/top/', tier: 30, shape: 'json', anchors: [DAILYHOT('smzdm'), NEWSNOW('smzdm')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://post.smzdm.com/rank/json_more/?unit=1');
    return clean(listAt(body, 'post.smzdm.com', 'data').map((v) => ({ key: str(at(v, 'article_id')), title: str(at(v, 'title')), url: str(at(v, 'jump_link')), hot: parseHot(at(v, 'collection_count')), summary: str(at(v, 'content')) })));
  },
});

export const weread = defineSource({
  id: 'weread', name: '微信读书飙升榜', nameEn: 'WeRead rising', list: '飙升榜', platform: 'weread', category: 'reading',
  home: 'https://weread.qq.com/web/category/rising', tier: 60, shape: 'json', anchors: [DAILYHOT('weread')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://weread.qq.com/web/bookListInCategory/rising?rank=1');
    return clean(listAt(body, 'weread.qq.com', 'books').map((v) => {
      const id = str(at(v, 'bookInfo', 'bookId'));
      return { key: id, title: str(at(v, 'bookInfo', 'title')), url: `https://weread.qq.com/web/search/books?keyword=${encodeURIComponent(str(at(v, 'bookInfo', 'title')))}`, hot: parseHot(at(v, 'readingCount')), summary: str(at(v, 'bookInfo', 'author')) };
    }));
  },
});

export const csdn = defineSource({
  id: 'csdn', name: 'CSDN 热榜', nameEn: 'CSDN hot', list: '排行榜', platform: 'csdn', category: 'tech',
  home: 'https://blog.csdn.net/rank/list', tier: 30, shape: 'json', anchors: [DAILYHOT('csdn')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://blog.csdn.net/phoenix/web/blog/hot-rank?page=0&pageSize=30');
    return clean(listAt(body, 'blog.csdn.net', 'data').map((v) => ({ key: str(at(v, 'productId')) || str(at(v, 'articleDetailUrl')), title: str(at(v, 'articleTitle')), url: str(at(v, 'articleDetailUrl')), hot: parseHot(at(v, 'hotRankScore')) })));
  },
});

export const geekpark = defineSource({
  id: 'geekpark', name: '极客公园', nameEn: 'GeekPark', list: '热门文章', platform: 'geekpark', category: 'tech',
  home: 'https://www.geekpark.net', tier: 60, shape: 'json', anchors: [DAILYHOT('geekpark')],
  async fetch(ctx) {
    const body = await getJson(ctx, 'https://mainssl.geekpark.net/api/v2');
    return clean(listAt(body, 'mainssl.geekpark.net', 'homepage_posts').map((v) => {
      const id = str(at(v, 'post', 'id'));
      return { key: id, title: str(at(v, 'post', 'title')), url: `https://www.geekpark.net/news/${id}`, hot: parseHot(at(v, 'post', 'views')), summary: str(at(v, 'post', 'abstract')) };
    }));
  },
});

export const TECH_SOURCES: TrendSource[] = [kr36, sspai, juejin, ifanr, smzdm, weread, csdn, geekpark];
