import { CreatorFlowError, type Clock } from '@creatorflow/core';
import type { TrendStore } from './store.ts';
import { normaliseTitle, titleKeywords } from './text.ts';
import type { FetchPort, RawTrendItem, SessionCookies, TrendSource } from './types.ts';

export interface RefreshOptions {
  http: FetchPort;
  sessions?: SessionCookies;
  clock: Clock;
  /** Who refreshes (process id); the lease names it. */
  owner: string;
  /** One attempt's time limit. */
  timeoutMs?: number;
  /** Attempts per refresh (bounded; default 3) and the first backoff delay. */
  attempts?: number;
  backoffMs?: number;
  /** Waits between attempts; tests pass a no-op sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Random jitter in [0, 1) (tests pin it). */
  random?: () => number;
}

export type RefreshOutcome =
  | { status: 'refreshed'; sourceId: string; items: number; attempts: number }
  | { status: 'failed'; sourceId: string; code: string; message: string; attempts: number; stale: boolean }
  | { status: 'skipped'; sourceId: string; reason: 'not_due' | 'leased' };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * When to refresh next: the tier interval plus up to 10 % jitter, so sources
 * of one tier (and server copies) do not all hit the network in the same second.
 * After failures the interval doubles per consecutive failure, capped at 1 h.
 */
export function nextDue(now: Date, tierMinutes: number, failures: number, random: () => number): Date {
  const base = tierMinutes * 60_000 * Math.min(2 ** Math.max(0, failures), Math.max(1, 60 / tierMinutes));
  return new Date(now.getTime() + base + Math.floor(random() * tierMinutes * 6_000));
}

function errorParts(error: unknown): { code: string; message: string; retryable: boolean } {
  if (CreatorFlowError.isInstance(error)) return { code: error.code, message: error.message, retryable: error.retryable };
  return { code: 'TREND_SOURCE_FAILED', message: error instanceof Error ? error.message : String(error), retryable: true };
}

/**
 * Refreshes one source: takes its lease (one refresher per source across
 * copies; none while not due unless forced), fetches with bounded retries and
 * exponential backoff, stores the snapshot and updates its health. A failing
 * source records the error and keeps its last good items (stale-on-error:
 * they stay on the board until the TTL runs out); it never throws, so one
 * broken list cannot stop the others.
 */
export async function refreshSource(store: TrendStore, source: TrendSource, workspaceId: string | null, options: RefreshOptions & { force?: boolean }): Promise<RefreshOutcome> {
  const now = options.clock.now();
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 15_000;
  await store.ensureStates([{ id: source.id, workspaceId }], now);
  if (!(await store.claim(source.id, options.owner, now, timeoutMs * 4 + 30_000, options.force ?? false))) {
    const state = (await store.states([source.id])).get(source.id);
    return { status: 'skipped', sourceId: source.id, reason: state && state.next_due_at > now && !(state.lease_until && state.lease_until > now) ? 'not_due' : 'leased' };
  }
  const attempts = Math.max(1, Math.min(options.attempts ?? 3, 5));
  const sleep = options.sleep ?? defaultSleep;
  let last: { code: string; message: string } = { code: 'TREND_SOURCE_FAILED', message: 'not attempted' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const items = await source.fetch({ http: options.http, sessions: options.sessions, signal: controller.signal, now });
      clearTimeout(timer);
      if (items.length === 0) throw new CreatorFlowError('TREND_SOURCE_EMPTY', `${source.name} answered an empty list`, { retryable: true });
      const seenAt = options.clock.now();
      await store.recordSuccess(source.id, workspaceId, toStored(items), seenAt, nextDue(seenAt, source.tier, 0, random));
      return { status: 'refreshed', sourceId: source.id, items: items.length, attempts: attempt };
    } catch (error) {
      clearTimeout(timer);
      const parts = errorParts(error);
      last = parts;
      if (!parts.retryable || attempt === attempts) break;
      await sleep((options.backoffMs ?? 1000) * 2 ** (attempt - 1) * (1 + random() * 0.2));
    }
  }
  const state = (await store.states([source.id])).get(source.id);
  const failures = (state?.consecutive_failures ?? 0) + 1;
  const at = options.clock.now();
  await store.recordFailure(source.id, at, last.code, last.message, nextDue(at, source.tier, failures, random));
  const stale = !!state?.last_success_at && at.getTime() - state.last_success_at.getTime() <= source.ttlMinutes * 60_000;
  return { status: 'failed', sourceId: source.id, code: last.code, message: last.message, attempts, stale };
}

function toStored(items: RawTrendItem[]) {
  return items.slice(0, 100).map((item, index) => ({
    key: item.key.slice(0, 500),
    title: item.title,
    url: item.url.slice(0, 2000),
    summary: item.summary ?? null,
    normTitle: normaliseTitle(item.title),
    keywords: titleKeywords(item.title),
    rank: index + 1,
    hot: item.hot ?? null,
  }));
}
