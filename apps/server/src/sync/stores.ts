import type { Database } from '@creatorflow/db';
import type { CloudFeedStore, CloudRecord, JournalEntry, LocalSyncStore, Payload, RecordKey, SyncConflict, SyncKind } from '@creatorflow/sync';
import { keyOf } from '@creatorflow/sync';
import type { WorkspaceRecords } from './records.ts';

interface FeedRow {
  kind: string;
  record_id: string;
  rev: number;
  seq: string | number;
  payload: Payload;
  hash: string | null;
}
const toRecord = (r: FeedRow): CloudRecord => ({ kind: r.kind as SyncKind, id: r.record_id, rev: Number(r.rev), seq: Number(r.seq), payload: r.payload ?? null, hash: r.hash });

/** Cloud side: `sync_feed` of one workspace. Callers hold the workspace's feed lock (see `feedLockKey`). */
export class SqlFeedStore implements CloudFeedStore {
  constructor(
    private readonly database: Database,
    private readonly workspaceId: string,
  ) {}

  async get(key: RecordKey) {
    const [row] = await this.database.query<FeedRow>('SELECT * FROM sync_feed WHERE workspace_id = $1 AND kind = $2 AND record_id = $3', [this.workspaceId, key.kind, key.id]);
    return row ? toRecord(row) : undefined;
  }
  async put(key: RecordKey, rev: number, payload: Payload, hash: string | null) {
    const [row] = await this.database.query<FeedRow>(
      `INSERT INTO sync_feed (workspace_id, kind, record_id, rev, seq, payload, hash, updated_at)
       VALUES ($1, $2, $3, $4, nextval('sync_feed_seq'), $5::jsonb, $6, now())
       ON CONFLICT (workspace_id, kind, record_id) DO UPDATE SET rev = EXCLUDED.rev, seq = EXCLUDED.seq, payload = EXCLUDED.payload, hash = EXCLUDED.hash, updated_at = now()
       RETURNING *`,
      [this.workspaceId, key.kind, key.id, rev, payload === null ? null : JSON.stringify(payload), hash],
    );
    return toRecord(row!);
  }
  async since(cursor: number, limit: number) {
    const rows = await this.database.query<FeedRow>('SELECT * FROM sync_feed WHERE workspace_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [this.workspaceId, cursor, limit]);
    return rows.map(toRecord);
  }
  async all() {
    const rows = await this.database.query<FeedRow>('SELECT kind, record_id, rev, seq, NULL AS payload, hash FROM sync_feed WHERE workspace_id = $1', [this.workspaceId]);
    // `absorb` only compares hashes; a tombstone is told apart by its null hash.
    return rows.map((r) => ({ ...toRecord(r), payload: r.hash === null ? null : {} }));
  }
}

/** One advisory lock per workspace feed, so its seqs commit in order and pull cursors never skip. */
export function feedLockKey(workspaceId: string): number {
  return 0x5_1c_00_00 + (parseInt(workspaceId.replace(/-/g, '').slice(-6), 16) % 0xff_ff);
}

interface ConflictRow {
  kind: string;
  record_id: string;
  mine: Payload;
  cloud: Payload;
  cloud_rev: number;
  detected_at: string | Date;
}

/** Local side: the real tables through the record adapters, plus `sync_journal`, `sync_conflicts` and the cursor in `sync_state`. */
export class SqlLocalStore implements LocalSyncStore {
  constructor(
    private readonly database: Database,
    private readonly records: WorkspaceRecords,
    private readonly workspaceId: string,
  ) {}

  snapshot() {
    return this.records.snapshot(this.workspaceId);
  }
  read(key: RecordKey) {
    return this.records.read(this.workspaceId, key);
  }
  write(key: RecordKey, payload: Payload) {
    return this.records.write(this.workspaceId, key, payload);
  }
  fork(key: RecordKey, payload: Exclude<Payload, null>) {
    return this.records.fork(this.workspaceId, key, payload);
  }
  async journal() {
    const rows = await this.database.query<{ kind: string; record_id: string; base_rev: number; synced_hash: string | null }>('SELECT * FROM sync_journal WHERE workspace_id = $1', [this.workspaceId]);
    const entries = rows.map((r): JournalEntry => ({ kind: r.kind as SyncKind, id: r.record_id, baseRev: Number(r.base_rev), syncedHash: r.synced_hash }));
    return new Map(entries.map((e) => [keyOf(e), e]));
  }
  async setJournal(entry: JournalEntry) {
    await this.database.query(
      `INSERT INTO sync_journal (workspace_id, kind, record_id, base_rev, synced_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, kind, record_id) DO UPDATE SET base_rev = EXCLUDED.base_rev, synced_hash = EXCLUDED.synced_hash`,
      [this.workspaceId, entry.kind, entry.id, entry.baseRev, entry.syncedHash],
    );
  }
  async cursor() {
    const [row] = await this.database.query<{ cursor: string | number }>('SELECT cursor FROM sync_state WHERE workspace_id = $1', [this.workspaceId]);
    return Number(row?.cursor ?? 0);
  }
  async setCursor(cursor: number) {
    await this.database.query(
      'INSERT INTO sync_state (workspace_id, cursor) VALUES ($1, $2) ON CONFLICT (workspace_id) DO UPDATE SET cursor = EXCLUDED.cursor',
      [this.workspaceId, cursor],
    );
  }
  async conflicts() {
    const rows = await this.database.query<ConflictRow>('SELECT * FROM sync_conflicts WHERE workspace_id = $1 ORDER BY detected_at, kind, record_id', [this.workspaceId]);
    return rows.map(
      (r): SyncConflict => ({
        kind: r.kind as SyncKind,
        id: r.record_id,
        mine: r.mine ?? null,
        cloud: r.cloud ?? null,
        cloudRev: Number(r.cloud_rev),
        detectedAt: (r.detected_at instanceof Date ? r.detected_at : new Date(r.detected_at)).toISOString(),
      }),
    );
  }
  async putConflict(c: SyncConflict) {
    await this.database.query(
      `INSERT INTO sync_conflicts (workspace_id, kind, record_id, mine, cloud, cloud_rev, detected_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
       ON CONFLICT (workspace_id, kind, record_id) DO UPDATE SET mine = EXCLUDED.mine, cloud = EXCLUDED.cloud, cloud_rev = EXCLUDED.cloud_rev`,
      [this.workspaceId, c.kind, c.id, c.mine === null ? null : JSON.stringify(c.mine), c.cloud === null ? null : JSON.stringify(c.cloud), c.cloudRev, c.detectedAt],
    );
  }
  async removeConflict(key: RecordKey) {
    await this.database.query('DELETE FROM sync_conflicts WHERE workspace_id = $1 AND kind = $2 AND record_id = $3', [this.workspaceId, key.kind, key.id]);
  }
}
