import { writeFileSync } from 'node:fs';
import type { ApiClient } from '../api-client.ts';
import { withClient, withConnection, type Connection } from './connection.ts';
import type { CommandModule } from './types.ts';

type Conn = Connection;

interface PostRow {
  id: string;
  platform: string;
  account_name: string | null;
  title: string;
  url: string | null;
  published_at: string;
  views: number | null;
  likes: number | null;
  comments: number | null;
  engagement_rate: number | null;
  viral_score: number | null;
  last_collected_at: string | null;
  last_error_code: string | null;
}

interface Overview {
  posts: number;
  platforms: Array<{ platform: string; posts: number; views: number; likes: number; comments: number; shares: number; favorites: number; followers: number; median_viral_score: number | null }>;
  gains: Array<{ day: string; platform: string; views: number; interactions: number }>;
  collectable_platforms: string[];
}

interface Detail {
  post: { id: string; platform: string; title: string; url: string | null; published_at: string; last_collected_at: string | null; last_error_code: string | null; last_error_message: string | null };
  next_checkpoint: string | null;
  snapshots: Array<{ collected_at: string; views: number | null; likes: number | null; comments: number | null; shares: number | null; favorites: number | null }>;
  viral_score: { score: number; estimate: boolean; features: Array<{ name: string; value: number | null; baseline: number | null; weight: number; contribution: number; normalized: number | null }>; notes: string[] } | null;
  sentiment: { total: number; method: string; distribution: Array<{ label: string; count: number; share: number }>; quotes: Array<{ label: string; text: string }>; questions: Array<{ text: string; likes: number }> };
}

const out = (o: Conn, data: unknown, text: string): void => {
  process.stdout.write(o.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
};
const n = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const FEATURES: Record<string, string> = { interactions: '加权互动', velocity: '早期速度', engagement: '互动率', heat: '话题热度' };

function postLine(p: PostRow): string {
  return [p.id, p.platform, day(p.published_at), `views ${n(p.views)}`, `likes ${n(p.likes)}`, `comments ${n(p.comments)}`, `score ${n(p.viral_score)}`, p.title || '(untitled)', p.last_error_code ?? ''].join('\t').trimEnd();
}

function detailText(d: Detail): string {
  const latest = d.snapshots.at(-1);
  const lines = [
    `${d.post.title || '(untitled)'} — ${d.post.platform}${d.post.url ? ` ${d.post.url}` : ''}`,
    `published ${day(d.post.published_at)} · ${d.snapshots.length} readings · next: ${d.next_checkpoint ?? 'done'}`,
    latest ? `latest: views ${n(latest.views)}, likes ${n(latest.likes)}, comments ${n(latest.comments)}, shares ${n(latest.shares)}, favorites ${n(latest.favorites)}` : 'no numbers yet',
  ];
  if (d.post.last_error_code) lines.push(`last error: ${d.post.last_error_code} ${d.post.last_error_message ?? ''}`.trimEnd());
  if (d.viral_score) {
    lines.push(`爆款分 ${d.viral_score.score}${d.viral_score.estimate ? ' (estimate)' : ''}:`);
    for (const f of d.viral_score.features) lines.push(`  ${FEATURES[f.name] ?? f.name}\tvalue ${n(f.value)}\tbaseline ${n(f.baseline)}\tweight ${f.weight}\t${f.normalized === null ? 'not counted' : `+${f.contribution}`}`);
    for (const note of d.viral_score.notes) lines.push(`  note: ${note}`);
  }
  if (d.sentiment.total > 0) {
    lines.push(`comments: ${d.sentiment.total} (${d.sentiment.method}) — ${d.sentiment.distribution.filter((x) => x.count > 0).map((x) => `${x.label} ${x.count}`).join(', ')}`);
    for (const q of d.sentiment.quotes) lines.push(`  [${q.label}] ${q.text}`);
    for (const q of d.sentiment.questions) lines.push(`  ? ${q.text} (${q.likes} likes)`);
  }
  return lines.join('\n');
}

async function allPosts(c: ApiClient, query: string): Promise<PostRow[]> {
  const items: PostRow[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await c.request<{ items: PostRow[]; total: number }>('GET', `/api/analytics/posts?limit=200&offset=${offset}${query}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** `creatorflow metrics …` and `creatorflow report weekly`: own-post numbers from the terminal. */
export const metricsCommands: CommandModule = (program) => {
  const metrics = program.command('metrics').description('Numbers of your published posts (数据看板): follow, collect, show, export');

  withConnection(metrics.command('add <url>'))
    .description('我已发布: follow a post you published by hand, by its link')
    .option('--title <title>', 'the post title')
    .option('--account <id>', 'the account it was published with')
    .option('--platform <id>', 'the platform, when the link does not say')
    .option('--published-at <iso>', 'when it was published (default: now)')
    .action(async (url: string, o: Conn & { title?: string; account?: string; platform?: string; publishedAt?: string }) => {
      const post = await withClient(o, (c) => c.request<{ id: string; platform: string; next_collect_at: string | null }>('POST', '/api/metrics/posts', { url, title: o.title, account_id: o.account, platform: o.platform, published_at: o.publishedAt }));
      out(o, post, `Following ${post.platform} post ${post.id}; first reading ${post.next_collect_at ? day(post.next_collect_at) : 'not scheduled'}`);
    });

  withConnection(metrics.command('collect [post-id]'))
    .description('Read numbers now: one post, or every post of the period not read in the last hour (at most --max)')
    .option('--days <n>', 'period for all posts', '7')
    .option('--platform <id>', 'only this platform')
    .option('--max <n>', 'posts read at most', '20')
    .action(async (postId: string | undefined, o: Conn & { days: string; platform?: string; max: string }) => {
      await withClient(o, async (c) => {
        if (postId) {
          const d = await c.request<Detail>('POST', `/api/metrics/posts/${encodeURIComponent(postId)}/collect`);
          return out(o, d, detailText(d));
        }
        const since = Date.now() - Number(o.days) * 86_400_000;
        const stale = (await allPosts(c, o.platform ? `&platform=${encodeURIComponent(o.platform)}` : ''))
          .filter((p) => Date.parse(p.published_at) >= since && (!p.last_collected_at || Date.now() - Date.parse(p.last_collected_at) > 3_600_000))
          .slice(0, Number(o.max));
        const results: Array<{ post_id: string; ok: boolean; error?: string }> = [];
        for (const p of stale) {
          try {
            await c.request('POST', `/api/metrics/posts/${p.id}/collect`);
            results.push({ post_id: p.id, ok: true });
          } catch (error) {
            results.push({ post_id: p.id, ok: false, error: (error as Error).message });
          }
        }
        out(o, { collected: results }, results.length === 0 ? 'Nothing to read: every post of the period was read within the hour.' : results.map((r) => `${r.ok ? '✔' : '✘'} ${r.post_id}${r.error ? ` ${r.error}` : ''}`).join('\n'));
      });
    });

  withConnection(metrics.command('show [post-id]'))
    .description('One post (series, 爆款分 with every feature, comment sentiment), or the overview and top posts')
    .option('--days <n>', 'overview period', '30')
    .option('--platform <id>', 'only this platform')
    .option('--sort <key>', 'published_at | views | viral_score | engagement_rate', 'viral_score')
    .option('--limit <n>', 'posts listed', '10')
    .action(async (postId: string | undefined, o: Conn & { days: string; platform?: string; sort: string; limit: string }) => {
      await withClient(o, async (c) => {
        if (postId) {
          const d = await c.request<Detail>('GET', `/api/metrics/posts/${encodeURIComponent(postId)}`);
          return out(o, d, detailText(d));
        }
        const overview = await c.request<Overview>('GET', `/api/analytics/overview?days=${Number(o.days)}`);
        const posts = await c.request<{ items: PostRow[]; total: number }>('GET', `/api/analytics/posts?sort=${encodeURIComponent(o.sort)}&limit=${Number(o.limit)}${o.platform ? `&platform=${encodeURIComponent(o.platform)}` : ''}`);
        if (overview.posts === 0) return out(o, { overview, posts }, 'No posts followed yet: publish through CreatorFlow, or `creatorflow metrics add <link>` for a post published by hand.');
        const lines = overview.platforms.map((p) => `${p.platform}\tposts ${p.posts}\tviews ${p.views}\tlikes ${p.likes}\tcomments ${p.comments}\tfollowers ${p.followers || '-'}\tmedian score ${n(p.median_viral_score === null ? null : Math.round(p.median_viral_score))}`);
        out(o, { overview, posts }, [...lines, '', ...posts.items.map(postLine)].join('\n'));
      });
    });

  withConnection(metrics.command('export'))
    .description('The post table as CSV or XLSX')
    .option('--format <f>', 'csv | xlsx', 'csv')
    .option('--platform <id>', 'only this platform')
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(async (o: Conn & { format: string; platform?: string; out: string }) => {
      await withClient(o, async (c) => {
        const response = await c.fetch(`/api/analytics/export?format=${encodeURIComponent(o.format)}${o.platform ? `&platform=${encodeURIComponent(o.platform)}` : ''}`);
        if (!response.ok) throw new Error(`export failed: ${response.status} ${await response.text()}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        writeFileSync(o.out, bytes);
        out(o, { file: o.out, bytes: bytes.length }, `Wrote ${o.out} (${bytes.length} bytes)`);
      });
    });

  const report = program.command('report').description('Reports from your numbers');
  withConnection(report.command('weekly'))
    .description('周报: the last 7 days per platform, top posts, their audience, and (with --niche) the analytics graph\'s review and next week\'s topics')
    .option('--niche <text>', 'your niche: runs graphs/analytics.yaml for the review and topic ideas')
    .option('--platform <id>', 'platform for the topic ideas', 'xiaohongshu')
    .option('--timeout <s>', 'seconds to wait for the review', '300')
    .action(async (o: Conn & { niche?: string; platform: string; timeout: string }) => {
      await withClient(o, async (c) => {
        const overview = await c.request<Overview>('GET', '/api/analytics/overview?days=7');
        const since = Date.now() - 7 * 86_400_000;
        const top = (await c.request<{ items: PostRow[] }>('GET', '/api/analytics/posts?sort=viral_score&limit=50')).items.filter((p) => Date.parse(p.published_at) >= since).slice(0, 5);
        const audience: Array<{ post: string; questions: string[]; distribution: string }> = [];
        for (const p of top) {
          const d = await c.request<Detail>('GET', `/api/metrics/posts/${p.id}`);
          if (d.sentiment.total > 0) audience.push({ post: p.title, questions: d.sentiment.questions.slice(0, 3).map((q) => q.text), distribution: d.sentiment.distribution.filter((x) => x.count > 0).map((x) => `${x.label} ${x.count}`).join(', ') });
        }
        let review: unknown;
        if (o.niche) {
          const run = await c.request<{ id: string }>('POST', '/api/runs', { graph: 'analytics', inputs: { niche: o.niche, platform: o.platform, days: 7 } });
          const deadline = Date.now() + Number(o.timeout) * 1000;
          for (;;) {
            const state = await c.request<{ status: string; output?: { report?: unknown }; error?: { message?: string } }>('GET', `/api/runs/${run.id}`);
            if (state.status === 'completed') {
              review = state.output?.report;
              break;
            }
            if (['failed', 'cancelled'].includes(state.status)) throw new Error(`the analytics run ${run.id} ${state.status}: ${state.error?.message ?? ''}`);
            if (Date.now() > deadline) throw new Error(`the analytics run ${run.id} is still ${state.status}; see \`creatorflow runs show ${run.id}\``);
            await new Promise((r) => setTimeout(r, 500));
          }
        }
        const week = (p: string) => overview.gains.filter((g) => g.platform === p).reduce((s, g) => ({ views: s.views + g.views, interactions: s.interactions + g.interactions }), { views: 0, interactions: 0 });
        const lines = ['周报 · last 7 days', ...overview.platforms.map((p) => `${p.platform}\t+${week(p.platform).views} views\t+${week(p.platform).interactions} interactions\tfollowers ${p.followers || '-'}`)];
        lines.push('', 'Top posts:', ...(top.length ? top.map(postLine) : ['(none published this week)']));
        for (const a of audience) lines.push(`  ${a.post}: ${a.distribution}${a.questions.length ? ` — asks: ${a.questions.join(' / ')}` : ''}`);
        if (review) {
          const r = review as { summary?: string; suggestions?: Array<{ topic: string; why?: string }> };
          lines.push('', `Review: ${r.summary ?? ''}`, 'Next week:', ...(r.suggestions ?? []).map((s, i) => `  ${i + 1}. ${s.topic}${s.why ? ` — ${s.why}` : ''}`));
        }
        out(o, { overview, top_posts: top, audience, review: review ?? null }, lines.join('\n'));
      });
    });
};
