import { payloadHash } from './hash.ts';
import { keyOf, type JournalEntry, type KindCounts, type Payload, type PullPage, type PushChange, type PushOutcome, type RecordKey, type Resolution, type SyncConflict } from './types.ts';

/** The local side's records and sync bookkeeping (SQL over PGlite in the server, Maps in tests). */
export interface LocalSyncStore {
  /** Every live local record now. */
  snapshot(): Promise<Map<string, RecordKey & { payload: Exclude<Payload, null> }>>;
  read(key: RecordKey): Promise<Payload>;
  /** Writes a record that came from the cloud into the local tables (`null` deletes it). */
  write(key: RecordKey, payload: Payload): Promise<void>;
  journal(): Promise<Map<string, JournalEntry>>;
  setJournal(entry: JournalEntry): Promise<void>;
  cursor(): Promise<number>;
  setCursor(cursor: number): Promise<void>;
  conflicts(): Promise<SyncConflict[]>;
  putConflict(conflict: SyncConflict): Promise<void>;
  removeConflict(key: RecordKey): Promise<void>;
  /**
   * Writes `payload` as a new record (a new id, and new ids for what it owns)
   * for 'keep both'; undefined when records of this kind cannot be copied.
   */
  fork?(key: RecordKey, payload: Exclude<Payload, null>): Promise<RecordKey | undefined>;
}

/** How the local side reaches the cloud's feed (HTTP in the server, direct calls in tests). */
export interface SyncTransport {
  push(changes: PushChange[]): Promise<PushOutcome[]>;
  pull(cursor: number, limit: number): Promise<PullPage>;
}

export interface SyncProgress {
  phase: 'pull' | 'push';
  done: number;
  /** Known only for push (the dirty records counted up front). */
  total?: number;
}

export interface SyncSummary {
  pulled: number;
  applied: number;
  pushed: number;
  newConflicts: number;
  openConflicts: number;
  byKind: KindCounts;
}

export interface SyncClientOptions {
  pageSize?: number;
  batchSize?: number;
  now?: () => Date;
  onProgress?: (p: SyncProgress) => void;
}

/**
 * One round of sync: pull the cloud's changes since the saved cursor (page by
 * page, the cursor saved after each page, so an interrupted round resumes
 * where it stopped), then push every local record whose content differs from
 * what was last in step with the cloud, with the cloud revision it was based
 * on. A record changed on both sides becomes a conflict keeping both versions;
 * nothing is overwritten until the user picks one.
 */
export class SyncClient {
  readonly #pageSize: number;
  readonly #batchSize: number;
  readonly #now: () => Date;

  constructor(
    private readonly store: LocalSyncStore,
    private readonly transport: SyncTransport,
    private readonly options: SyncClientOptions = {},
  ) {
    this.#pageSize = options.pageSize ?? 200;
    this.#batchSize = options.batchSize ?? 100;
    this.#now = options.now ?? (() => new Date());
  }

  async sync(): Promise<SyncSummary> {
    const summary: SyncSummary = { pulled: 0, applied: 0, pushed: 0, newConflicts: 0, openConflicts: 0, byKind: {} };
    await this.#pull(summary);
    await this.#push(summary);
    summary.openConflicts = (await this.store.conflicts()).length;
    return summary;
  }

  async #pull(summary: SyncSummary): Promise<void> {
    let cursor = await this.store.cursor();
    for (;;) {
      const page = await this.transport.pull(cursor, this.#pageSize);
      const journal = await this.store.journal();
      const conflicts = new Map((await this.store.conflicts()).map((c) => [keyOf(c), c]));
      for (const record of page.records) {
        summary.pulled++;
        const key = keyOf(record);
        const entry = journal.get(key);
        const local = await this.store.read(record);
        const localHash = payloadHash(local);
        const open = conflicts.get(key);
        if (open) {
          if (record.hash === localHash) {
            await this.store.removeConflict(record);
            await this.#inStep(record, record.rev, localHash);
          } else {
            await this.store.putConflict({ ...open, mine: local, cloud: record.payload, cloudRev: record.rev });
          }
          continue;
        }
        // Our own accepted push coming back, or something older than what we hold.
        if (entry && record.rev <= entry.baseRev) continue;
        if (record.hash === localHash) {
          await this.#inStep(record, record.rev, localHash);
          continue;
        }
        const dirty = localHash !== (entry?.syncedHash ?? null);
        if (!dirty) {
          await this.store.write(record, record.payload);
          await this.#inStep(record, record.rev, payloadHash(await this.store.read(record)));
          summary.applied++;
          count(summary, record, 'down');
          continue;
        }
        await this.store.putConflict({ kind: record.kind, id: record.id, mine: local, cloud: record.payload, cloudRev: record.rev, detectedAt: this.#now().toISOString() });
        summary.newConflicts++;
        count(summary, record, 'conflicts');
      }
      cursor = page.cursor;
      await this.store.setCursor(cursor);
      this.options.onProgress?.({ phase: 'pull', done: summary.pulled });
      if (!page.hasMore) return;
    }
  }

  /** The local records that differ from what the cloud last had from us, with the revision they are based on. */
  async pending(): Promise<PushChange[]> {
    const snapshot = await this.store.snapshot();
    const journal = await this.store.journal();
    const conflicted = new Set((await this.store.conflicts()).map(keyOf));
    const changes: PushChange[] = [];
    const keys = new Set([...snapshot.keys(), ...journal.keys()]);
    for (const key of keys) {
      if (conflicted.has(key)) continue;
      const item = snapshot.get(key);
      const entry = journal.get(key);
      const payload = item?.payload ?? null;
      if (payloadHash(payload) === (entry?.syncedHash ?? null)) continue;
      const ref = (item ?? entry)!;
      changes.push({ kind: ref.kind, id: ref.id, baseRev: entry?.baseRev ?? 0, payload });
    }
    return changes;
  }

  async #push(summary: SyncSummary): Promise<void> {
    const changes = await this.pending();
    for (let i = 0; i < changes.length; i += this.#batchSize) {
      const batch = changes.slice(i, i + this.#batchSize);
      const outcomes = await this.transport.push(batch);
      const byKey = new Map(batch.map((c) => [keyOf(c), c]));
      for (const outcome of outcomes) {
        const change = byKey.get(keyOf(outcome));
        if (!change) continue;
        if (outcome.status === 'accepted') {
          await this.#inStep(change, outcome.rev, payloadHash(change.payload));
          summary.pushed++;
          count(summary, change, 'up');
        } else {
          await this.store.putConflict({
            kind: change.kind,
            id: change.id,
            mine: change.payload,
            cloud: outcome.current.payload,
            cloudRev: outcome.current.rev,
            detectedAt: this.#now().toISOString(),
          });
          summary.newConflicts++;
          count(summary, change, 'conflicts');
        }
      }
      this.options.onProgress?.({ phase: 'push', done: Math.min(i + batch.length, changes.length), total: changes.length });
    }
  }

  /**
   * The user's pick for a conflict. `cloud` writes the cloud's version here;
   * `mine` keeps this version and marks it as based on the cloud's revision,
   * so the next push replaces the cloud's copy (unless it changed again).
   */
  async resolve(key: RecordKey, choice: Resolution): Promise<RecordKey | undefined> {
    const conflict = (await this.store.conflicts()).find((c) => c.kind === key.kind && c.id === key.id);
    if (!conflict) return undefined;
    let copy: RecordKey | undefined;
    if (choice === 'both') {
      // Both must exist to keep both; a delete on either side is a plain pick.
      if (conflict.mine === null || conflict.cloud === null || !this.store.fork) throw new Error(`cannot keep both versions of ${keyOf(key)}`);
      copy = await this.store.fork(conflict, conflict.mine);
      if (!copy) throw new Error(`records of kind ${key.kind} cannot be copied`);
    }
    if (choice === 'cloud' || choice === 'both') {
      await this.store.write(conflict, conflict.cloud);
      await this.#inStep(conflict, conflict.cloudRev, payloadHash(await this.store.read(conflict)));
    } else {
      await this.#inStep(conflict, conflict.cloudRev, payloadHash(conflict.cloud));
    }
    await this.store.removeConflict(conflict);
    return copy;
  }

  #inStep(key: RecordKey, rev: number, hash: string | null): Promise<void> {
    return this.store.setJournal({ kind: key.kind, id: key.id, baseRev: rev, syncedHash: hash });
  }
}

function count(summary: SyncSummary, key: RecordKey, what: 'down' | 'up' | 'conflicts'): void {
  const entry = (summary.byKind[key.kind] ??= { down: 0, up: 0, conflicts: 0 });
  entry[what]++;
}
