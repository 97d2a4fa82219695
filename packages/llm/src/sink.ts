/** Where an answer goes: an HTTP response for the gateway, a collector for in-process calls. */
export interface ReplySink {
  /** A complete, non-streamed answer. */
  send(status: number, headers: Record<string, string>, body: string | Buffer): void;
  /** Starts a stream; called once, after the first upstream byte arrived (no failover after this). */
  open(status: number, headers: Record<string, string>): void;
  /** Writes a piece of the stream; false means wait for `drained()`. */
  write(chunk: string | Buffer): boolean;
  drained(): Promise<void>;
  end(): void;
}

export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};
export const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json' };
