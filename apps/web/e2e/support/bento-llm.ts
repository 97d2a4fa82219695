import { startFakeLlm, type FakeLlm, type FakeRule } from '@creatorflow/testing/fake-llm/index';

/**
 * The fake LLM the page-walking e2e tests share: every built-in graph answered
 * about one subject (打工人便当), so the pages they visit show real, Chinese
 * content. One list, so a graph's prompt change is fixed once.
 */
const shot = (seconds: number, n: number) => ({ scene: `镜头${n}`, durationSeconds: seconds, visuals: '厨房台面', voiceOver: '先把米饭压平', onScreenText: '第一步', musicCue: '轻快' });

export const BENTO_DRAFT = '# 打工人便当\n\n周日备菜，一周不重样。';

export interface BentoOptions {
  /** The draft content-creation writes (a longer one makes a page scroll on a phone). */
  draft?: string;
}

export function bentoRules(options: BentoOptions = {}): FakeRule[] {
  return [
    { match: '生成大纲', reply: { text: '## 一、备菜\n## 二、装盒' } },
    { match: '撰写正文', reply: { text: options.draft ?? BENTO_DRAFT } },
    { match: '自我审稿', reply: { json: { score: 9, issues: [] } } },
    { match: '标题候选', reply: { json: { titles: ['一周便当不重样', '打工人的午餐', '便当备菜法'] } } },
    { match: '短视频编导', reply: { json: { title: '三分钟便当', hook: '午饭只要十块钱', shots: [shot(5, 1), shot(5, 2), shot(5, 3), shot(5, 4), shot(5, 5), shot(5, 6), shot(10, 7), shot(10, 8), shot(10, 9)], cta: '关注看下期' } } },
    { match: '拆解这篇爆款', reply: { json: { hook: '月薪五千也能存钱', structure: ['反差开头', '三个方法', '行动号召'], emotions: ['焦虑', '希望'], why: '低门槛可模仿' } } },
    { match: '借鉴以下爆款结构', reply: { text: '# 大学生也能存下钱\n\n生活费一到先存 20%。' } },
    { match: '内容运营分析师', reply: { json: { summary: '表现平稳', top_posts: [], suggestions: [{ topic: '十元便当', why: '热度高' }] } } },
    { match: /.*/, reply: { text: '好的' } },
  ];
}

export function startBentoLlm(options: BentoOptions = {}): Promise<FakeLlm> {
  return startFakeLlm({ rules: bentoRules(options) });
}

/** The app's environment for a server whose only model is the fake. */
export const bentoAppEnv = (fake: FakeLlm): Record<string, string> => ({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, CREATORFLOW_DEFAULT_MODEL: 'openai:gpt-4o-mini' });
