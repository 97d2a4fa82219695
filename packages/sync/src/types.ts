/**
 * What is synced between a local install and its paired cloud workspace.
 * Every record is a JSON payload under (kind, id); `null` is a tombstone.
 */
export const SYNC_KINDS = ['idea', 'work', 'asset', 'knowledge', 'graph', 'setting', 'account', 'credential'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A record's content; `null` means deleted (a tombstone). */
export type Payload = { [key: string]: Json } | null;

export interface RecordKey {
  kind: SyncKind;
  id: string;
}

/** The cloud's copy of a record: its revision, its place in the change feed (seq), its content. */
export interface CloudRecord extends RecordKey {
  /** Bumped on every accepted change; 1 for the first. */
  rev: number;
  /** Position in the workspace's change feed; pull cursors are seqs. */
  seq: number;
  payload: Payload;
  /** Hash of the payload (`null` for a tombstone). */
  hash: string | null;
}

/** One record sent by a client: the change, and the cloud revision it was made on. */
export interface PushChange extends RecordKey {
  /** The cloud revision the client last saw (0 for a record the cloud never had). */
  baseRev: number;
  payload: Payload;
}

export type PushOutcome =
  | (RecordKey & { status: 'accepted'; rev: number; seq: number })
  /** The cloud moved on since baseRev: its current version comes back so the client keeps both. */
  | (RecordKey & { status: 'conflict'; current: CloudRecord });

export interface PullPage {
  records: CloudRecord[];
  /** Give this back to continue; it is the seq of the last record in the page. */
  cursor: number;
  hasMore: boolean;
}

/** The local side's bookkeeping for one record. */
export interface JournalEntry extends RecordKey {
  /** Cloud revision this local copy is based on (0 = never synced). */
  baseRev: number;
  /** Hash of the local content when it was last in step with the cloud (null = deleted / never). */
  syncedHash: string | null;
}

/** Two versions of one record that changed on both sides; both are kept until the user picks. */
export interface SyncConflict extends RecordKey {
  /** This install's version (null = deleted here). */
  mine: Payload;
  /** The cloud's version and revision (null = deleted there). */
  cloud: Payload;
  cloudRev: number;
  detectedAt: string;
}

/**
 * The user's pick: this install's version, the cloud's, or both — the cloud's
 * stays under the record's id and this install's becomes a new record (only
 * for kinds whose records can be copied, see `LocalSyncStore.fork`).
 */
export type Resolution = 'mine' | 'cloud' | 'both';

/** What one round moved, per kind: `down` written here from the cloud, `up` accepted by the cloud. */
export type KindCounts = Partial<Record<SyncKind, { down: number; up: number; conflicts: number }>>;

export const keyOf = (r: RecordKey): string => `${r.kind}:${r.id}`;
