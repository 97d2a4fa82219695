import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3BlobStore } from '../blobs/s3-blob-store.ts';

/** A local S3-compatible server (s3rver) on 127.0.0.1 with one bucket, for tests. */
export async function startTestS3(bucket = 'creatorflow-test'): Promise<{ store: S3BlobStore; endpoint: string; stop(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'cf-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const store = new S3BlobStore({ bucket, endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  return {
    store,
    endpoint,
    async stop() {
      store.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
