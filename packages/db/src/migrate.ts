import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CreatorFlowError } from '@creatorflow/core';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_LOCK_KEY = 727_001;

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(new URL(file, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      return { id: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies every migration not yet applied, each in its own transaction, under
 * an advisory lock so several server copies starting at once do not race.
 * Returns the ids applied by this call.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await loadMigrations(dir);
  return database.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    await database.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id text PRIMARY KEY,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = new Map(
      (await database.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations')).map(
        (r) => [r.id, r.checksum],
      ),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.id);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new CreatorFlowError(
            'DB_MIGRATION_CHANGED',
            `Migration ${m.id} was changed after it was applied. Restore the original file and add a new migration instead.`,
          );
        }
        continue;
      }
      const escapedId = m.id.replace(/'/g, "''");
      try {
        await database.exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (id, checksum) VALUES ('${escapedId}', '${m.checksum}');\nCOMMIT;`,
        );
      } catch (cause) {
        await database.exec('ROLLBACK').catch(() => undefined);
        throw new CreatorFlowError('DB_MIGRATION_FAILED', `Migration ${m.id} failed: ${(cause as Error).message}`, {
          cause,
        });
      }
      done.push(m.id);
    }
    return done;
  });
}
