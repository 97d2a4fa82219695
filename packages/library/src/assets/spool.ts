import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CreatorFlowError } from '@creatorflow/core';

/**
 * Streams an upload to a temporary file while hashing and counting it, so a
 * large video never sits in memory and an oversized one is cut off as soon
 * as it passes the limit.
 */
export async function spoolToFile(source: Readable | NodeJS.ReadableStream, path: string, maxBytes: number): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(
          new CreatorFlowError('ASSET_TOO_LARGE', `The file is larger than the upload limit of ${Math.floor(maxBytes / 1024 / 1024)} MB (${maxBytes} bytes).`, {
            status: 413,
            details: { max_bytes: maxBytes },
          }),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, meter, createWriteStream(path, { mode: 0o600 }));
  return { size, sha256: hash.digest('hex') };
}
