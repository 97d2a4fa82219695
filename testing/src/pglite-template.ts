import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openDatabase } from '@creatorflow/db';

let cached: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite data directory as a snapshot. Creating PGlite from
 * scratch runs initdb in WebAssembly (seconds); loading this snapshot takes a
 * fraction of that, so every test gets its own fresh database cheaply. The
 * snapshot is cached on disk, keyed by the migrations' checksums.
 */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Blob> {
  const migrations = await loadMigrations();
  const key = createHash('sha256')
    .update(migrations.map((m) => m.checksum).join(','))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `creatorflow-pglite-template-${key}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const blob = await database.dump!();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  } finally {
    await database.close();
  }
}
