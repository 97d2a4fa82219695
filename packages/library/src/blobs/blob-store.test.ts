import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '@creatorflow/core';
import { FileBlobStore } from './file-blob-store.ts';
import { startTestS3 } from '../testing/s3-server.ts';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const stores: Array<[string, () => Promise<{ store: BlobStore; stop(): Promise<void> }>]> = [
  [
    'FileBlobStore',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cf-blobs-'));
      return { store: new FileBlobStore(dir), stop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  ['S3BlobStore (s3rver)', startTestS3],
];

describe.each(stores)('%s', (_name, start) => {
  let store: BlobStore;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, stop } = await start());
  });
  afterAll(() => stop());

  it('stores a stream and reads it back whole and by inclusive byte range', async () => {
    const body = 'hello, 创流 blob store';
    const size = Buffer.byteLength(body);
    const info = await store.put('ws/a/assets/one', Readable.from([Buffer.from(body)]), { size, contentType: 'text/plain' });
    expect(info.size).toBe(size);
    expect(await text(await store.get('ws/a/assets/one'))).toBe(body);
    expect(await text(await store.get('ws/a/assets/one', { start: 7, end: 12 }))).toBe('创流');
    expect((await store.head('ws/a/assets/one'))?.size).toBe(size);
  });

  it('stores a buffer, deletes it, and then reports it missing', async () => {
    await store.put('ws/a/thumbs/t.webp', Buffer.from('x'));
    await store.delete('ws/a/thumbs/t.webp');
    expect(await store.head('ws/a/thumbs/t.webp')).toBeUndefined();
    await expect(store.get('ws/a/thumbs/t.webp')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.delete('ws/a/thumbs/t.webp');
  });

  it('refuses keys that could escape their place', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', 'a/b\\c']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
