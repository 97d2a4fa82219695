import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The PGlite version installed, which a data-directory snapshot must match. */
export function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where the bundled snapshot for the installed PGlite lives. */
export function pgliteBasePath(version = pgliteVersion()): string {
  return fileURLToPath(new URL(`./assets/pglite-base-${version}.tar.gz`, import.meta.url));
}

/**
 * A freshly initialised, empty PGlite data directory (initdb only, no
 * migrations), shipped with the source. A new home is seeded from it instead
 * of running initdb in WebAssembly, which is most of the first start's time
 * (docs/decisions/0101). Migrations then run as on any start. Undefined when
 * no snapshot matches the installed PGlite (after an upgrade): the first
 * start then runs initdb as usual; `node --import tsx
 * apps/server/src/local/make-pglite-base.ts` makes a new one.
 */
export function bundledPgliteBase(): Blob | undefined {
  try {
    const path = pgliteBasePath();
    return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
  } catch {
    return undefined;
  }
}
