import { SENTIMENT_CLASSES, SENTIMENT_LABELS, type SentimentClass } from './lexicon.ts';

export interface CommentForSummary {
  id: string;
  body: string;
  author: string | null;
  likes: number;
  sentiment: string | null;
  sentimentScore: number | null;
  sentimentBy: string | null;
  isQuestion: boolean;
}

export interface SentimentSummary {
  total: number;
  distribution: Array<{ sentiment: SentimentClass; label: string; count: number; share: number }>;
  /** The most liked and most clearly felt comment of each class present. */
  quotes: Array<{ sentiment: SentimentClass; label: string; text: string; author: string | null; likes: number }>;
  /** What the audience asks, most liked first; each can become an idea. */
  questions: Array<{ id: string; text: string; likes: number }>;
  /** `llm`, `lexicon` or `mixed`: how the classes were decided. */
  method: 'llm' | 'lexicon' | 'mixed' | 'none';
}

export function summarizeSentiment(comments: CommentForSummary[]): SentimentSummary {
  const classified = comments.filter((c): c is CommentForSummary & { sentiment: SentimentClass } => (SENTIMENT_CLASSES as readonly string[]).includes(c.sentiment ?? ''));
  const total = classified.length;
  const distribution = SENTIMENT_CLASSES.map((sentiment) => {
    const count = classified.filter((c) => c.sentiment === sentiment).length;
    return { sentiment, label: SENTIMENT_LABELS[sentiment], count, share: total ? Math.round((count / total) * 1000) / 1000 : 0 };
  });
  const quotes = SENTIMENT_CLASSES.flatMap((sentiment) => {
    const best = classified
      .filter((c) => c.sentiment === sentiment)
      .sort((a, b) => b.likes - a.likes || Math.abs(b.sentimentScore ?? 0) - Math.abs(a.sentimentScore ?? 0))[0];
    return best ? [{ sentiment, label: SENTIMENT_LABELS[sentiment], text: best.body, author: best.author, likes: best.likes }] : [];
  });
  const questions = comments
    .filter((c) => c.isQuestion)
    .sort((a, b) => b.likes - a.likes)
    .slice(0, 10)
    .map((c) => ({ id: c.id, text: c.body, likes: c.likes }));
  const methods = new Set(classified.map((c) => c.sentimentBy));
  const method = methods.size === 0 ? 'none' : methods.size > 1 ? 'mixed' : methods.has('llm') ? 'llm' : 'lexicon';
  return { total, distribution, quotes, questions, method };
}
