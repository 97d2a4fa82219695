import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import type { BlobStore } from '@creatorflow/core';
import { createLibrary, type Library } from '../library.ts';
import { seedWorkspace, testClock } from '../testing/support.ts';
import { mp4Fixture, pdfFixture, pngFixture } from '../testing/fixtures.ts';
import { startTestS3 } from '../testing/s3-server.ts';
import { FileBlobStore } from '../blobs/file-blob-store.ts';
import type { Actor } from '../deps.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const upload = (library: Library, actor: Actor, name: string, bytes: Buffer, extra: { tags?: string[]; declaredMime?: string; maxBytes?: number } = {}) =>
  library.assets.upload(actor, { name, stream: Readable.from([bytes]), ...extra });

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

// Every driver with the local store, plus PGlite with the S3 store: the service must not care which.
const cases: Array<[string, 'pglite' | 'postgres', 'file' | 's3']> = [
  ...testDrivers().map((d) => [`${d} + files`, d, 'file'] as [string, 'pglite' | 'postgres', 'file']),
  ['pglite + s3', 'pglite', 's3'],
];

describe.each(cases)('assets (%s)', (_label, driver, storeKind) => {
  let test: TestDatabase;
  let library: Library;
  let blobs: BlobStore;
  let me: Actor;
  let other: Actor;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
    if (storeKind === 's3') {
      const s3 = await startTestS3();
      blobs = s3.store;
      cleanup = s3.stop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'cf-assets-'));
      blobs = new FileBlobStore(dir);
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    library = createLibrary({ database: test.database, clock: testClock(), blobs });
    me = await seedWorkspace(test.database, 'A');
    other = await seedWorkspace(test.database, 'B');
  });
  afterAll(async () => {
    await test.dispose();
    await cleanup();
  });

  it('stores an image with its sniffed type, dimensions and a thumbnail', async () => {
    const { asset, deduplicated } = await upload(library, me, '封面.png', await pngFixture(1200, 800), { tags: ['封面'] });
    expect(deduplicated).toBe(false);
    expect(asset).toMatchObject({ type: 'image', mime: 'image/png', width: 1200, height: 800, hasThumbnail: true, tags: ['封面'], storage: blobs.kind });
    expect(asset.uri).toBe(`asset://${blobs.kind}/image/${asset.id}`);
    const thumb = await readAll(await library.assets.thumbnail(me, asset.id));
    expect(thumb.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('returns the existing asset for identical content in the same workspace, merging tags', async () => {
    const bytes = await pngFixture(64, 64, { r: 1, g: 2, b: 3 });
    const first = await upload(library, me, 'a.png', bytes, { tags: ['一'] });
    const second = await upload(library, me, 'copy-of-a.png', bytes, { tags: ['二'] });
    expect(second.deduplicated).toBe(true);
    expect(second.asset.id).toBe(first.asset.id);
    expect(second.asset.tags).toEqual(['一', '二']);
    const elsewhere = await upload(library, other, 'a.png', bytes);
    expect(elsewhere.deduplicated).toBe(false);
    expect(elsewhere.asset.id).not.toBe(first.asset.id);
  });

  it('refuses a file whose name lies about its type, with a clear error', async () => {
    const html = Buffer.from('<html><script>fetch("/api/secrets")</script></html>');
    await expect(upload(library, me, 'photo.png', html, { declaredMime: 'image/png' })).rejects.toMatchObject({
      code: 'ASSET_TYPE_MISMATCH',
      status: 415,
      message: expect.stringContaining("'photo.png' is named like a .png file but its content is HTML/SVG/script text"),
    });
    const jpegNamedMp4 = await pngFixture(10, 10);
    await expect(upload(library, me, 'clip.mp4', jpegNamedMp4)).rejects.toMatchObject({ code: 'ASSET_TYPE_MISMATCH' });
    await expect(upload(library, me, 'run.sh', Buffer.from('#!/bin/sh\nrm -rf /\n'))).rejects.toMatchObject({ code: 'ASSET_TYPE_NOT_ALLOWED' });
    expect((await library.assets.list(me)).items.map((a) => a.name)).not.toContain('photo.png');
  });

  it('reads the duration and picture size of an MP4 and serves byte ranges', async () => {
    const bytes = mp4Fixture({ seconds: 15.25, width: 1080, height: 1920 });
    const { asset } = await upload(library, me, '口播.mp4', bytes);
    expect(asset).toMatchObject({ type: 'video', mime: 'video/mp4', durationMs: 15250, width: 1080, height: 1920, size: bytes.length });
    const { stream } = await library.assets.open(me, asset.id, { start: 4, end: 11 });
    expect((await readAll(stream)).toString('latin1')).toBe('ftypisom');
  });

  it('extracts the text of a PDF so it can be searched', async () => {
    const { asset } = await upload(library, me, 'brief.pdf', pdfFixture(['Campaign brief for spring launch']));
    expect(asset).toMatchObject({ type: 'document', mime: 'application/pdf', hasText: true });
    expect(await library.assets.text(me, asset.id)).toContain('spring launch');
    const found = await library.search.search(me.workspaceId, { q: 'spring launch', kinds: ['asset'] });
    expect(found.hits.map((h) => h.id)).toEqual([asset.id]);
  });

  it('cuts off an upload over the size limit', async () => {
    await expect(upload(library, me, 'big.png', await pngFixture(300, 300), { maxBytes: 100 })).rejects.toMatchObject({ code: 'ASSET_TOO_LARGE', status: 413 });
  });

  it('never resolves another workspace asset, even from its exact URI', async () => {
    const { asset } = await upload(library, other, 'secret.png', await pngFixture(20, 20, { r: 9, g: 9, b: 9 }));
    expect((await library.resolver.resolve(other, asset.uri)).id).toBe(asset.id);
    await expect(library.resolver.resolve(me, asset.uri)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(library.resolver.open(me, asset.uri)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(library.assets.open(me, asset.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(library.assets.delete(me, asset.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const wrongType = asset.uri.replace('/image/', '/video/');
    await expect(library.resolver.resolve(other, wrongType)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(library.resolver.resolve(me, 'asset://local/image/../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { bytes } = await library.resolver.readBytes(other, asset.uri);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
