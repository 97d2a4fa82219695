/**
 * Dates as the 公众号 data API (datacube) sees them: calendar days in Beijing
 * time (YYYY-MM-DD), never later than yesterday, and at most a fixed number of
 * days per call (the endpoint's 最大时间跨度).
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing calendar day of an instant. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The latest day datacube answers for ("end_date 最大值为昨日"). */
export function latestDataDay(now: Date): string {
  return addDays(beijingDay(now), -1);
}

/** Days from `begin` to `end` inclusive (0 when end is before begin). */
export function daysBetween(begin: string, end: string): number {
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${begin}T00:00:00Z`)) / DAY_MS) + 1);
}

/**
 * Splits [begin, end] into ranges of at most `span` days. `end` is clamped to
 * yesterday first, so a caller cannot ask for a day WeChat refuses (61501).
 */
export function spanRanges(begin: string, end: string, span: number, now: Date): Array<{ begin_date: string; end_date: string }> {
  const last = end > latestDataDay(now) ? latestDataDay(now) : end;
  const ranges: Array<{ begin_date: string; end_date: string }> = [];
  for (let from = begin; from <= last; from = addDays(from, span)) {
    const to = addDays(from, span - 1);
    ranges.push({ begin_date: from, end_date: to < last ? to : last });
  }
  return ranges;
}
