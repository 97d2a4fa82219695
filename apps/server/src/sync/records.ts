import { CreatorFlowError, newUuid, ValidationError } from '@creatorflow/core';
import type { Database } from '@creatorflow/db';
import type { SearchIndex } from '@creatorflow/library';
import { keyOf, type Json, type Payload, type RecordKey, type SyncKind } from '@creatorflow/sync';

type Live = RecordKey & { payload: Exclude<Payload, null> };
type Row = Record<string, unknown>;
type Obj = { [key: string]: Json };

/**
 * The synced records of a workspace as JSON payloads, read from and written
 * to the real tables — the same code on the local install and on the cloud.
 * A payload carries no workspace id and no user id (they differ per side);
 * timestamps are ISO strings so both drivers hash them the same.
 */
export interface RecordAdapter {
  kind: SyncKind;
  snapshot(workspaceId: string): Promise<Live[]>;
  write(workspaceId: string, id: string, payload: Payload): Promise<void>;
  /** For "keep both": `payload` written as a new record; returns its id. Only kinds where a copy makes sense have it. */
  fork?(workspaceId: string, payload: Obj): Promise<string>;
}

const iso = (v: unknown): Json => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const num = (v: unknown): Json => (v === null || v === undefined ? null : Number(v));
const arr = (v: unknown): Json => (Array.isArray(v) ? (v as Json[]) : []);
const json = (v: unknown): Json => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Json));
const plain = (v: unknown): Json => (v === undefined ? null : (v as Json));

type Mapper = (v: unknown) => Json;
/** Column → how its value becomes JSON. */
type Columns = Record<string, Mapper>;

function project(row: Row, columns: Columns): Obj {
  const out: Obj = {};
  for (const [name, map] of Object.entries(columns)) out[name] = map(row[name]);
  return out;
}

/**
 * `INSERT … ON CONFLICT (id) DO UPDATE` of the payload's columns, with this side's workspace.
 * The update applies only to a row of this workspace: ids are global, and a pushed record that
 * carries another workspace's id must not take that row over (issue 17, authorization matrix).
 */
async function upsertRow(database: Database, table: string, conflict: string, workspaceId: string, values: Obj, columns: Columns, jsonColumns: string[] = []): Promise<void> {
  const names = ['workspace_id', ...Object.keys(columns)];
  const params = [workspaceId, ...Object.keys(columns).map((c) => (jsonColumns.includes(c) ? JSON.stringify(values[c] ?? null) : (values[c] ?? null)))];
  const placeholders = names.map((n, i) => (jsonColumns.includes(n) ? `$${i + 1}::jsonb` : `$${i + 1}`));
  const updates = names.filter((n) => n !== 'workspace_id' && !conflict.split(',').map((s) => s.trim()).includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  const written = await database.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (${conflict}) DO UPDATE SET ${updates.join(', ')} WHERE ${table}.workspace_id = EXCLUDED.workspace_id RETURNING 1 AS ok`,
    params,
  );
  if (written.length === 0) throw idTaken();
}

const idTaken = () =>
  new CreatorFlowError('SYNC_RECORD_ID_TAKEN', 'A pushed record has an id that is already used outside this workspace; it was not written.', { status: 409 });

const ideaColumns: Columns = { id: plain, text: plain, link: plain, tags: arr, source: plain, status: plain, created_at: iso, updated_at: iso };
const workColumns: Columns = { id: plain, kind: plain, title: plain, body: plain, cover_asset_id: plain, tags: arr, platforms: arr, status: plain, version: num, created_at: iso, updated_at: iso };
const versionColumns: Columns = { version: num, title: plain, body: plain, cover_asset_id: plain, tags: arr, platforms: arr, status: plain, note: plain, created_at: iso };
const assetColumns: Columns = {
  id: plain, type: plain, name: plain, mime: plain, size: num, sha256: plain, thumb_key: plain, width: num, height: num, duration_ms: num, tags: arr, extracted_text: plain, created_at: iso, updated_at: iso,
};
const sourceColumns: Columns = { id: plain, kind: plain, title: plain, url: plain, content: plain, chunk_count: num, tags: arr, created_at: iso };
const chunkColumns: Columns = { id: plain, seq: num, heading: plain, content: plain, start_offset: num, end_offset: num, created_at: iso };
const graphVersionColumns: Columns = { id: plain, version: num, source: plain, definition: json, created_at: iso };
/** Account metadata only; the login state is this device's and credentials travel as their own kind. */
const accountColumns: Columns = { id: plain, platform: plain, name: plain, nickname: plain, avatar_url: plain, credential_mode: plain, settings: json, created_at: iso, updated_at: iso };

const live = (kind: SyncKind, id: string, payload: Obj): Live => ({ kind, id, payload });

export interface RecordDeps {
  database: Database;
  search: SearchIndex;
  /** This side's blob keys for an asset (they name the workspace), and what to do when an asset arrives. */
  blobKeyFor(workspaceId: string, assetId: string): string;
  storage: 'local' | 'cloud';
  onAssetWritten?(workspaceId: string, sha256: string, blobKey: string, size: number): Promise<void>;
}

export function recordAdapters(deps: RecordDeps): RecordAdapter[] {
  const { database: db, search } = deps;
  return [
    {
      kind: 'idea',
      async snapshot(ws) {
        const rows = await db.query<Row>('SELECT * FROM ideas WHERE workspace_id = $1', [ws]);
        return rows.map((r) => live('idea', String(r.id), project(r, ideaColumns)));
      },
      async write(ws, id, payload) {
        if (payload === null) {
          await db.query('DELETE FROM ideas WHERE workspace_id = $1 AND id = $2', [ws, id]);
          await search.remove('idea', [id]);
          return;
        }
        await upsertRow(db, 'ideas', 'id', ws, { ...payload, id }, ideaColumns);
        const text = String(payload.text ?? '');
        await search.upsert([
          {
            kind: 'idea', refId: id, workspaceId: ws, title: text.split('\n')[0]!.slice(0, 200),
            body: [text.split('\n').slice(1).join('\n'), payload.link, payload.source].filter(Boolean).join('\n'),
            tags: (payload.tags as string[]) ?? [], createdAt: new Date(String(payload.created_at)),
          },
        ]);
      },
      async fork(ws, payload) {
        const id = newUuid();
        await this.write(ws, id, { ...payload, id });
        return id;
      },
    },
    {
      kind: 'work',
      async snapshot(ws) {
        const works = await db.query<Row>('SELECT * FROM works WHERE workspace_id = $1', [ws]);
        const versions = await db.query<Row>('SELECT * FROM work_versions WHERE workspace_id = $1 ORDER BY version', [ws]);
        const byWork = new Map<string, Obj[]>();
        for (const v of versions) byWork.set(String(v.work_id), [...(byWork.get(String(v.work_id)) ?? []), project(v, versionColumns)]);
        return works.map((w) => live('work', String(w.id), { ...project(w, workColumns), versions: byWork.get(String(w.id)) ?? [] }));
      },
      async write(ws, id, payload) {
        if (payload === null) {
          await db.query('DELETE FROM works WHERE workspace_id = $1 AND id = $2', [ws, id]);
          await search.remove('work', [id]);
          return;
        }
        await upsertRow(db, 'works', 'id', ws, { ...payload, id }, workColumns);
        const versions = (payload.versions as Obj[] | undefined) ?? [];
        for (const v of versions) await upsertRow(db, 'work_versions', 'work_id, version', ws, { ...v, work_id: id }, { work_id: plain, ...versionColumns });
        // Versions are history: ones the other side does not have (never synced) go, so both sides list the same.
        await db.query('DELETE FROM work_versions WHERE workspace_id = $3 AND work_id = $1 AND NOT (version = ANY($2::int[]))', [id, versions.map((v) => Number(v.version)), ws]);
        await search.upsert([{ kind: 'work', refId: id, workspaceId: ws, title: String(payload.title), body: String(payload.body), tags: (payload.tags as string[]) ?? [], createdAt: new Date(String(payload.created_at)) }]);
      },
      // The copy keeps every version (they are rows under the work's id, so they move with it).
      async fork(ws, payload) {
        const id = newUuid();
        await this.write(ws, id, { ...payload, id });
        return id;
      },
    },
    {
      kind: 'asset',
      async snapshot(ws) {
        const rows = await db.query<Row>('SELECT * FROM assets WHERE workspace_id = $1', [ws]);
        return rows.map((r) => live('asset', String(r.id), project(r, assetColumns)));
      },
      async write(ws, id, payload) {
        if (payload === null) {
          await db.query('DELETE FROM assets WHERE workspace_id = $1 AND id = $2', [ws, id]);
          await search.remove('asset', [id]);
          return;
        }
        const sha = String(payload.sha256);
        const [same] = await db.query<{ id: string }>('SELECT id FROM assets WHERE workspace_id = $1 AND sha256 = $2 AND id <> $3', [ws, sha, id]);
        // The same file already here under another id (added on both sides): one copy is enough.
        if (same) return;
        const blobKey = deps.blobKeyFor(ws, id);
        await upsertRow(db, 'assets', 'id', ws, { ...payload, id, blob_key: blobKey, storage: deps.storage }, { ...assetColumns, blob_key: plain, storage: plain });
        await deps.onAssetWritten?.(ws, sha, blobKey, Number(payload.size));
      },
    },
    {
      kind: 'knowledge',
      async snapshot(ws) {
        const sources = await db.query<Row>('SELECT * FROM knowledge_sources WHERE workspace_id = $1', [ws]);
        const chunks = await db.query<Row>('SELECT * FROM knowledge_chunks WHERE workspace_id = $1 ORDER BY seq', [ws]);
        const bySource = new Map<string, Obj[]>();
        for (const c of chunks) bySource.set(String(c.source_id), [...(bySource.get(String(c.source_id)) ?? []), project(c, chunkColumns)]);
        return sources.map((s) => live('knowledge', String(s.id), { ...project(s, sourceColumns), chunks: bySource.get(String(s.id)) ?? [] }));
      },
      async write(ws, id, payload) {
        const old = await db.query<{ id: string }>('SELECT id FROM knowledge_chunks WHERE workspace_id = $1 AND source_id = $2', [ws, id]);
        await search.remove('knowledge', old.map((c) => c.id));
        await db.query('DELETE FROM knowledge_sources WHERE workspace_id = $1 AND id = $2', [ws, id]);
        if (payload === null) return;
        await upsertRow(db, 'knowledge_sources', 'id', ws, { ...payload, id }, sourceColumns);
        const chunks = (payload.chunks as Obj[] | undefined) ?? [];
        for (const c of chunks) await upsertRow(db, 'knowledge_chunks', 'id', ws, { ...c, source_id: id }, { source_id: plain, ...chunkColumns });
        await search.upsert(
          chunks.map((c) => ({
            kind: 'knowledge' as const, refId: String(c.id), workspaceId: ws, parentId: id, title: String(c.heading ?? payload.title), body: String(c.content),
            tags: (payload.tags as string[]) ?? [], createdAt: new Date(String(c.created_at)),
          })),
        );
      },
    },
    {
      kind: 'graph',
      // A graph is its name with every saved version; versions only ever get added.
      async snapshot(ws) {
        const rows = await db.query<Row>('SELECT * FROM graphs WHERE workspace_id = $1 ORDER BY name, version', [ws]);
        const byName = new Map<string, Obj[]>();
        for (const r of rows) byName.set(String(r.name), [...(byName.get(String(r.name)) ?? []), project(r, graphVersionColumns)]);
        return [...byName].map(([name, versions]) => live('graph', name, { name, versions }));
      },
      async write(ws, name, payload) {
        if (payload === null) {
          await db.query('DELETE FROM graphs WHERE workspace_id = $1 AND name = $2', [ws, name]);
          return;
        }
        for (const v of (payload.versions as Obj[] | undefined) ?? []) {
          await db.query(
            `INSERT INTO graphs (id, workspace_id, name, version, source, definition, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
             ON CONFLICT (workspace_id, name, version) DO UPDATE SET source = EXCLUDED.source, definition = EXCLUDED.definition`,
            [v.id, ws, name, v.version, v.source, JSON.stringify(v.definition), v.created_at],
          );
        }
      },
    },
    {
      kind: 'account',
      async snapshot(ws) {
        const rows = await db.query<Row>('SELECT * FROM publish_accounts WHERE workspace_id = $1', [ws]);
        return rows.map((r) => live('account', String(r.id), project(r, accountColumns)));
      },
      async write(ws, id, payload) {
        if (payload === null) {
          await db.query('DELETE FROM publish_accounts WHERE workspace_id = $1 AND id = $2', [ws, id]);
          return;
        }
        await upsertRow(db, 'publish_accounts', 'id', ws, { ...payload, id }, accountColumns, ['settings']);
      },
    },
  ];
}

/** All adapters as one snapshot/read/write over `kind:id` keys. */
export class WorkspaceRecords {
  readonly #byKind: Map<SyncKind, RecordAdapter>;
  constructor(adapters: RecordAdapter[]) {
    this.#byKind = new Map(adapters.map((a) => [a.kind, a]));
  }
  kinds(): SyncKind[] {
    return [...this.#byKind.keys()];
  }
  async snapshot(workspaceId: string): Promise<Map<string, Live>> {
    const out = new Map<string, Live>();
    for (const adapter of this.#byKind.values()) for (const item of await adapter.snapshot(workspaceId)) out.set(keyOf(item), item);
    return out;
  }
  async read(workspaceId: string, key: RecordKey): Promise<Payload> {
    const all = await this.#byKind.get(key.kind)?.snapshot(workspaceId);
    return all?.find((r) => r.id === key.id)?.payload ?? null;
  }
  async write(workspaceId: string, key: RecordKey, payload: Payload): Promise<void> {
    const adapter = this.#byKind.get(key.kind);
    if (!adapter) return;
    try {
      await adapter.write(workspaceId, key.id, payload);
    } catch (error) {
      // A payload missing a required field or breaking a constraint is the client's to fix: 400, not 500 (route fuzz suite, issue 17).
      const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
      if (typeof code === 'string' && code.startsWith('23')) {
        throw new ValidationError(`the ${key.kind} record ${key.id} cannot be stored: a required field is missing or a value breaks a rule`, [{ path: `changes.${key.kind}`, message: 'payload is incomplete or invalid' }]);
      }
      throw error;
    }
  }
  canFork(kind: SyncKind): boolean {
    return Boolean(this.#byKind.get(kind)?.fork);
  }
  async fork(workspaceId: string, key: RecordKey, payload: Obj): Promise<RecordKey | undefined> {
    const adapter = this.#byKind.get(key.kind);
    if (!adapter?.fork) return undefined;
    return { kind: key.kind, id: await adapter.fork(workspaceId, payload) };
  }
}
