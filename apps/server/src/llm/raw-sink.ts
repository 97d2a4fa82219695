import type { ServerResponse } from 'node:http';
import type { ReplySink } from '@creatorflow/llm';

/** Writes the gateway's answer straight to Node's response (the route hijacked Fastify's reply). */
export class RawSink implements ReplySink {
  constructor(
    private readonly res: ServerResponse,
    private readonly extraHeaders: Record<string, string>,
  ) {}

  send(status: number, headers: Record<string, string>, body: string | Buffer): void {
    if (this.res.destroyed) return;
    this.res.writeHead(status, { ...headers, ...this.extraHeaders, 'content-length': Buffer.byteLength(body) });
    this.res.end(body);
  }

  open(status: number, headers: Record<string, string>): void {
    // No flushHeaders(): the first chunk follows at once, and headers and chunk then leave in one packet.
    this.res.writeHead(status, { ...headers, ...this.extraHeaders });
  }

  write(chunk: string | Buffer): boolean {
    if (this.res.destroyed) return true;
    return this.res.write(chunk);
  }

  drained(): Promise<void> {
    if (this.res.destroyed || !this.res.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  end(): void {
    if (!this.res.destroyed && !this.res.writableEnded) this.res.end();
  }
}
