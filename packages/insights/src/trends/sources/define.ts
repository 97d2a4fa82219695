import type { RawTrendItem, TrendSource } from '../types.ts';

export const CHECKED = '2026-12-02';
export const DAILYHOT = (route: string) => `imsyy/DailyHotApi src/routes/${route}.ts`;
export const NEWSNOW = (file: string) => `ourongxing/newsnow server/sources/${file}.ts`;

type Definition = Omit<TrendSource, 'checked' | 'ttlMinutes'> & { ttlMinutes?: number };

/** A built-in source; the TTL defaults to six refresh intervals (at least an hour) so a short outage serves the last list. */
export function defineSource(definition: Definition): TrendSource {
  return { ttlMinutes: Math.max(60, definition.tier * 6), checked: CHECKED, ...definition };
}

/** Drops entries without a title or URL and repeats of a key (lists sometimes pin the same entry twice). */
export function clean(items: RawTrendItem[]): RawTrendItem[] {
  const seen = new Set<string>();
  const out: RawTrendItem[] = [];
  for (const item of items) {
    const title = item.title.replace(/\s+/g, ' ').trim();
    if (!title || !item.url || !item.key) continue;
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    out.push({ ...item, title: title.slice(0, 300), summary: item.summary ? item.summary.replace(/<[^>]+>/g, '').trim().slice(0, 500) || null : null });
  }
  return out;
}
