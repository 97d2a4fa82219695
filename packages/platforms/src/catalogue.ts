import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { CreatorFlowError, toFieldIssues, ValidationError } from '@creatorflow/core';
import { platformEntrySchema, type PlatformEntry } from './schema.ts';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** The platforms of one catalogue directory, with every name (id or alias) resolved. */
export interface Catalogue {
  entries: PlatformEntry[];
  byName: Map<string, PlatformEntry>;
}

let shipped: Catalogue | undefined;

/** Parses and validates one entry file; errors name the file and the field. */
export function parseEntry(text: string, file: string): PlatformEntry {
  const parsed = platformEntrySchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new ValidationError(`Platform catalogue file ${file} is invalid; fix the listed fields`, toFieldIssues(parsed.error.issues));
  }
  const entry = parsed.data;
  if (entry.publish && entry.kinds.length === 0) {
    throw new ValidationError(`Platform catalogue file ${file}: a platform with publish methods must list the content kinds it accepts`, [{ path: 'kinds', message: 'required with publish' }]);
  }
  if (entry.publish && entry.publish.methods.at(-1) !== 'assist') {
    throw new ValidationError(`Platform catalogue file ${file}: assist must be the last publish method (it is what is left when automation fails)`, [{ path: 'publish.methods', message: 'end with assist' }]);
  }
  return entry;
}

/** Loads a catalogue directory; a name used twice (id or alias) is an error, so every name means one platform. */
export function loadCatalogue(dir: string = DATA_DIR): Catalogue {
  if (dir === DATA_DIR && shipped) return shipped;
  const entries: PlatformEntry[] = [];
  const byName = new Map<string, PlatformEntry>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const entry = parseEntry(readFileSync(join(dir, file), 'utf8'), file);
    if (file !== `${entry.id}.yaml`) throw new ValidationError(`Platform catalogue file ${file} holds '${entry.id}'; name it ${entry.id}.yaml`, [{ path: 'id', message: 'file name' }]);
    for (const name of [entry.id, ...entry.aliases]) {
      const taken = byName.get(name);
      if (taken) throw new ValidationError(`Platform name '${name}' is used by both ${taken.id} and ${entry.id}`, [{ path: 'aliases', message: `'${name}' already names ${taken.id}` }]);
      byName.set(name, entry);
    }
    entries.push(entry);
  }
  const catalogue = { entries, byName };
  if (dir === DATA_DIR) shipped = catalogue;
  return catalogue;
}

/** Every platform of the catalogue, in id order. */
export function platforms(): PlatformEntry[] {
  return loadCatalogue().entries;
}

export function platformIds(): string[] {
  return platforms().map((p) => p.id);
}

/** The platforms CreatorFlow can publish to (they have publish methods). */
export function publishPlatforms(): PlatformEntry[] {
  return platforms().filter((p) => p.publish !== undefined);
}

/** The entry for an id or alias (case-insensitive, `-` and `_` alike), or undefined. */
export function findPlatform(name: string): PlatformEntry | undefined {
  const key = name.trim().toLowerCase();
  const { byName } = loadCatalogue();
  return byName.get(key) ?? byName.get(key.replaceAll('-', '_'));
}

/** The entry for an id or alias; an unknown name is a 400 naming the known ids, never a silent fallback. */
export function resolvePlatform(name: string): PlatformEntry {
  const entry = findPlatform(name);
  if (!entry) {
    throw new CreatorFlowError('PLATFORM_UNKNOWN', `未知平台 '${name}' (unknown platform). Use one of: ${platformIds().join(', ')}`, {
      status: 400,
      details: { platform: name, known: platformIds() },
    });
  }
  return entry;
}

/** Whether two names (ids or aliases) mean the same platform. */
export function samePlatform(a: string, b: string): boolean {
  const x = findPlatform(a);
  return x !== undefined && x === findPlatform(b);
}
