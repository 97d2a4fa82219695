import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseConfig } from '@creatorflow/db';
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

/** Creates an empty PostgreSQL database named `cf_t_…` next to DATABASE_URL's. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `cf_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
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
