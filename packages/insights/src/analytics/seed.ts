import { newUuid } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';

/**
 * Seeds followed posts with daily cumulative snapshots and follower counts
 * (tests, the dashboard e2e and bench/insights). Deterministic for a seed.
 */
export async function seedMetrics(
  database: Database,
  o: { workspaceId: string; accounts: Array<{ id: string; platform: string }>; postsPerAccount: number; days: number; now: Date; seed?: number; tags?: string[] },
): Promise<{ postIds: string[] }> {
  let state = (o.seed ?? 7) >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const tags = o.tags ?? ['美食', '旅行', '数码', '职场'];
  const postIds: string[] = [];
  const DAY = 86_400_000;
  for (const [a, account] of o.accounts.entries()) {
    const posts: unknown[][] = [];
    const snaps: unknown[][] = [];
    for (let i = 0; i < o.postsPerAccount; i++) {
      const id = newUuid();
      postIds.push(id);
      const hour = [8, 12, 18, 20, 21][Math.floor(rand() * 5)]!;
      const dayOffset = Math.floor(rand() * o.days);
      const day = new Date(o.now.getTime() - (dayOffset + 1) * DAY);
      const publishedAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour - 8, 0, 0));
      const reach = 500 * (a + 1) * Math.exp((rand() - 0.3) * 2) * (hour >= 18 ? 1.6 : 1);
      posts.push([id, o.workspaceId, account.id, account.platform, `seed-${id}`, `示例作品 ${a + 1}-${i + 1}`, JSON.stringify([tags[i % tags.length]]), publishedAt, null]);
      for (let d = 0; d * DAY < o.now.getTime() - publishedAt.getTime(); d++) {
        const at = new Date(publishedAt.getTime() + (d === 0 ? 3_600_000 : d * DAY));
        if (at > o.now) break;
        const grown = reach * (1 - Math.exp(-(d + 0.2) / 2));
        snaps.push([o.workspaceId, id, account.platform, at, Math.round(grown), Math.round(grown * 0.06), Math.round(grown * 0.008), Math.round(grown * 0.005), Math.round(grown * 0.012), account.platform === 'bilibili' ? Math.round(grown * 0.01) : null, account.platform === 'bilibili' ? Math.round(grown * 0.02) : null]);
      }
    }
    await bulk(database, 'metric_posts (id, workspace_id, account_id, platform, platform_post_id, title, tags, published_at, next_collect_at, source, checkpoint)', posts.map((p) => [...p, 'manual', 6]), ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'jsonb', 'timestamptz', 'timestamptz', 'text', 'int']);
    await bulk(database, 'metric_snapshots (workspace_id, post_id, platform, collected_at, views, likes, comments, shares, favorites, coins, danmaku, source)', snaps.map((s) => [...s, 'seed']), ['uuid', 'uuid', 'text', 'timestamptz', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'text']);
    const followers: unknown[][] = [];
    for (let d = o.days; d >= 0; d--) followers.push([o.workspaceId, account.id, account.platform, new Date(o.now.getTime() - d * DAY), 10_000 * (a + 1) + (o.days - d) * 37 * (a + 1), 'seed']);
    await bulk(database, 'metric_account_snapshots (workspace_id, account_id, platform, collected_at, followers, source)', followers, ['uuid', 'uuid', 'text', 'timestamptz', 'bigint', 'text']);
  }
  return { postIds };
}

/** Multi-row insert through unnest, in chunks, so seeding 300k rows stays quick on both drivers. */
async function bulk(database: Database, target: string, rows: unknown[][], types: string[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const columns = types.map((_, c) => chunk.map((r) => (r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c])));
    const select = types.map((t, c) => (t === 'jsonb' ? `c${c}::jsonb` : `c${c}`)).join(', ');
    const args = types.map((t, c) => `$${c + 1}::${t === 'jsonb' ? 'text' : t}[]`).join(', ');
    const names = types.map((_, c) => `c${c}`).join(', ');
    await database.query(`INSERT INTO ${target} SELECT ${select} FROM unnest(${args}) AS u(${names})`, columns);
  }
}
