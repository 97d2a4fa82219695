import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type DbKind = 'pglite' | 'postgres';

/** The Drizzle handle every repository takes; the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Anything that can run queries: the database itself or an open transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * One opened database, whichever driver is behind it. Repositories use `db`;
 * raw SQL (migrations, full-text search) goes through `query`/`exec`.
 */
export interface Database {
  readonly kind: DbKind;
  readonly db: Db;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` while holding a database-wide advisory lock, so that two server
   * copies never do the same one-off work (migrations, seeding) at once.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the data directory, to start copies quickly (tests). */
  dump?(): Promise<Blob>;
}
