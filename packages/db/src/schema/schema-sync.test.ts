import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import * as schema from './index.ts';

/**
 * Migrations are hand-written SQL (docs/decisions/0002); the Drizzle tables
 * must describe what they create, or typed queries would fail at run time.
 */
describe('Drizzle schema and SQL migrations', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
  });
  afterAll(() => test.dispose());

  const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);

  it('declares at least the foundation tables', () => {
    expect(tables.map((t) => getTableConfig(t).name)).toEqual(expect.arrayContaining(['users', 'workspaces', 'memberships']));
  });

  it.each(tables.map((t) => [getTableConfig(t).name, t] as const))('table %s matches the migrated database', async (name, table) => {
    const rows = await test.database.query<{ column_name: string; is_nullable: string }>(
      `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [name],
    );
    const actual = new Map(rows.map((r) => [r.column_name, r.is_nullable === 'YES']));
    expect(actual.size, `table ${name} is missing from the migrations`).toBeGreaterThan(0);
    for (const column of getTableConfig(table).columns) {
      expect(actual.has(column.name), `${name}.${column.name} is declared in Drizzle but not created by a migration`).toBe(true);
      if (column.primary) continue;
      expect(actual.get(column.name), `${name}.${column.name} nullability differs`).toBe(!column.notNull);
    }
  });
});
