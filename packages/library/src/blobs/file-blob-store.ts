import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { NotFoundError, type BlobInfo, type BlobRange, type BlobStore } from '@creatorflow/core';
import { checkBlobKey } from './blob-key.ts';

/**
 * Blobs as files under a directory (local mode: `<home>/media`). Writes go to
 * a temporary file renamed into place, so a crash never leaves half a blob
 * under its real key.
 */
export class FileBlobStore implements BlobStore {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, checkBlobKey(key));
  }

  async put(key: string, body: Readable | Buffer, options: { contentType?: string; size?: number } = {}): Promise<BlobInfo> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temp, { mode: 0o600 }));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const { size } = await stat(target);
    return { key, size, contentType: options.contentType };
  }

  async get(key: string, range?: BlobRange): Promise<Readable> {
    const path = this.path(key);
    if (!(await this.head(key))) throw new NotFoundError('Blob', key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { key, size: s.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
