import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { CreatorFlowError, NotFoundError, lazy, type BlobInfo, type BlobRange, type BlobStore } from '@creatorflow/core';
import { checkBlobKey } from './blob-key.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  region?: string;
  /** MinIO or other S3-compatible endpoint, e.g. http://127.0.0.1:9000 */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`), needed by MinIO. Default true. */
  forcePathStyle?: boolean;
  /** Key prefix inside the bucket. */
  prefix?: string;
  /** Per-request timeout, ms (default 30 s). */
  timeoutMs?: number;
}

// The AWS SDK is ~20 MB resident and most of a second to load; local mode never needs it.
const sdk = lazy(() => import('@aws-sdk/client-s3'));

function isNotFound(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  return typeof e === 'object' && e !== null && e.$metadata !== undefined && (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404);
}

/** Blobs in S3-compatible storage (cloud mode). */
export class S3BlobStore implements BlobStore {
  readonly kind = 'cloud' as const;
  #client: Promise<S3Client> | undefined;
  #destroyed = false;

  constructor(private readonly options: S3BlobStoreOptions) {}

  private client(): Promise<S3Client> {
    this.#client ??= sdk().then(({ S3Client }) => this.#newClient(S3Client));
    return this.#client;
  }

  #newClient(S3ClientClass: typeof S3Client): S3Client {
    return new S3ClientClass({
      region: this.options.region ?? 'us-east-1',
      endpoint: this.options.endpoint,
      forcePathStyle: this.options.forcePathStyle ?? true,
      // Plain Content-Length uploads: S3-compatible servers (MinIO versions, test servers) differ on aws-chunked trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials:
        this.options.accessKeyId && this.options.secretAccessKey
          ? { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey }
          : undefined,
    });
  }

  private key(key: string): string {
    return `${this.options.prefix ?? ''}${checkBlobKey(key)}`;
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
  }

  async put(key: string, body: Readable | Buffer, options: { contentType?: string; size?: number } = {}): Promise<BlobInfo> {
    const size = Buffer.isBuffer(body) ? body.length : options.size;
    if (size === undefined) {
      throw new CreatorFlowError('BLOB_SIZE_REQUIRED', 'S3BlobStore.put needs options.size for a stream body (S3 requires Content-Length)');
    }
    const objectKey = this.key(key);
    try {
      const { PutObjectCommand } = await sdk();
      await (await this.client()).send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: objectKey, Body: body, ContentLength: size, ContentType: options.contentType }),
        { abortSignal: this.signal() },
      );
    } catch (cause) {
      throw this.failure('put', key, cause);
    }
    return { key, size, contentType: options.contentType };
  }

  async get(key: string, range?: BlobRange): Promise<Readable> {
    try {
      const { GetObjectCommand } = await sdk();
      const out = await (await this.client()).send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return out.Body as Readable;
    } catch (cause) {
      if (isNotFound(cause)) throw new NotFoundError('Blob', key);
      throw this.failure('get', key, cause);
    }
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    try {
      const { HeadObjectCommand } = await sdk();
      const out = await (await this.client()).send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }), { abortSignal: this.signal() });
      return { key, size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (cause) {
      if (isNotFound(cause)) return undefined;
      throw this.failure('head', key, cause);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      const { DeleteObjectCommand } = await sdk();
      await (await this.client()).send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }), { abortSignal: this.signal() });
    } catch (cause) {
      if (!isNotFound(cause)) throw this.failure('delete', key, cause);
    }
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    void this.#client?.then((client) => client.destroy());
  }

  private failure(op: string, key: string, cause: unknown): CreatorFlowError {
    if (CreatorFlowError.isInstance(cause)) return cause;
    return new CreatorFlowError(
      'BLOB_STORE_UNAVAILABLE',
      `S3 ${op} of '${key}' in bucket '${this.options.bucket}' failed: ${(cause as Error).message}. Check S3_ENDPOINT, S3_BUCKET and the credentials.`,
      { cause, status: 503, retryable: true },
    );
  }
}
