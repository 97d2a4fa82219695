import { describe, expect, it } from 'vitest';
import type { ChatRequest, ChatResult, LlmPort } from '@creatorflow/core';
import { classifyComments } from './classify.ts';
import { isQuestion, lexiconSentiment } from './lexicon.ts';
import { summarizeSentiment } from './summary.ts';

const comments = [
  { id: '1', text: '太棒了，真的学到了很多干货！' },
  { id: '2', text: '还不错，支持一下' },
  { id: '3', text: '今天下雨了' },
  { id: '4', text: '不好看，有点失望' },
  { id: '5', text: '垃圾标题党，浪费时间，取关了' },
  { id: '6', text: '请问用的是什么相机？' },
];

describe('comment sentiment', () => {
  it('classifies five classes offline with the lexicon (negation and intensity included)', () => {
    expect(comments.map((c) => lexiconSentiment(c.text).sentiment)).toEqual(['very_positive', 'positive', 'neutral', 'negative', 'very_negative', 'neutral']);
    expect(lexiconSentiment('不喜欢').sentiment).toBe('negative');
  });

  it('finds the audience’s questions', () => {
    expect(comments.filter((c) => isQuestion(c.text)).map((c) => c.id)).toEqual(['6']);
    expect(isQuestion('能不能出个教程')).toBe(true);
  });

  it('uses the model in batches when one is configured', async () => {
    const requests: ChatRequest[] = [];
    const llm: Pick<LlmPort, 'chat'> = {
      async chat(request) {
        requests.push(request);
        const lines = String(request.messages[1]!.content).split('\n');
        const items = lines.map((line, i) => ({ i, sentiment: line.includes('下雨') ? 'neutral' : 'very_positive', question: line.includes('？') }));
        return { text: JSON.stringify({ items }), toolCalls: [], finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 }, costCents: 0, provider: 'fake', model: 'fake', latencyMs: 1 } satisfies ChatResult;
      },
    };
    const result = await classifyComments(comments, { llm, workspaceId: 'ws', batchSize: 4 });
    expect(requests).toHaveLength(2);
    expect(result.every((r) => r.by === 'llm')).toBe(true);
    expect(result.find((r) => r.id === '3')?.sentiment).toBe('neutral');
    expect(result.find((r) => r.id === '6')?.isQuestion).toBe(true);
  });

  it('falls back to the lexicon for a batch the model answers out of shape', async () => {
    const llm = { chat: async () => ({ text: 'sorry, I cannot', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 }, costCents: 0, provider: 'f', model: 'f', latencyMs: 1 }) } satisfies Pick<LlmPort, 'chat'>;
    const result = await classifyComments(comments, { llm, workspaceId: 'ws' });
    expect(result.every((r) => r.by === 'lexicon')).toBe(true);
    expect(result.find((r) => r.id === '5')?.sentiment).toBe('very_negative');
  });

  it('summarises a post: distribution, representative quotes and questions', async () => {
    const classified = await classifyComments(comments, { workspaceId: 'ws' });
    const summary = summarizeSentiment(comments.map((c, i) => {
      const r = classified.find((x) => x.id === c.id)!;
      return { id: c.id, body: c.text, author: `u${i}`, likes: 10 - i, sentiment: r.sentiment, sentimentScore: r.score, sentimentBy: r.by, isQuestion: r.isQuestion };
    }));
    expect(summary.total).toBe(6);
    expect(summary.distribution.map((d) => d.count)).toEqual([1, 1, 2, 1, 1]);
    expect(summary.quotes.find((q) => q.sentiment === 'very_positive')?.text).toBe('太棒了，真的学到了很多干货！');
    expect(summary.questions.map((q) => q.text)).toEqual(['请问用的是什么相机？']);
    expect(summary.method).toBe('lexicon');
  });
});
