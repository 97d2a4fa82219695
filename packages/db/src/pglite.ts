import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from './schema/index.ts';
import type { Database, Db } from './database.ts';

/**
 * PostgreSQL settings for one user on a desktop. PGlite's defaults are a server's
 * (shared_buffers 128 MB, wal_buffers 4 MB), and WASM memory, once touched, is
 * never given back: the default shared buffers alone kept ~150 MB resident in an
 * idle local server. The data directory lives on the real file system, so the OS
 * page cache still holds hot pages; 16 MB of buffers keeps the search and engine
 * benchmarks level (docs/benchmarks.md, "PGlite sized for a desktop").
 */
export const DESKTOP_PGLITE_SETTINGS = ['shared_buffers=16MB', 'wal_buffers=512kB', 'temp_buffers=2MB', 'max_connections=8'];

/**
 * Embedded PostgreSQL for local mode. `dataDir` undefined keeps everything in
 * memory, which tests use. PGlite is single-connection, so queries are
 * serialised by PGlite itself and advisory locks reduce to a simple mutex.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob; wasmModule?: WebAssembly.Module } = {}): Promise<Database> {
  const startParams = [...PGlite.defaultStartParams, ...DESKTOP_PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])];
  const client = await PGlite.create(dataDir, {
    startParams,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    // Compiled ahead (pglite-wasm.ts); otherwise PGlite compiles its own copy for each instance.
    ...(options.wasmModule ? { pgliteWasmModule: options.wasmModule } : {}),
  });
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
