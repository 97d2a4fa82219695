import { getTableColumns } from 'drizzle-orm';
import type { Logger } from 'pino';
import { schema, type Database } from '@creatorflow/db';

export type UsageRecord = typeof schema.llmUsage.$inferInsert;

export interface UsageWriterOptions {
  /** Flush when this many records wait. */
  batchSize: number;
  /** Flush at least this often. */
  intervalMs: number;
  /** Records kept while the database is unreachable; beyond this the oldest are dropped (and logged). */
  maxBuffered: number;
}

const COLUMNS = Object.entries(getTableColumns(schema.llmUsage)).map(([prop, column]) => ({
  key: column.name,
  prop: prop as keyof UsageRecord,
  // jsonb_populate_recordset gives NULL for a missing key, not the column default.
  fallback: column.default as unknown,
}));

/**
 * The whole batch travels as one JSON parameter and is unpacked by PostgreSQL:
 * in local mode PGlite runs on the server's own thread, and a 500-row INSERT
 * with 11,000 bound parameters held the event loop 3–4× longer than this.
 */
const INSERT = `INSERT INTO llm_usage (${COLUMNS.map((c) => c.key).join(', ')})
  SELECT ${COLUMNS.map((c) => c.key).join(', ')} FROM jsonb_populate_recordset(NULL::llm_usage, $1::jsonb)`;

function toRow(record: UsageRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { key, prop, fallback } of COLUMNS) {
    const value = record[prop] ?? fallback;
    if (value !== undefined) row[key] = value;
  }
  return row;
}

/**
 * Writes usage records off the request path: `add` only appends to a buffer;
 * a timer writes batches with one multi-row INSERT. `close` flushes what is left,
 * so nothing is lost on an orderly shutdown.
 */
export class UsageWriter {
  #buffer: UsageRecord[] = [];
  #flushing: Promise<void> | undefined;
  readonly #timer: NodeJS.Timeout;
  readonly #listeners = new Set<(records: UsageRecord[]) => void>();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly options: UsageWriterOptions = { batchSize: 500, intervalMs: 1000, maxBuffered: 100_000 },
  ) {
    this.#timer = setInterval(() => void this.flush().catch(() => undefined), options.intervalMs);
    this.#timer.unref();
  }

  add(record: UsageRecord): void {
    this.#buffer.push(record);
    if (this.#buffer.length > this.options.maxBuffered) {
      const dropped = this.#buffer.splice(0, this.#buffer.length - this.options.maxBuffered);
      this.logger.error({ dropped: dropped.length }, 'llm usage buffer overflowed; oldest records dropped');
    }
    if (this.#buffer.length >= this.options.batchSize) void this.flush().catch(() => undefined);
  }

  /** Called with each batch after it was written (cost ledger, live charts). */
  onWritten(listener: (records: UsageRecord[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get pending(): number {
    return this.#buffer.length;
  }

  /** Writes everything buffered so far; concurrent calls share one write. */
  async flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    if (this.#buffer.length === 0) return;
    const batch = this.#buffer.splice(0, this.options.batchSize);
    this.#flushing = this.#write(batch).finally(() => (this.#flushing = undefined));
    await this.#flushing;
    if (this.#buffer.length >= this.options.batchSize) await this.flush();
  }

  async #write(batch: UsageRecord[]): Promise<void> {
    try {
      await this.database.query(INSERT, [JSON.stringify(batch.map(toRow))]);
      for (const listener of this.#listeners) listener(batch);
    } catch (error) {
      this.logger.error({ err: error, records: batch.length }, 'writing llm usage failed; will retry');
      this.#buffer.unshift(...batch);
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    for (let i = 0; i < 3 && this.#buffer.length > 0; i++) await this.flush().catch(() => undefined);
  }
}
