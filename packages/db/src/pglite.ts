import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema/index.ts';
import type { Database, Db } from './database.ts';

/**
 * Embedded PostgreSQL for local mode. `dataDir` undefined keeps everything in
 * memory, which tests use. PGlite is single-connection, so queries are
 * serialised by PGlite itself and advisory locks reduce to a simple mutex.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const client = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzle({ client, schema }) as unknown as Db;
  let lockChain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db,
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await client.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
    withAdvisoryLock<T>(_key: number, fn: () => Promise<T>): Promise<T> {
      const run = lockChain.then(fn, fn);
      lockChain = run.catch(() => undefined);
      return run;
    },
    async close() {
      await client.close();
    },
    async dump() {
      return client.dumpDataDir('none');
    },
  };
}
