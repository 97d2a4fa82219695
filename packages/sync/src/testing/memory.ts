import type { CloudFeedStore } from '../cloud.ts';
import type { LocalSyncStore } from '../client.ts';
import { keyOf, type CloudRecord, type JournalEntry, type Payload, type RecordKey, type SyncConflict } from '../types.ts';

/** In-memory feed store, for tests and for reasoning about the SQL one. */
export class MemoryFeedStore implements CloudFeedStore {
  readonly records = new Map<string, CloudRecord>();
  /** Every payload ever written, in order (tests check nothing was lost). */
  readonly history: CloudRecord[] = [];
  #seq = 0;

  async get(key: RecordKey) {
    return this.records.get(keyOf(key));
  }
  async put(key: RecordKey, rev: number, payload: Payload, hash: string | null) {
    const record: CloudRecord = { kind: key.kind, id: key.id, rev, seq: ++this.#seq, payload, hash };
    this.records.set(keyOf(key), record);
    this.history.push(record);
    return record;
  }
  async since(cursor: number, limit: number) {
    return [...this.records.values()].filter((r) => r.seq > cursor).sort((a, b) => a.seq - b.seq).slice(0, limit);
  }
  async all() {
    return [...this.records.values()];
  }
}

/** A table of records keyed by `kind:id` — what a side's real tables hold. */
export class MemoryTables {
  readonly rows = new Map<string, RecordKey & { payload: Exclude<Payload, null> }>();
  snapshot() {
    return new Map(this.rows);
  }
  read(key: RecordKey): Payload {
    return this.rows.get(keyOf(key))?.payload ?? null;
  }
  write(key: RecordKey, payload: Payload) {
    if (payload === null) this.rows.delete(keyOf(key));
    else this.rows.set(keyOf(key), { kind: key.kind, id: key.id, payload });
  }
}

export class MemoryLocalStore implements LocalSyncStore {
  readonly tables = new MemoryTables();
  readonly entries = new Map<string, JournalEntry>();
  readonly open = new Map<string, SyncConflict>();
  /** Every conflict ever raised (tests check both versions were kept). */
  readonly conflictLog: SyncConflict[] = [];
  #cursor = 0;

  async snapshot() {
    return this.tables.snapshot();
  }
  async read(key: RecordKey) {
    return this.tables.read(key);
  }
  async write(key: RecordKey, payload: Payload) {
    this.tables.write(key, payload);
  }
  async journal() {
    return new Map(this.entries);
  }
  async setJournal(entry: JournalEntry) {
    this.entries.set(keyOf(entry), entry);
  }
  async cursor() {
    return this.#cursor;
  }
  async setCursor(cursor: number) {
    this.#cursor = cursor;
  }
  async conflicts() {
    return [...this.open.values()];
  }
  async putConflict(conflict: SyncConflict) {
    this.open.set(keyOf(conflict), conflict);
    this.conflictLog.push(conflict);
  }
  async removeConflict(key: RecordKey) {
    this.open.delete(keyOf(key));
  }
  /** Copies under `<id>~<n>`, like a real table would under a fresh id. */
  async fork(key: RecordKey, payload: Exclude<Payload, null>) {
    let n = 1;
    while (this.tables.rows.has(keyOf({ kind: key.kind, id: `${key.id}~${n}` }))) n++;
    const copy = { kind: key.kind, id: `${key.id}~${n}` };
    this.tables.write(copy, payload);
    return copy;
  }
}
