import { apiResponse } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { OUTBOX_STORE, idbAll, idbDelete, idbPut } from './idb.ts';

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
}

export async function listOutbox(): Promise<OutboxEntry[]> {
  const all = await idbAll<OutboxEntry>(OUTBOX_STORE);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function enqueue(entry: Omit<OutboxEntry, 'createdAt' | 'attempts'>): Promise<OutboxEntry> {
  const full: OutboxEntry = { ...entry, createdAt: new Date().toISOString(), attempts: 0 };
  await idbPut(OUTBOX_STORE, full);
  return full;
}

export interface FlushResult {
  sent: number;
  failed: number;
  /** True when the network is still unreachable; the rest stays queued. */
  offline: boolean;
}

/** Whether an error means "try again later" rather than "the server refused this". */
function isTransient(error: unknown): boolean {
  if (!ApiError.isInstance(error)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Sends queued entries in the order they were written. An entry leaves the
 * queue only when the server accepted it, or answered 409 because it already
 * has a record with this client id (an earlier flush got through).
 */
export async function flushOutbox(): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, offline: false };
  for (const entry of await listOutbox()) {
    try {
      await apiResponse(entry.path, { method: entry.method, body: entry.body, headers: { 'idempotency-key': entry.id } });
      await idbDelete(OUTBOX_STORE, entry.id);
      result.sent += 1;
    } catch (error) {
      if (ApiError.isInstance(error) && error.status === 409) {
        await idbDelete(OUTBOX_STORE, entry.id);
        result.sent += 1;
        continue;
      }
      await idbPut(OUTBOX_STORE, { ...entry, attempts: entry.attempts + 1, lastError: (error as Error).message });
      if (isTransient(error)) {
        result.offline = ApiError.isInstance(error) && error.status === 0;
        result.failed += 1;
        break;
      }
      result.failed += 1;
    }
  }
  return result;
}
