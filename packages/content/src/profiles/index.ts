import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CreatorFlowError, toFieldIssues, ValidationError } from '@creatorflow/core';
import { platformProfileSchema, type PlatformProfile } from './schema.ts';

export type { PlatformProfile, OutputKind } from './schema.ts';

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Short names people type on the command line. */
const ALIASES: Record<string, string> = {
  wx: 'wechat',
  mp: 'wechat',
  wechat_mp: 'wechat',
  'wechat-mp': 'wechat',
  weixin: 'wechat',
  xhs: 'xiaohongshu',
  rednote: 'xiaohongshu',
  bili: 'bilibili',
  channels: 'shipinhao',
  sph: 'shipinhao',
};

let cache: Map<string, PlatformProfile> | undefined;

/** Parses and validates one profile file; errors name the file and field. */
export function parseProfile(text: string, file: string): PlatformProfile {
  const parsed = platformProfileSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new ValidationError(`Platform profile ${file} is invalid; fix the listed fields`, toFieldIssues(parsed.error.issues));
  }
  return parsed.data;
}

/** Every shipped platform profile, by id. */
export function loadProfiles(dir: string = DATA_DIR): Map<string, PlatformProfile> {
  if (dir === DATA_DIR && cache) return cache;
  const profiles = new Map<string, PlatformProfile>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const profile = parseProfile(readFileSync(join(dir, file), 'utf8'), file);
    profiles.set(profile.id, profile);
  }
  if (dir === DATA_DIR) cache = profiles;
  return profiles;
}

export function platformIds(): string[] {
  return [...loadProfiles().keys()];
}

/** The profile of a platform id or alias; unknown ids get a 400 naming the valid ones. */
export function getProfile(platform: string): PlatformProfile {
  const id = ALIASES[platform.toLowerCase()] ?? platform.toLowerCase();
  const profile = loadProfiles().get(id);
  if (!profile) {
    throw new CreatorFlowError(
      'CONTENT_UNKNOWN_PLATFORM',
      `Unknown platform '${platform}'. Use one of: ${platformIds().join(', ')}`,
      { status: 400, details: { platform, known: platformIds() } },
    );
  }
  return profile;
}
