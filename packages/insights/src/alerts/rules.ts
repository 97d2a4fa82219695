import type { TrendItemView } from '../trends/service.ts';
import { matchNiche, type NicheRules } from '../trends/niche.ts';
import type { AlertMessage } from './bots.ts';

/**
 * Alert rules: "a 美妆 item enters the top 10 anywhere", "velocity above X".
 * An item alerts once per rule (dedupe by rule + item), only inside the rule's
 * push window, and all of a window's hits go out as one digest.
 */
export interface AlertRule {
  id: string;
  name: string;
  niche: NicheRules;
  /** Alert when a matching item is at this rank or better. */
  topN?: number;
  /** Alert when a matching item climbs at least this many places an hour. */
  minVelocity?: number;
  /** Local push window ("08:00"–"22:00"), in the creator's time zone (default China, UTC+8). */
  window?: { start: string; end: string; utcOffsetMinutes?: number };
}

export interface AlertHit {
  key: string;
  item: TrendItemView;
  reason: 'top' | 'velocity';
}

const minutesOf = (hhmm: string) => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** Whether `now` falls in the window; a window past midnight (22:00–07:00) wraps. */
export function inPushWindow(window: AlertRule['window'], now: Date): boolean {
  if (!window) return true;
  const local = (now.getUTCHours() * 60 + now.getUTCMinutes() + (window.utcOffsetMinutes ?? 480) + 1440) % 1440;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start <= end ? local >= start && local < end : local >= start || local < end;
}

/** The items that trip a rule now and were not alerted before; empty outside the push window. */
export function evaluateRule(rule: AlertRule, items: TrendItemView[], alreadySent: ReadonlySet<string>, now: Date): AlertHit[] {
  if (rule.topN === undefined && rule.minVelocity === undefined) return [];
  if (!inPushWindow(rule.window, now)) return [];
  const hits: AlertHit[] = [];
  for (const item of items) {
    const key = `${rule.id}:${item.id}`;
    if (alreadySent.has(key) || !matchNiche(rule.niche, item.title)) continue;
    if (rule.topN !== undefined && item.rank <= rule.topN) hits.push({ key, item, reason: 'top' });
    else if (rule.minVelocity !== undefined && item.velocity >= rule.minVelocity) hits.push({ key, item, reason: 'velocity' });
  }
  return hits.sort((a, b) => a.item.rank - b.item.rank || b.item.velocity - a.item.velocity);
}

/** One digest for a window's hits (the bots split it by size when needed). */
export function digestMessage(rule: AlertRule, hits: AlertHit[]): AlertMessage {
  return {
    title: `「${rule.name}」热点提醒：${hits.length} 条`,
    lines: hits.map((h, i) => `${i + 1}. ${h.item.title} — ${h.item.source_name} 第${h.item.rank}名${h.item.velocity > 0 ? ` ↑${h.item.velocity} 名/小时` : ''}${h.reason === 'top' ? `（进入前 ${rule.topN}）` : '（上升快）'} ${h.item.url}`),
    data: { rule: rule.id, hits: hits.map((h) => ({ item_id: h.item.id, title: h.item.title, url: h.item.url, source_id: h.item.source_id, rank: h.item.rank, velocity: h.item.velocity, reason: h.reason })) },
  };
}
