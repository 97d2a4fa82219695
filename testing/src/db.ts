import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadMigrations, openDatabase, type Database, type DatabaseConfig } from '@creatorflow/db';
import { pgliteTemplate } from './pglite-template.ts';

/** The drivers a repository test must pass on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testDrivers(): Array<'pglite' | 'postgres'> {
  const url = process.env.DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but DATABASE_URL is not set: cloud-mode tests must run in CI, never skip.');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

export function hasPostgres(): boolean {
  return testDrivers().includes('postgres');
}

export interface TestDatabase {
  database: Database;
  /** Connection config; for PostgreSQL a database of its own, dropped by `dispose`. */
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file. On PostgreSQL each call creates a
 * throw-away database, so test files run in parallel without seeing each other.
 */
export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const config: DatabaseConfig = { kind: 'pglite', loadDataDir: await pgliteTemplate() };
    const database = await openDatabase(config);
    return { database, config, dispose: () => database.close() };
  }
  const url = await createPostgresDatabase();
  const config: DatabaseConfig = { kind: 'postgres', url: url.url, maxConnections: 5 };
  const database = await openDatabase(config);
  return {
    database,
    config,
    async dispose() {
      await database.close();
      await url.drop();
    },
  };
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The name of a database holding every current migration, made once per set of
 * migrations on this server and kept (`cf_tpl_<hash>`). Copying it is a file copy
 * inside PostgreSQL; running the migrations again took ~1–2 s per test database.
 * Parallel test workers agree through an advisory lock; the template appears under
 * its final name only once complete (made as `…_wip`, then renamed), and nothing
 * stays connected to it, which `CREATE DATABASE … TEMPLATE` requires.
 */
async function migratedTemplate(admin: pg.Client, base: string): Promise<string> {
  const migrations = await loadMigrations();
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.id}\0${m.checksum}\0`);
  const name = `cf_tpl_${hash.digest('hex').slice(0, 16)}`;
  const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (await exists()) return name;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    if (await exists()) return name;
    const wip = `${name}_wip`;
    await admin.query(`DROP DATABASE IF EXISTS ${wip} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${wip}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(base, wip), maxConnections: 2 });
    await database.close();
    await admin.query(`ALTER DATABASE ${wip} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}

/**
 * Creates a PostgreSQL database named `cf_t_…` next to DATABASE_URL's, already
 * migrated to the current schema (a copy of {@link migratedTemplate}); opening it
 * finds nothing to apply. `{ empty: true }` gives a database with no tables.
 */
export async function createPostgresDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `cf_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const template = options.empty ? undefined : await migratedTemplate(admin, base);
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Redis URL for cloud-mode tests; under CI=true it must be set. */
export function testRedisUrl(): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but REDIS_URL is not set: cloud-mode tests must run in CI, never skip.');
  }
  return url;
}
