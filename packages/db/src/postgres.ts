import { CreatorFlowError } from '@creatorflow/core';
import * as schema from './schema/index.ts';
import type { Database, Db } from './database.ts';

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
  /** Milliseconds to wait for the first connection before giving up with a clear error. */
  connectTimeoutMs?: number;
}

/** PostgreSQL for cloud mode, through a node-postgres pool. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  // Loaded here, not at the top: a local-mode process (PGlite) never opens PostgreSQL,
  // and node-postgres with its drizzle driver is ~40 modules it would load for nothing.
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle client that dies must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new CreatorFlowError(
      'DB_UNREACHABLE',
      `Cannot connect to PostgreSQL at DATABASE_URL (${redactUrl(options.url)}): ${(cause as Error).message}. ` +
        'Check that the server is running and DATABASE_URL is right, e.g. postgres://user:pass@127.0.0.1:5432/creatorflow',
      { cause, status: 503 },
    );
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Hides the password of a connection URL for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
