import { platforms, resolvePlatform, type PlatformEntry } from '@creatorflow/platforms';

/**
 * A platform's formatting profile is its entry in the platform catalogue
 * (`packages/platforms/src/data/<id>.yaml`): content reads the same limits
 * publish checks, written once.
 */
export type PlatformProfile = PlatformEntry;
export type { OutputKind } from '@creatorflow/platforms';

/** Every platform profile, by canonical id. */
export function loadProfiles(): Map<string, PlatformProfile> {
  return new Map(platforms().map((p) => [p.id, p]));
}

export function platformIds(): string[] {
  return platforms().map((p) => p.id);
}

/** The profile of a platform id or alias; an unknown name is a 400 (PLATFORM_UNKNOWN) naming the known ids. */
export function getProfile(platform: string): PlatformProfile {
  return resolvePlatform(platform);
}
