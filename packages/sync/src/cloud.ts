import { payloadHash } from './hash.ts';
import { keyOf, type CloudRecord, type Payload, type PullPage, type PushChange, type PushOutcome, type RecordKey } from './types.ts';

/** Storage of the cloud side's change feed for one workspace (SQL in the server, a Map in tests). */
export interface CloudFeedStore {
  get(key: RecordKey): Promise<CloudRecord | undefined>;
  /** Writes the record with the next seq of the feed and returns it. */
  put(key: RecordKey, rev: number, payload: Payload, hash: string | null): Promise<CloudRecord>;
  since(cursor: number, limit: number): Promise<CloudRecord[]>;
  /** Every record the feed knows (tombstones included), for absorbing edits made in the cloud's own tables. */
  all(): Promise<CloudRecord[]>;
}

/** What accepting a pushed change does to the cloud's real tables (write or delete the record). */
export type ApplyToCloud = (key: RecordKey, payload: Payload) => Promise<void>;

/**
 * Decides one pushed change against the cloud's current record: accepted when
 * the client saw the latest revision (or sends what the cloud already has, as
 * after a lost answer), else a conflict carrying the cloud's version so the
 * client keeps both. Pure.
 */
export function decidePush(current: CloudRecord | undefined, change: PushChange): { accept: false; current: CloudRecord } | { accept: true; same: boolean } {
  const hash = payloadHash(change.payload);
  if (!current) return { accept: true, same: change.payload === null };
  if (current.hash === hash) return { accept: true, same: true };
  if (current.rev === change.baseRev) return { accept: true, same: false };
  return { accept: false, current };
}

export class SyncFeed {
  constructor(
    private readonly store: CloudFeedStore,
    private readonly apply: ApplyToCloud,
  ) {}

  /**
   * Records edits made directly in the cloud (its web app, its runs) as feed
   * changes: `snapshot` is every live record of the cloud tables now.
   */
  async absorb(snapshot: Map<string, RecordKey & { payload: Exclude<Payload, null> }>): Promise<number> {
    let changed = 0;
    const known = new Map((await this.store.all()).map((r) => [keyOf(r), r]));
    for (const [key, item] of snapshot) {
      const hash = payloadHash(item.payload);
      const current = known.get(key);
      if (current?.hash === hash) continue;
      await this.store.put(item, (current?.rev ?? 0) + 1, item.payload, hash);
      changed++;
    }
    for (const [key, record] of known) {
      if (record.payload !== null && !snapshot.has(key)) {
        await this.store.put(record, record.rev + 1, null, null);
        changed++;
      }
    }
    return changed;
  }

  async push(changes: PushChange[]): Promise<PushOutcome[]> {
    const outcomes: PushOutcome[] = [];
    for (const change of changes) {
      const key = { kind: change.kind, id: change.id };
      const current = await this.store.get(key);
      const decision = decidePush(current, change);
      if (!decision.accept) {
        outcomes.push({ ...key, status: 'conflict', current: decision.current });
        continue;
      }
      if (decision.same && current) {
        outcomes.push({ ...key, status: 'accepted', rev: current.rev, seq: current.seq });
        continue;
      }
      if (decision.same && !current) {
        // Deleting what the cloud never had: nothing to record.
        outcomes.push({ ...key, status: 'accepted', rev: 0, seq: 0 });
        continue;
      }
      await this.apply(key, change.payload);
      const written = await this.store.put(key, (current?.rev ?? 0) + 1, change.payload, payloadHash(change.payload));
      outcomes.push({ ...key, status: 'accepted', rev: written.rev, seq: written.seq });
    }
    return outcomes;
  }

  async pull(cursor: number, limit: number): Promise<PullPage> {
    const records = await this.store.since(cursor, limit + 1);
    const page = records.slice(0, limit);
    return { records: page, cursor: page.at(-1)?.seq ?? cursor, hasMore: records.length > limit };
  }
}
