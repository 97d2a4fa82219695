/**
 * When a post's numbers are read: 1 h, 6 h, 24 h, 3 d, 7 d and 30 d after
 * publishing, then weekly until 180 days (after that platforms barely move and
 * every read spends API quota or a logged-in page view).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const CHECKPOINT_OFFSETS_MS: readonly number[] = [HOUR, 6 * HOUR, DAY, 3 * DAY, 7 * DAY, 30 * DAY];
export const WEEKLY_MS = 7 * DAY;
export const FOLLOW_FOR_MS = 180 * DAY;

/** Offset after publishing of checkpoint `n` (0-based), or undefined when collection is over. */
export function checkpointOffset(n: number): number | undefined {
  if (n < CHECKPOINT_OFFSETS_MS.length) return CHECKPOINT_OFFSETS_MS[n];
  const offset = CHECKPOINT_OFFSETS_MS.at(-1)! + (n - CHECKPOINT_OFFSETS_MS.length + 1) * WEEKLY_MS;
  return offset <= FOLLOW_FOR_MS ? offset : undefined;
}

/**
 * The first checkpoint still ahead of `now` for a post published at
 * `publishedAt`, skipping the ones already passed (a post tracked late, or a
 * server that was off for days, collects once now instead of replaying every
 * missed checkpoint).
 */
export function nextCheckpoint(publishedAt: Date, after: number, now: Date): { checkpoint: number; at: Date } | undefined {
  for (let n = after; ; n++) {
    const offset = checkpointOffset(n);
    if (offset === undefined) return undefined;
    const at = publishedAt.getTime() + offset;
    if (at > now.getTime()) return { checkpoint: n, at: new Date(at) };
  }
}

/** Human label of a checkpoint (zh-CN), for the post page. */
export function checkpointLabel(n: number): string {
  const labels = ['1 小时', '6 小时', '24 小时', '3 天', '7 天', '30 天'];
  const offset = checkpointOffset(n);
  return labels[n] ?? (offset === undefined ? '已结束' : `${Math.round(offset / DAY)} 天`);
}
