import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { CreatorFlowError, NotFoundError, ValidationError, newUuid, type BlobRange, type BlobStore } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import type { Actor, LibraryDeps } from '../deps.ts';
import { cleanTags, isUuid, pageWindow, toPage, type Page } from '../page.ts';
import type { Asset, AssetFilter, UploadInput, UploadResult } from './asset-types.ts';
import { formatAssetUri } from './asset-uri.ts';
import { probeAsset, type Probe } from './probe.ts';
import { sniffUpload } from './sniff.ts';
import { spoolToFile } from './spool.ts';

type AssetRow = typeof schema.assets.$inferSelect;

export const DEFAULT_UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

/** A safe display name: no directories, no control characters, at most 200 characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  if (!clean || clean === '.' || clean === '..') {
    throw new ValidationError('The uploaded file needs a name', [{ path: 'file', message: 'file name missing' }]);
  }
  return clean;
}

/**
 * 素材库: uploads streamed to the blob store with the type sniffed from the
 * content, deduplicated by SHA-256 per workspace, probed for size/duration,
 * thumbnailed, and searchable by name, tags and extracted text.
 */
export class AssetService {
  constructor(
    private readonly deps: LibraryDeps,
    private readonly blobs: BlobStore,
  ) {}

  async upload(actor: Actor, input: UploadInput & { maxBytes?: number }): Promise<UploadResult> {
    const name = cleanName(input.name);
    const tags = cleanTags(input.tags);
    const dir = await mkdtemp(join(tmpdir(), 'cf-upload-'));
    const temp = join(dir, 'upload');
    try {
      const { size, sha256 } = await spoolToFile(input.stream as Readable, temp, input.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES);
      if (size === 0) throw new ValidationError(`'${name}' is empty`, [{ path: 'file', message: 'empty file' }]);
      const { mime, type } = await sniffUpload(temp, name, input.declaredMime);

      const existing = await this.findByHash(actor, sha256);
      if (existing) return { asset: await this.addTags(existing, tags), deduplicated: true };

      const probe = await this.probe(temp, name, type, mime);
      const id = newUuid();
      const blobKey = `ws/${actor.workspaceId}/assets/${id}`;
      const thumbKey = probe.thumbnail ? `ws/${actor.workspaceId}/thumbs/${id}.webp` : null;
      await this.blobs.put(blobKey, createReadStream(temp), { size, contentType: mime });
      if (thumbKey) await this.blobs.put(thumbKey, probe.thumbnail!, { contentType: 'image/webp' });
      const now = this.deps.clock.now();
      const inserted = await this.deps.database.db
        .insert(schema.assets)
        .values({
          id,
          workspaceId: actor.workspaceId,
          createdBy: actor.userId ?? null,
          type,
          storage: this.blobs.kind,
          name,
          mime,
          size,
          sha256,
          blobKey,
          thumbKey,
          width: probe.width,
          height: probe.height,
          durationMs: probe.durationMs,
          tags,
          extractedText: probe.text,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [schema.assets.workspaceId, schema.assets.sha256] })
        .returning();
      if (!inserted[0]) {
        // The same content was uploaded concurrently and won: keep theirs.
        await this.blobs.delete(blobKey);
        if (thumbKey) await this.blobs.delete(thumbKey);
        const winner = await this.findByHash(actor, sha256);
        if (!winner) throw new CreatorFlowError('ASSET_RACE', 'The upload raced with a deletion; try again', { status: 409, retryable: true });
        return { asset: await this.addTags(winner, tags), deduplicated: true };
      }
      await this.index(inserted[0]);
      return { asset: toAsset(inserted[0]), deduplicated: false };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(actor: Actor, id: string): Promise<Asset> {
    return toAsset(await this.row(actor, id));
  }

  async list(actor: Actor, filter: AssetFilter = {}): Promise<Page<Asset>> {
    const { limit, before } = pageWindow(filter);
    const t = schema.assets;
    const conditions: SQL[] = [eq(t.workspaceId, actor.workspaceId)];
    if (before) conditions.push(lt(t.id, before));
    if (filter.type) conditions.push(eq(t.type, filter.type));
    if (filter.tag) conditions.push(sql`${t.tags} @> ARRAY[${filter.tag}]::text[]`);
    const rows = await this.deps.database.db.select().from(t).where(and(...conditions)).orderBy(desc(t.id)).limit(limit + 1);
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toAsset) };
  }

  async update(actor: Actor, id: string, patch: { name?: string; tags?: string[] }): Promise<Asset> {
    await this.row(actor, id);
    const [row] = await this.deps.database.db
      .update(schema.assets)
      .set({
        ...(patch.name !== undefined ? { name: cleanName(patch.name) } : {}),
        ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
        updatedAt: this.deps.clock.now(),
      })
      .where(and(eq(schema.assets.workspaceId, actor.workspaceId), eq(schema.assets.id, id)))
      .returning();
    await this.index(row!);
    return toAsset(row!);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.row(actor, id);
    await this.deps.database.db.delete(schema.assets).where(and(eq(schema.assets.workspaceId, actor.workspaceId), eq(schema.assets.id, id)));
    await this.deps.search.remove('asset', [id]);
    await this.blobs.delete(row.blobKey);
    if (row.thumbKey) await this.blobs.delete(row.thumbKey);
  }

  /** The content, whole or a byte range (inclusive, already checked against the size). */
  async open(actor: Actor, id: string, range?: BlobRange): Promise<{ asset: Asset; stream: Readable }> {
    const row = await this.row(actor, id);
    return { asset: toAsset(row), stream: await this.blobs.get(row.blobKey, range) };
  }

  async thumbnail(actor: Actor, id: string): Promise<Readable> {
    const row = await this.row(actor, id);
    if (!row.thumbKey) throw new NotFoundError('Thumbnail of asset', id);
    return this.blobs.get(row.thumbKey);
  }

  /** Extracted text of a document asset (for the knowledge base and agents). */
  async text(actor: Actor, id: string): Promise<string | null> {
    return (await this.row(actor, id)).extractedText;
  }

  private async probe(path: string, name: string, type: Asset['type'], mime: string): Promise<Probe> {
    try {
      return await probeAsset(path, type, mime);
    } catch (cause) {
      if (type === 'image') {
        throw new CreatorFlowError('ASSET_UNREADABLE', `'${name}' looks like ${mime} but cannot be decoded: ${(cause as Error).message}`, {
          cause,
          status: 422,
        });
      }
      // A video or document we cannot read further is still worth keeping.
      return { width: null, height: null, durationMs: null, text: null, thumbnail: null };
    }
  }

  private async findByHash(actor: Actor, sha256: string): Promise<AssetRow | undefined> {
    const rows = await this.deps.database.db
      .select()
      .from(schema.assets)
      .where(and(eq(schema.assets.workspaceId, actor.workspaceId), eq(schema.assets.sha256, sha256)));
    return rows[0];
  }

  private async addTags(row: AssetRow, tags: string[]): Promise<Asset> {
    const merged = cleanTags([...row.tags, ...tags]);
    if (merged.length === row.tags.length) return toAsset(row);
    const [updated] = await this.deps.database.db
      .update(schema.assets)
      .set({ tags: merged, updatedAt: this.deps.clock.now() })
      .where(eq(schema.assets.id, row.id))
      .returning();
    await this.index(updated!);
    return toAsset(updated!);
  }

  /** Row of an asset in the actor's workspace; another workspace's asset is simply not found. */
  async row(actor: Actor, id: string): Promise<AssetRow> {
    if (!isUuid(id)) throw new NotFoundError('Asset', id);
    const rows = await this.deps.database.db
      .select()
      .from(schema.assets)
      .where(and(eq(schema.assets.workspaceId, actor.workspaceId), eq(schema.assets.id, id)));
    if (!rows[0]) throw new NotFoundError('Asset', id);
    return rows[0];
  }

  private async index(row: AssetRow): Promise<void> {
    await this.deps.search.upsert([
      {
        kind: 'asset',
        refId: row.id,
        workspaceId: row.workspaceId,
        title: row.name,
        body: (row.extractedText ?? '').slice(0, 50_000),
        tags: row.tags,
        createdAt: row.createdAt,
      },
    ]);
  }
}

export function toAsset(r: AssetRow): Asset {
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    uri: formatAssetUri({ storage: r.storage, type: r.type, id: r.id }),
    type: r.type,
    storage: r.storage,
    name: r.name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    durationMs: r.durationMs,
    hasThumbnail: r.thumbKey !== null,
    tags: r.tags,
    hasText: r.extractedText !== null && r.extractedText.length > 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
