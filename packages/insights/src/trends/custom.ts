import { createRequire } from 'node:module';
import { onFirstUse } from '@creatorflow/core';
import { z } from 'zod';
import { SourceError, at, getText, parseHot, str } from './http.ts';
import type { FetchPort, RawTrendItem, RefreshTier, TrendSource } from './types.ts';
import { REFRESH_TIERS } from './types.ts';
import { CHECKED, clean } from './sources/define.ts';

// feedsmith (~14 MB resident) loads with the first custom feed, not at start-up.
const require = createRequire(import.meta.url);
const feedsmith = onFirstUse(() => require('feedsmith') as typeof import('feedsmith'));
const parseFeed: (typeof import('feedsmith'))['parseFeed'] = (...args) => feedsmith().parseFeed(...args);

/**
 * User-defined sources are data: a feed URL, or a JSON endpoint with a field
 * mapping. Paths are dotted (`data.list`, `items.0.title`).
 */
const path = z.string().min(1).max(200).regex(/^[\w$-]+(\.[\w$-]+)*$/, 'a dotted path such as data.list or title');
const tier = z.number().int().refine((n): n is RefreshTier => (REFRESH_TIERS as readonly number[]).includes(n), 'one of 2, 5, 10, 30, 60 (minutes)');

export const customSourceSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('feed'), url: z.string().url().max(2000) }),
  z.object({
    kind: z.literal('json'),
    url: z.string().url().max(2000),
    list_path: path,
    fields: z.object({ title: path, url: path.optional(), key: path.optional(), hot: path.optional(), summary: path.optional() }),
    /** Builds the link when the answer has an id but no URL: `https://example.com/p/{key}`. */
    url_template: z.string().max(2000).regex(/\{key\}/, 'must contain {key}').optional(),
  }),
]);
export type CustomSourceSpec = z.infer<typeof customSourceSpec>;

export interface CustomSourceRecord {
  id: string;
  workspaceId: string;
  name: string;
  tier: RefreshTier;
  spec: CustomSourceSpec;
}

export const customTier = tier;

function pick(value: unknown, dotted: string | undefined): unknown {
  if (!dotted) return undefined;
  return at(value, ...dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
}

function feedText(value: unknown): string {
  if (typeof value === 'string') return value;
  return str(at(value, 'value'));
}

/** Items of an RSS 2.0, Atom, RDF or JSON Feed document (feedsmith detects which). */
export function parseFeedItems(text: string, host: string): RawTrendItem[] {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text.trim().startsWith('{') ? (JSON.parse(text) as unknown) : text);
  } catch (cause) {
    throw new SourceError('TREND_SOURCE_SHAPE', `${host} did not answer an RSS, Atom or JSON feed`, { cause });
  }
  const items: RawTrendItem[] = [];
  if (parsed.format === 'rss' || parsed.format === 'rdf') {
    for (const item of parsed.feed.items ?? []) {
      const link = str((item as { link?: unknown }).link);
      const guid = at(item, 'guid');
      const key = feedText(guid) || link || str(item.title);
      items.push({ key, title: str(item.title), url: link, summary: str((item as { description?: unknown }).description) });
    }
  } else if (parsed.format === 'atom') {
    for (const entry of parsed.feed.entries ?? []) {
      const link = entry.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? entry.links?.[0]?.href ?? '';
      items.push({ key: str(entry.id) || link, title: feedText(entry.title), url: link, summary: feedText(entry.summary) });
    }
  } else {
    for (const item of parsed.feed.items ?? []) {
      items.push({ key: str(item.id) || str(item.url), title: str(item.title) || str(item.content_text).slice(0, 80), url: str(item.url) || str(item.external_url), summary: str(item.summary) });
    }
  }
  return clean(items);
}

export function mapJsonItems(body: unknown, spec: Extract<CustomSourceSpec, { kind: 'json' }>, host: string): RawTrendItem[] {
  const list = pick(body, spec.list_path);
  if (!Array.isArray(list)) throw new SourceError('TREND_SOURCE_SHAPE', `${host}: no list at '${spec.list_path}' — check the field mapping`);
  return clean(list.map((entry) => {
    const title = str(pick(entry, spec.fields.title));
    const key = str(pick(entry, spec.fields.key)) || str(pick(entry, spec.fields.url)) || title;
    const url = str(pick(entry, spec.fields.url)) || (spec.url_template ? spec.url_template.replace('{key}', encodeURIComponent(key)) : '');
    return { key, title, url, hot: parseHot(pick(entry, spec.fields.hot)), summary: str(pick(entry, spec.fields.summary)) };
  }));
}

/**
 * A custom source as a TrendSource. Its URL is the user's, so it is fetched
 * through `userFetch` (the SSRF-guarded fetch in cloud mode), never the
 * plain port the built-in lists use.
 */
export function customSource(record: CustomSourceRecord, userFetch: FetchPort): TrendSource {
  const host = new URL(record.spec.url).host;
  return {
    id: record.id,
    name: record.name,
    nameEn: record.name,
    list: record.spec.kind === 'feed' ? 'RSS' : 'JSON',
    platform: 'custom',
    category: 'custom',
    home: record.spec.url,
    tier: record.tier,
    ttlMinutes: Math.max(60, record.tier * 6),
    anchors: ['user-defined'],
    checked: CHECKED,
    shape: record.spec.kind === 'feed' ? 'feed' : 'json',
    async fetch(ctx) {
      const guarded = { ...ctx, http: userFetch };
      const text = await getText(guarded, record.spec.url, { headers: { Accept: record.spec.kind === 'feed' ? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, */*' : 'application/json, */*' } });
      if (record.spec.kind === 'feed') return parseFeedItems(text, host);
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch (cause) {
        throw new SourceError('TREND_SOURCE_SHAPE', `${host} did not answer JSON`, { cause });
      }
      return mapJsonItems(body, record.spec, host);
    },
  };
}
