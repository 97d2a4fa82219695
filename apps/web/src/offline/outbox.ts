import { apiResponse } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { OUTBOX_STORE, idbAll, idbDelete, idbGet, idbPut, idbUpdate } from './idb.ts';

/**
 * A write made while offline (or that failed on the network), kept in
 * IndexedDB until the server has it. The id is generated on this device and
 * sent both as the record's client id and as `Idempotency-Key`, so sending
 * the same entry twice (a flush interrupted after the server answered) never
 * creates two records.
 */
export interface OutboxEntry {
  id: string;
  kind: 'idea' | 'work';
  /** Short text for the pending list. */
  label: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  createdAt: string;
  attempts: number;
  lastError?: string;
  /**
   * Changes each time the entry is rewritten. A flush deletes an entry only if
   * it still has the revision that was sent: a newer draft written meanwhile stays.
   */
  rev?: string;
  /** Work drafts: the server has a newer version by someone else; kept until the user decides in the editor. */
  conflict?: boolean;
  /** Work drafts: the work as the editor had it, so the editor can open it again while offline. */
  snapshot?: Record<string, unknown>;
}

/** What a flush did with one entry, for the screens that wait on it (the editor of that work). */
export type FlushOutcome =
  | { entry: OutboxEntry; status: 'sent'; data: unknown }
  | { entry: OutboxEntry; status: 'conflict'; problem: Record<string, unknown> };

/**
 * One outbox entry per work: each offline autosave replaces the queued draft
 * (only the latest state matters), so a work gets exactly one new version when
 * the device is back online, however often it autosaved offline.
 */
export function workEntryId(workId: string): string {
  return `work:${workId}`;
}

export async function listOutbox(): Promise<OutboxEntry[]> {
  const all = await idbAll<OutboxEntry>(OUTBOX_STORE);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function getEntry(id: string): Promise<OutboxEntry | undefined> {
  return idbGet<OutboxEntry>(OUTBOX_STORE, id);
}

export function removeEntry(id: string): Promise<void> {
  return idbDelete(OUTBOX_STORE, id);
}

/** Adds an entry, or replaces the entry with the same id (a newer draft of the same work). */
export async function enqueue(entry: Omit<OutboxEntry, 'createdAt' | 'attempts' | 'rev'>): Promise<OutboxEntry> {
  const full: OutboxEntry = { ...entry, createdAt: new Date().toISOString(), attempts: 0, rev: crypto.randomUUID() };
  await idbPut(OUTBOX_STORE, full);
  return full;
}

export interface FlushResult {
  sent: number;
  failed: number;
  /** True when the network is still unreachable; the rest stays queued. */
  offline: boolean;
  outcomes: FlushOutcome[];
}

/** Whether an error means "try again later" rather than "the server refused this". */
function isTransient(error: unknown): boolean {
  if (!ApiError.isInstance(error)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

const WORK_FIELDS = ['title', 'body', 'cover_asset_id', 'tags', 'platforms', 'status'] as const;

/** Whether the server's current version already holds exactly this draft (an earlier send got through). */
function holdsDraft(current: Record<string, unknown> | undefined, draft: Record<string, unknown>): boolean {
  if (!current) return false;
  return WORK_FIELDS.every((field) => draft[field] === undefined || JSON.stringify(current[field]) === JSON.stringify(draft[field]));
}

/** Removes a sent entry unless a newer draft replaced it meanwhile; that one is moved onto the version just saved. */
async function settle(entry: OutboxEntry, savedVersion: number | undefined): Promise<void> {
  await idbUpdate<OutboxEntry>(OUTBOX_STORE, entry.id, (stored) => {
    if (!stored) return undefined;
    if (stored.rev === entry.rev) return null;
    if (savedVersion === undefined) return undefined;
    return { ...stored, body: { ...stored.body, base_version: savedVersion } };
  });
}

async function send(entry: OutboxEntry): Promise<FlushOutcome | 'duplicate'> {
  try {
    const response = await apiResponse(entry.path, { method: entry.method, body: entry.body, headers: { 'idempotency-key': entry.id } });
    const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    await settle(entry, (data as { version?: number } | undefined)?.version);
    return { entry, status: 'sent', data };
  } catch (error) {
    if (!(ApiError.isInstance(error) && error.status === 409)) throw error;
    if (entry.kind !== 'work') {
      // The server already has a record with this client id: an earlier flush got through.
      await settle(entry, undefined);
      return 'duplicate';
    }
    const problem = error.problem as Record<string, unknown>;
    const current = problem.current as Record<string, unknown> | undefined;
    if (holdsDraft(current, entry.body)) {
      const version = Number(problem.current_version);
      await settle(entry, version);
      return { entry, status: 'sent', data: { ...entry.snapshot, ...current, id: current?.work_id ?? entry.snapshot?.id, version } };
    }
    // Someone else saved the work since: never overwrite, keep the draft for the editor to resolve.
    await idbUpdate<OutboxEntry>(OUTBOX_STORE, entry.id, (stored) => (stored && stored.rev === entry.rev ? { ...stored, conflict: true } : undefined));
    return { entry, status: 'conflict', problem };
  }
}

/**
 * Sends queued entries in the order they were written. An entry leaves the
 * queue only when the server accepted it, or answered 409 because it already
 * has it (an earlier flush got through). A work draft that meets someone
 * else's newer version stays, marked as a conflict, until the user decides.
 */
export async function flushOutbox(): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, offline: false, outcomes: [] };
  for (const listed of await listOutbox()) {
    if (listed.conflict) continue;
    // Read it again: the editor may have replaced the draft since the list was taken.
    const entry = (await getEntry(listed.id)) ?? listed;
    try {
      const outcome = await send(entry);
      if (outcome === 'duplicate' || outcome.status === 'sent') result.sent += 1;
      if (outcome !== 'duplicate') result.outcomes.push(outcome);
    } catch (error) {
      await idbUpdate<OutboxEntry>(OUTBOX_STORE, entry.id, (stored) => (stored ? { ...stored, attempts: stored.attempts + 1, lastError: (error as Error).message } : undefined));
      result.failed += 1;
      if (isTransient(error)) {
        result.offline = ApiError.isInstance(error) && error.status === 0;
        break;
      }
    }
  }
  return result;
}
