// Writes the bundled PGlite base snapshot for the installed PGlite version (see pglite-base.ts).
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteBasePath } from './pglite-base.ts';

const target = pgliteBasePath();
const pg = await PGlite.create();
const blob = await pg.dumpDataDir('gzip');
await pg.close();
for (const old of readdirSync(dirname(target))) if (old.startsWith('pglite-base-')) unlinkSync(`${dirname(target)}/${old}`);
writeFileSync(target, Buffer.from(await blob.arrayBuffer()));
process.stdout.write(`wrote ${target} (${(blob.size / 1e6).toFixed(1)} MB)\n`);
