import { CreatorFlowError } from '@creatorflow/core';
import type { TrendSource } from '../types.ts';
import { NEWS_SOURCES } from './news.ts';
import { SOCIAL_SOURCES } from './social.ts';
import { TECH_SOURCES } from './tech.ts';

/** Every built-in hot list, in the order the 热点 page shows them. */
export const BUILTIN_SOURCES: readonly TrendSource[] = [...SOCIAL_SOURCES, ...NEWS_SOURCES, ...TECH_SOURCES];

const byId = new Map(BUILTIN_SOURCES.map((s) => [s.id, s]));
if (byId.size !== BUILTIN_SOURCES.length) throw new Error('two built-in trend sources share an id');

export function builtinSource(id: string): TrendSource | undefined {
  return byId.get(id);
}

export function requireBuiltinSource(id: string): TrendSource {
  const source = byId.get(id);
  if (!source) throw new CreatorFlowError('TREND_SOURCE_UNKNOWN', `No trend source '${id}'. Known: ${[...byId.keys()].join(', ')}`, { status: 404, details: { source: id } });
  return source;
}
