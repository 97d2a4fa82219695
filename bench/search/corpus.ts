/**
 * A deterministic generator of Chinese creator-style documents for the search
 * benchmark: titles, bodies and tags built from a domain vocabulary with a
 * skewed (Zipf-like) word distribution, so query terms range from common to rare.
 */
const TOPICS = ['小红书', '抖音', 'B站', '公众号', '视频号', '快手', '微博', '知乎'];
const SLANG = ['爆款', '种草', '拔草', '干货', '涨粉', '引流', '带货', '笔记', '标题', '封面', '选题', '文案', '复盘', '流量', '完播率', '评论区', '私域', '直播间', '探店', '测评', '好物', '平替', '避雷', '变现', '人设'];
const NOUNS = ['护肤', '穿搭', '美食', '旅行', '健身', '读书', '数码', '母婴', '家居', '宠物', '摄影', '职场', '理财', '教育', '咖啡', '露营', '香水', '口红', '耳机', '相机'];
const VERBS = ['分享', '推荐', '整理', '总结', '拆解', '测试', '对比', '记录', '揭秘', '盘点'];
const FILLER = ['今天', '我们', '一起', '看看', '这个', '真的', '非常', '适合', '新手', '方法', '技巧', '经验', '问题', '建议', '清单', '教程', '攻略', '心得', '细节', '原因', '效果', '价格', '品牌', '用户', '内容', '数据', '时间', '每天', '三个', '十个'];

/** Mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchDoc {
  title: string;
  body: string;
  tags: string[];
}

export function* generateCorpus(count: number, seed = 42): Generator<BenchDoc> {
  const random = rng(seed);
  // Zipf-ish: low indexes much more likely.
  const pick = <T>(list: T[], skew = 1.6): T => list[Math.min(list.length - 1, Math.floor(list.length * Math.pow(random(), skew)))]!;
  const sentence = () => {
    // Most sentences are ordinary prose; creator slang shows up in about one in five.
    const words = [pick(FILLER), pick(NOUNS, 1.2), pick(VERBS), pick(FILLER), pick(FILLER)];
    if (random() < 0.2) words.splice(3, 0, pick(SLANG, 1.4));
    if (random() < 0.1) words.push(pick(TOPICS));
    return `${words.join('')}${random() < 0.7 ? '，' : '。'}`;
  };
  for (let i = 0; i < count; i++) {
    const title = `${random() < 0.3 ? pick(TOPICS) : ''}${pick(NOUNS, 1.2)}${random() < 0.3 ? pick(SLANG, 1.4) : ''}${pick(VERBS)}：${pick(FILLER)}${pick(FILLER)}${i % 97 === 0 ? '爆款标题' : ''}`;
    const body = Array.from({ length: 4 + Math.floor(random() * 6) }, sentence).join('');
    const tags = [...new Set([pick(TOPICS), ...(random() < 0.3 ? [pick(SLANG, 1.4)] : []), ...(random() < 0.4 ? [pick(NOUNS)] : [])])];
    yield { title, body, tags };
  }
}

/** Queries from common to rare, single words and pairs. */
export const QUERIES = ['爆款', '种草', '小红书', '干货', '涨粉', '爆款标题', '小红书 种草', '抖音 涨粉', '护肤 好物', '穿搭 平替', '露营 攻略', '相机 测评', '完播率', '私域 变现', '香水 避雷', '宠物 清单', 'B站 干货', '咖啡 探店', '理财 人设', '耳机 对比'];
