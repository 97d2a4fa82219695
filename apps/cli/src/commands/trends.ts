import type { ApiClient } from '../api-client.ts';
import type { CommandModule } from './types.ts';
import { withClient, withConnection, type Connection } from './connection.ts';
import { print } from './output.ts';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
const enc = encodeURIComponent;

type Source = {
  id: string; name: string; category: string; tier_minutes: number; custom: boolean; needs_session: boolean; status: 'ok' | 'stale' | 'failing' | 'never';
  last_success_at: string | null; last_error_at: string | null; last_error_code: string | null; last_error: string | null; consecutive_failures: number; item_count: number;
};
type Item = { id: string; source_id: string; source_name: string; title: string; url: string; rank: number; best_rank: number; hot_value: number | null; velocity: number; heat: number; minutes_on_list: number; first_seen_at: string; last_seen_at: string; niche?: { group: string; words: string[] } };
type Cluster = { id: string; title: string; heat: number; velocity: number; platforms: string[]; items: Item[] };
type Refresh = { status: 'refreshed' | 'failed' | 'skipped'; source_id: string; items?: number; attempts?: number; code?: string; message?: string; stale?: boolean; reason?: string };
type Citation = { title: string; url: string; source_name: string; rank: number; heat: number; seen_at: string };
type Suggestion = { id: string; created_at: string; status: 'ok' | 'thin'; niche: string; message: string | null; trends_considered: number; topics: Array<{ topic: string; angle: string; why_now: string; titles: Array<{ platform: string; title: string }>; citations: Citation[] }> };

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
const velocity = (v: number) => (v > 0 ? `↑${v}/h` : v < 0 ? `↓${-v}/h` : '→');
const itemLine = (i: Item, withSource: boolean) =>
  `${String(i.rank).padStart(3)}. ${i.title}  heat ${i.heat}  ${velocity(i.velocity)}${i.hot_value !== null ? `  hot ${i.hot_value}` : ''}${withSource ? `  [${i.source_name}]` : ''}${i.niche ? `  (${i.niche.words.join(', ')})` : ''}  ${i.id}`;

function sourceLine(s: Source): string {
  const failed = s.last_error_at && (!s.last_success_at || s.last_error_at > s.last_success_at);
  const error = failed ? `  last error ${time(s.last_error_at)} ${s.last_error_code ?? ''}: ${s.last_error ?? ''}${s.consecutive_failures > 1 ? ` (${s.consecutive_failures}× in a row)` : ''}` : '';
  return `${s.id.padEnd(18)} [${s.status}]  ${s.name}  every ${s.tier_minutes} min  last ok ${time(s.last_success_at)}  ${s.item_count} items${s.needs_session ? '  needs login' : ''}${s.custom ? '  custom' : ''}${error}`;
}

function refreshLine(name: string, r: Refresh): string {
  if (r.status === 'refreshed') return `${name}: refreshed, ${r.items ?? 0} items`;
  if (r.status === 'skipped') return `${name}: skipped (${r.reason ?? 'another copy holds it'})`;
  return `${name}: failed ${r.code ?? ''} — ${r.message ?? ''}${r.stale ? ' (serving the last good list)' : ''}`;
}

function suggestionText(s: Suggestion): string {
  if (s.status === 'thin') return `「${s.niche}」: ${s.message ?? 'not enough trends to cite'} (${s.trends_considered} trends)`;
  return s.topics
    .map((t, n) =>
      [
        `${n + 1}. ${t.topic}`,
        t.angle && `   angle: ${t.angle}`,
        t.why_now && `   why now: ${t.why_now}`,
        ...t.titles.map((x) => `   ${x.platform}: ${x.title}`),
        `   sources (${t.citations.length}):`,
        ...[...t.citations].sort((a, b) => a.rank - b.rank).slice(0, 5).map((c) => `     - ${c.source_name} #${c.rank} heat ${c.heat} ${time(c.seen_at)}  ${c.title}  ${c.url}`),
      ].filter(Boolean).join('\n'),
    )
    .join('\n') + `\nsuggestion ${s.id} — save one with: creatorflow topics save ${s.id} <number>`;
}

async function refreshAll(client: ApiClient, ids: string[]): Promise<Array<{ name: string; result: Refresh }>> {
  const sources = (await client.request<{ items: Source[] }>('GET', '/api/trends/sources')).items;
  const chosen = ids.length ? ids.map((id) => sources.find((s) => s.id === id) ?? ({ id, name: id } as Source)) : sources;
  const results: Array<{ name: string; result: Refresh }> = [];
  // One at a time: each source is one request to a separate site, and the order of the output stays stable.
  for (const source of chosen) results.push({ name: source.name, result: await client.request<Refresh>('POST', `/api/trends/sources/${enc(source.id)}/refresh`) });
  return results;
}

/** `trends` and `topics`: hot lists, their health and history, and AI topic suggestions with their sources. */
export const trendsCommands: CommandModule = (program) => {
  const trends = program.command('trends').description('Hot lists across platforms / 热点');
  withConnection(trends.command('sources').description('Every source with its health (last success, last error, failures in a row)'))
    .option('--failing', 'only sources that are failing or serve a stale list')
    .action(async (opts: Connection & { failing?: boolean }) => {
      await withClient(opts, async (client) => {
        const items = (await client.request<{ items: Source[] }>('GET', '/api/trends/sources')).items.filter((s) => !opts.failing || s.status === 'failing' || s.status === 'stale');
        print(opts, items, () => items.map(sourceLine).join('\n') || 'No sources.');
      });
    });
  withConnection(trends.command('list').description('The merged view (default), one source\'s board, or what is rising in a niche'))
    .option('--source <id>', "one source's board in rank order")
    .option('--niche <text>', 'a saved niche or keywords: the items rising in it, fastest first')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: Connection & { source?: string; niche?: string; limit: string }) => {
      await withClient(opts, async (client) => {
        const limit = Math.max(1, Number(opts.limit) || 20);
        if (opts.source) {
          const items = (await client.request<{ items: Item[] }>('GET', `/api/trends/sources/${enc(opts.source)}/items`)).items.slice(0, limit);
          return print(opts, items, () => items.map((i) => itemLine(i, false)).join('\n') || `No items yet: run creatorflow trends refresh ${opts.source}`);
        }
        if (opts.niche) {
          const items = (await client.request<{ items: Item[] }>('GET', `/api/trends/rising?niche=${enc(opts.niche)}&limit=${limit}`)).items;
          return print(opts, items, () => items.map((i) => itemLine(i, true)).join('\n') || `Nothing from 「${opts.niche}」 is on a list right now.`);
        }
        const clusters = (await client.request<{ items: Cluster[] }>('GET', `/api/trends/merged?limit=${limit}`)).items;
        print(opts, clusters, () =>
          clusters.map((c, n) => `${String(n + 1).padStart(3)}. ${c.title}  heat ${c.heat}  ${velocity(c.velocity)}  ${c.platforms.length} platforms: ${c.items.slice(0, 4).map((i) => `${i.source_name} #${i.rank}`).join(', ')}${c.items.length > 4 ? ` +${c.items.length - 4}` : ''}`).join('\n') || 'No trends yet: run creatorflow trends refresh',
        );
      });
    });
  withConnection(trends.command('show <item-id>').description('One item with its rank history'))
    .option('--days <n>', 'history window in days', '7')
    .action(async (id: string, opts: Connection & { days: string }) => {
      await withClient(opts, async (client) => {
        const detail = await client.request<{ item: Item; history: Array<{ seen_at: string; rank: number; hot_value: number | null }> }>('GET', `/api/trends/items/${enc(id)}?days=${enc(opts.days)}`);
        const { item } = detail;
        print(opts, detail, () =>
          [
            item.title,
            `${item.source_name} #${item.rank} (best #${item.best_rank})  heat ${item.heat}  ${velocity(item.velocity)}  on the list ${item.minutes_on_list} min`,
            `first seen ${time(item.first_seen_at)}  last seen ${time(item.last_seen_at)}  ${item.url}`,
            'rank history:',
            ...detail.history.map((h) => `  ${time(h.seen_at)}  #${String(h.rank).padEnd(3)} ${'█'.repeat(Math.max(1, 21 - Math.min(h.rank, 20)))}${h.hot_value !== null ? `  ${h.hot_value}` : ''}`),
          ].join('\n'),
        );
      });
    });
  withConnection(trends.command('refresh [source-ids...]').description('Refresh sources now (all when none is named)'))
    .action(async (ids: string[], opts: Connection) => {
      await withClient(opts, async (client) => {
        const results = await refreshAll(client, ids);
        const failed = results.filter((r) => r.result.status === 'failed').length;
        print(opts, results.map((r) => r.result), () => `${results.map((r) => refreshLine(r.name, r.result)).join('\n')}\n${results.length - failed} refreshed or skipped, ${failed} failed`);
      });
    });

  const topics = program.command('topics').description('AI topic suggestions that cite their trends / 选题');
  withConnection(topics.command('suggest').description('Suggest topics from the trends of a niche (a saved niche name or keywords)'))
    .requiredOption('--niche <text>', 'saved niche or keywords, e.g. "美妆 护肤"')
    .option('--platform <ids>', 'target platforms, comma-separated or repeated', collect)
    .option('--count <n>', 'how many topics (1–10)', '5')
    .option('--model <model>', 'model to use')
    .action(async (opts: Connection & { niche: string; platform?: string[]; count: string; model?: string }) => {
      await withClient(opts, async (client) => {
        const result = await client.request<Suggestion>('POST', '/api/topics/suggest', { niche: opts.niche, platforms: opts.platform, count: Number(opts.count), model: opts.model });
        print(opts, result, () => suggestionText(result));
      });
    });
  withConnection(topics.command('list').description('Recent suggestion batches'))
    .action(async (opts: Connection) => {
      await withClient(opts, async (client) => {
        const items = (await client.request<{ items: Suggestion[] }>('GET', '/api/topics/suggestions')).items;
        print(opts, items, () => items.map((s) => `${s.id}  ${time(s.created_at)}  「${s.niche}」  [${s.status}]  ${s.topics.map((t) => t.topic).join(' / ')}`).join('\n') || 'No suggestions yet.');
      });
    });
  withConnection(topics.command('save <suggestion-id> <number>').description('Save one suggested topic to 想法库 with its brief and sources'))
    .action(async (id: string, number: string, opts: Connection) => {
      await withClient(opts, async (client) => {
        const saved = await client.request<{ idea_id: string; brief: string; start: { graph: string } }>('POST', `/api/topics/suggestions/${enc(id)}/topics/${enc(number)}/idea`);
        print(opts, saved, () => `Saved idea ${saved.idea_id}\n${saved.brief}\nStart writing: creatorflow run ${saved.start.graph} -i "topic=${saved.brief.split('\n')[0]!.replace(/"/g, '\\"')}"`);
      });
    });
};
