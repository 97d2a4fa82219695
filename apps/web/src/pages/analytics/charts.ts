import type { ChartOption } from '../../components/chart.tsx';
import type { AnalyticsBreakdown, AnalyticsHeatmap, AnalyticsOverview, PostDetail } from '../../api/analytics.ts';

const COLORS = ['#5b5bd6', '#36cfc9', '#f7a440', '#e8684a', '#6dc8ec', '#9270ca', '#ff99c3', '#269a99'];

/** Every day of the range as YYYY-MM-DD (Beijing), so gaps show as zero instead of vanishing. */
export function daysBetween(from: string, to: string): string[] {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const out: string[] = [];
  for (let t = new Date(from).getTime(); day(new Date(t)) <= day(new Date(to)); t += 86_400_000) out.push(day(new Date(t)));
  return out;
}

/** One line per platform over the days of the range. */
export function perPlatformLines(days: string[], rows: Array<{ day: string; platform: string; value: number }>, name: (platform: string) => string, fillGaps: boolean): ChartOption {
  const platforms = [...new Set(rows.map((r) => r.platform))].sort();
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', data: platforms.map(name) },
    grid: { left: 56, right: 16, bottom: 28, top: 36 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value' },
    series: platforms.map((p) => ({
      name: name(p),
      type: 'line',
      smooth: true,
      showSymbol: false,
      connectNulls: true,
      data: days.map((d) => rows.find((r) => r.platform === p && r.day === d)?.value ?? (fillGaps ? 0 : null)),
    })),
  };
}

export function accountLines(days: string[], accounts: AnalyticsOverview['accounts'], label: (a: AnalyticsOverview['accounts'][number]) => string): ChartOption {
  const shown = accounts.filter((a) => a.series.length > 0);
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', data: shown.map(label) },
    grid: { left: 56, right: 16, bottom: 28, top: 36 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value', scale: true },
    series: shown.map((a) => ({ name: label(a), type: 'line', smooth: true, showSymbol: false, connectNulls: true, data: days.map((d) => a.series.find((s) => s.day === d)?.followers ?? null) })),
  };
}

export function heatmapOption(h: AnalyticsHeatmap, weekdays: string[], labels: { score: string; posts: string }): ChartOption {
  const hours = Array.from({ length: 24 }, (_, i) => `${i}`);
  // The colour scale spans the scores present, so differences between slots are visible.
  const scores = h.cells.map((c) => c.median_score);
  const max = Math.max(1, ...scores);
  const min = scores.length > 1 ? Math.max(0, Math.min(...scores) - 5) : 0;
  return {
    tooltip: {
      formatter: (p: { data: [number, number, number, number] }) => `${weekdays[p.data[1]]} ${p.data[0]}:00<br/>${labels.score}: ${p.data[2]}<br/>${labels.posts}: ${p.data[3]}`,
    },
    grid: { left: 44, right: 12, bottom: 64, top: 8 },
    xAxis: { type: 'category', data: hours, splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, splitArea: { show: true } },
    visualMap: { min, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#dfe1ff', '#8f8fe8', '#3b3bb3'] } },
    series: [{ type: 'heatmap', data: h.cells.map((c) => [c.hour, c.weekday, Math.round(c.median_score), c.posts]), label: { show: false } }],
  };
}

export function breakdownBars(rows: AnalyticsBreakdown['tags'], scoreLabel: string): ChartOption {
  const top = rows.slice(0, 10).reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 96, right: 24, bottom: 24, top: 8 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: top.map((r) => `${r.key}（${r.posts}）`) },
    series: [{ name: scoreLabel, type: 'bar', data: top.map((r) => Math.round(r.median_viral_score ?? 0)), itemStyle: { color: '#5b5bd6' }, label: { show: true, position: 'right' } }],
  };
}

export function seriesOption(snapshots: PostDetail['snapshots'], labels: { views: string; likes: string; comments: string; favorites: string }): ChartOption {
  const at = (s: PostDetail['snapshots'][number]) => new Date(s.collected_at).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.views, labels.likes, labels.comments, labels.favorites] },
    grid: { left: 56, right: 56, bottom: 28, top: 36 },
    xAxis: { type: 'category', data: snapshots.map(at) },
    yAxis: [{ type: 'value', name: labels.views }, { type: 'value' }],
    series: [
      { name: labels.views, type: 'line', smooth: true, data: snapshots.map((s) => s.views) },
      { name: labels.likes, type: 'line', smooth: true, yAxisIndex: 1, data: snapshots.map((s) => s.likes) },
      { name: labels.comments, type: 'line', smooth: true, yAxisIndex: 1, data: snapshots.map((s) => s.comments) },
      { name: labels.favorites, type: 'line', smooth: true, yAxisIndex: 1, data: snapshots.map((s) => s.favorites) },
    ],
  };
}

export function sentimentBars(distribution: PostDetail['sentiment']['distribution'], label: (s: string) => string): ChartOption {
  const colors: Record<string, string> = { very_negative: '#cf1322', negative: '#ff7a45', neutral: '#bfbfbf', positive: '#73d13d', very_positive: '#389e0d' };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 72, right: 32, bottom: 8, top: 8 },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: distribution.map((d) => label(d.sentiment)), inverse: true },
    series: [{ type: 'bar', data: distribution.map((d) => ({ value: d.count, itemStyle: { color: colors[d.sentiment] } })), label: { show: true, position: 'right' } }],
  };
}
