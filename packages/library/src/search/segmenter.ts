import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// jieba and its dictionary (~13 MB resident) load on the first search or index, not at start-up.
// Both are CommonJS, so a synchronous require keeps segment() synchronous.
const require = createRequire(import.meta.url);

/**
 * Creator slang jieba's stock dictionary splits wrongly (爆款 → 爆/款) or not
 * at all. The frequency is high enough to win inside phrases (打造爆款) but not so
 * high that it breaks real words apart (火爆款式 stays 火爆/款式).
 */
export const CREATOR_DICTIONARY = [
  '小红书', '爆款', '种草', '拔草', '干货', '涨粉', '掉粉', '引流', '带货', '笔记', '公众号', '视频号', '抖音', 'B站', '快手',
  '微博', '知乎', '头条号', '百家号', '直播间', '短视频', '爆文', '标题党', '封面图', '文案', '选题', '热点', '蹭热点', '流量',
  '完播率', '点赞', '收藏', '转发', '评论区', '私域', '公域', '粉丝', '博主', 'up主', 'UP主', 'KOL', 'KOC', 'MCN', '达人',
  '探店', '测评', '开箱', 'vlog', 'Vlog', '合集', '好物', '平替', '安利', '避雷', '踩雷', '种草机', '起号', '养号', '限流',
  '违禁词', '变现', '商单', '广告位', '投流', '千川', '薯条', 'DOU+', '铁粉', '互关', '互粉', '数据复盘', '人设', '钩子',
];

const STOP_WORDS = new Set([
  '的', '了', '是', '在', '和', '与', '及', '或', '也', '就', '都', '而', '把', '被', '让', '吗', '呢', '啊', '吧', '呀', '哦',
  '怎么', '怎样', '如何', '什么', '为什么', '哪些', '哪个', '一个', '一些', '这个', '那个', '这些', '那些', '我', '你', '他', '她',
  '它', '我们', '你们', '他们', 'the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'for', 'is', 'are',
]);

let instance: Jieba | undefined;

function jieba(): Jieba {
  if (!instance) {
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    instance = JiebaClass.withDict(dict);
    // Text is lower-cased before cutting (so B站 and b站 segment alike): the dictionary must be too.
    const words = new Set(CREATOR_DICTIONARY.map((w) => w.toLowerCase()));
    instance.loadDict(Buffer.from([...words].map((w) => `${w} 20000 n`).join('\n')));
  }
  return instance;
}

/** Tokens that carry meaning: no whitespace, no punctuation-only pieces. */
function meaningful(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * Segments text for the index in jieba's search mode (long words also yield
 * their sub-words), lower-cased and space-joined, ready for
 * `to_tsvector('simple', …)`.
 */
export function segmentForIndex(text: string): string {
  if (!text) return '';
  return jieba().cutForSearch(text.toLowerCase(), true).filter(meaningful).join(' ');
}

/**
 * The terms of a query: precise-mode segmentation (the index holds the
 * search-mode sub-words, so a whole word still matches), minus stop words,
 * deduplicated and lower-cased. A query of only stop words keeps them.
 */
export function queryTerms(query: string): string[] {
  const tokens = jieba().cut(query.toLowerCase(), true).filter(meaningful);
  const kept = tokens.filter((t) => !STOP_WORDS.has(t));
  return [...new Set(kept.length > 0 ? kept : tokens)];
}
