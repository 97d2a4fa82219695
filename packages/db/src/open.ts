import { join } from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { migrate } from './migrate.ts';

export type DatabaseConfig =
  | {
      kind: 'pglite';
      /** data dir; undefined = in memory */
      dataDir?: string;
      /** Start from this snapshot (made by `Database.dump`) when the data dir is new. */
      loadDataDir?: Blob;
      /** PGlite's WebAssembly already compiled (`desktopPgliteWasm`); PGlite compiles it itself when absent. */
      wasmModule?: WebAssembly.Module;
    }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  const database =
    config.kind === 'pglite'
      ? await openPglite(config.dataDir, { loadDataDir: config.loadDataDir, wasmModule: config.wasmModule })
      : await openPostgres({ url: config.url, maxConnections: config.maxConnections });
  if (options.migrate !== false) {
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

/** Where local mode keeps its embedded database inside the home directory. */
export const pgliteDirIn = (home: string): string => join(home, 'db');
