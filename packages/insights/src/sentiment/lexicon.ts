/**
 * Offline sentiment for Chinese comments when no model is configured: a small
 * hand-made lexicon of common comment words (positive / negative, strong ones
 * count double), negators that flip the next word, intensifiers that amplify
 * it, and emoji / internet slang. Crude by design; the LLM layer replaces it
 * whenever a model is available, and results say which one was used.
 */
export const SENTIMENT_CLASSES = ['very_negative', 'negative', 'neutral', 'positive', 'very_positive'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];
export const SENTIMENT_LABELS: Record<SentimentClass, string> = { very_negative: '非常负面', negative: '负面', neutral: '中性', positive: '正面', very_positive: '非常正面' };

const POSITIVE: Record<string, number> = {
  好: 1, 不错: 1, 喜欢: 1, 支持: 1, 赞: 1, 厉害: 1.5, 棒: 1.5, 优秀: 1.5, 感谢: 1, 谢谢: 1, 有用: 1, 学到: 1, 实用: 1, 好看: 1, 好听: 1, 可爱: 1, 开心: 1, 期待: 1, 推荐: 1, 干货: 1.5,
  牛: 1.5, 太强: 2, 绝了: 2, 爱了: 2, 完美: 2, 神作: 2, 封神: 2, 震撼: 1.5, 感动: 1.5, 精彩: 1.5, 收藏了: 1, 三连: 1.5, yyds: 2, 'YYDS': 2, '👍': 1, '❤️': 1, '😂': 0.5, 哈哈: 0.5,
};
const NEGATIVE: Record<string, number> = {
  差: 1, 烂: 1.5, 垃圾: 2, 难看: 1, 难听: 1, 失望: 1.5, 无聊: 1, 讨厌: 1.5, 恶心: 2, 骗: 1.5, 假: 1, 坑: 1, 错: 0.5, 问题: 0.3, 广告: 1, 水: 0.5, 标题党: 1.5, 割韭菜: 2, 智商税: 2,
  取关: 1.5, 退钱: 2, 离谱: 1, 无语: 1, 生气: 1.5, 辣眼睛: 1.5, 抄袭: 2, 搬运: 1, 翻车: 1, 不行: 1, 一般: 0.5, 浪费时间: 1.5, '👎': 1, '😡': 1.5,
};
const NEGATORS = ['不', '没', '没有', '别', '不是', '并不', '毫不'];
const INTENSIFIERS: Record<string, number> = { 很: 1.5, 非常: 2, 太: 1.8, 特别: 1.8, 超: 1.8, 超级: 2, 真: 1.3, 真的: 1.3, 好: 1.2, 巨: 2, 最: 2, 极其: 2 };

const terms = [...new Set([...Object.keys(POSITIVE), ...Object.keys(NEGATIVE), ...NEGATORS, ...Object.keys(INTENSIFIERS)])].sort((a, b) => b.length - a.length);

/** Greedy longest-match tokens of known terms (unknown characters are skipped). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const term = terms.find((t) => text.startsWith(t, i));
    if (term) {
      out.push(term);
      i += term.length;
    } else {
      out.push('');
      i += 1;
    }
  }
  return out;
}

/** A polarity score in [-1, 1] and its class. */
export function lexiconSentiment(text: string): { sentiment: SentimentClass; score: number } {
  let raw = 0;
  let flip = false;
  let boost = 1;
  let gap = 0;
  for (const token of tokens(text)) {
    if (token === '') {
      // Modifiers reach over at most two unknown characters.
      if (++gap > 2) {
        flip = false;
        boost = 1;
      }
      continue;
    }
    gap = 0;
    if (NEGATORS.includes(token)) {
      flip = !flip;
      continue;
    }
    const polarity = POSITIVE[token] ?? (NEGATIVE[token] !== undefined ? -NEGATIVE[token] : undefined);
    if (polarity === undefined) {
      boost = Math.max(boost, INTENSIFIERS[token] ?? 1);
      continue;
    }
    raw += (flip ? -polarity * 0.8 : polarity) * boost;
    flip = false;
    boost = 1;
  }
  const excl = (text.match(/[!！]/g) ?? []).length;
  if (raw !== 0 && excl > 0) raw *= 1 + Math.min(excl, 3) * 0.15;
  const score = Math.tanh(raw / 4);
  return { sentiment: classOf(score), score: Math.round(score * 1000) / 1000 };
}

export function classOf(score: number): SentimentClass {
  if (score <= -0.6) return 'very_negative';
  if (score <= -0.15) return 'negative';
  if (score < 0.15) return 'neutral';
  if (score < 0.6) return 'positive';
  return 'very_positive';
}

/** Audience questions: a question mark or a question word (these can become ideas). */
export function isQuestion(text: string): boolean {
  return /[?？]/.test(text) || /(吗|呢|怎么|如何|为什么|为啥|哪里|哪儿|哪个|多少|能不能|可不可以|是不是|有没有|求教程|求问|请问)/.test(text);
}
