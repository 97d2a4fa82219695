import type { AlertMessage } from '../alerts/bots.ts';
import type { MetricsDomain } from '../metrics/domain.ts';
import type { TrendStore } from '../trends/store.ts';

/**
 * 周报: the last 7 days from the dashboard's own numbers — per platform (views,
 * interactions, followers, median 爆款分), the top posts by 爆款分 with their
 * comments' sentiment and what the audience asks, and next week's topics from
 * the latest cited AI选题 of the week (none are made up: without a suggestion
 * the report says so). The same report is shown on 数据看板 and sent to the
 * alert channels (once per ISO week, alert_digests scope 'weekly').
 */
export interface WeeklyReport {
  week: string;
  from: Date;
  to: Date;
  platforms: Array<{ platform: string; posts: number; views: number; interactions: number; followers: number; medianViralScore: number | null }>;
  topPosts: Array<{ id: string; platform: string; title: string; url: string | null; views: number | null; viralScore: number | null; sentiment: string | null; questions: string[] }>;
  nextTopics: Array<{ topic: string; whyNow: string; citations: number }>;
  topicsNiche: string | null;
}

const DAY = 86_400_000;

/** ISO week of a date in China time, e.g. 2026-W49. */
export function isoWeek(date: Date, utcOffsetMinutes = 480): string {
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export async function weeklyReport(domain: MetricsDomain, trends: Pick<TrendStore, 'suggestions'>, workspaceId: string): Promise<WeeklyReport> {
  const overview = await domain.analytics.overview(workspaceId, 7);
  const since = overview.from.getTime();
  const platforms = overview.platforms.map((p) => {
    const gains = overview.gains.filter((g) => g.platform === p.platform);
    return {
      platform: p.platform, posts: p.posts, followers: p.followers, medianViralScore: p.medianViralScore,
      views: gains.reduce((s, g) => s + g.views, 0), interactions: gains.reduce((s, g) => s + g.interactions, 0),
    };
  });
  const week = (await domain.analytics.scoredPosts(workspaceId)).filter((p) => p.publishedAt.getTime() >= since).sort((a, b) => (b.viralScore ?? -1) - (a.viralScore ?? -1)).slice(0, 5);
  const topPosts = [];
  for (const p of week) {
    const detail = await domain.metrics.detail(workspaceId, p.id);
    const present = detail.sentiment.distribution.filter((d) => d.count > 0).sort((a, b) => b.count - a.count);
    topPosts.push({
      id: p.id, platform: p.platform, title: p.title, url: p.url, views: p.views, viralScore: p.viralScore,
      sentiment: detail.sentiment.total ? present.map((d) => `${d.label} ${Math.round(d.share * 100)}%`).join('、') : null,
      questions: detail.sentiment.questions.slice(0, 3).map((q) => q.text),
    });
  }
  const latest = (await trends.suggestions(workspaceId, 10)).find((s) => s.status === 'ok' && new Date(s.created_at).getTime() >= since);
  const payload = (latest?.payload ?? { topics: [] }) as { topics?: Array<{ topic: string; why_now: string; citations: unknown[] }> };
  return {
    week: isoWeek(overview.to), from: overview.from, to: overview.to, platforms, topPosts,
    nextTopics: (payload.topics ?? []).slice(0, 5).map((t) => ({ topic: t.topic, whyNow: t.why_now, citations: t.citations.length })),
    topicsNiche: latest?.niche ?? null,
  };
}

/** The report as a bot message (the bots split it by size when needed). */
export function weeklyMessage(report: WeeklyReport, platformName: (id: string) => string = (id) => id): AlertMessage {
  const fmt = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(1)}万` : String(n));
  const lines = ['【本周数据】'];
  if (report.platforms.length === 0) lines.push('本周还没有可统计的作品。');
  for (const p of report.platforms) lines.push(`${platformName(p.platform)}：新增阅读/播放 ${fmt(p.views)}，新增互动 ${fmt(p.interactions)}，粉丝 ${fmt(p.followers)}${p.medianViralScore !== null ? `，爆款分中位数 ${Math.round(p.medianViralScore)}` : ''}`);
  lines.push('', '【表现最好的作品】');
  if (report.topPosts.length === 0) lines.push('本周没有发布作品。');
  report.topPosts.forEach((p, i) => {
    lines.push(`${i + 1}. ${p.title}（${platformName(p.platform)}${p.viralScore !== null ? `，爆款分 ${Math.round(p.viralScore)}` : ''}）${p.url ? ` ${p.url}` : ''}`);
    if (p.sentiment) lines.push(`   评论情绪：${p.sentiment}`);
    if (p.questions.length) lines.push(`   读者在问：${p.questions.join(' / ')}`);
  });
  lines.push('', '【下周选题】');
  if (report.nextTopics.length === 0) lines.push('本周还没有带出处的 AI 选题：在「选题」页按你的领域生成后，周报会列出。');
  report.nextTopics.forEach((t, i) => lines.push(`${i + 1}. ${t.topic}${t.whyNow ? ` — ${t.whyNow}` : ''}（引用 ${t.citations} 条热点）`));
  return { title: `创流周报 ${report.week}`, lines, data: { week: report.week } };
}
