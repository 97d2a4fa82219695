import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Opaque bearer secrets: a recognisable prefix plus 32 random bytes. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Refresh, API and invitation tokens are high-entropy, so a fast hash is enough
 * to keep a database leak from handing out working credentials.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const API_TOKEN_PREFIX = 'cf_pat_';
export const REFRESH_TOKEN_PREFIX = 'cf_rt_';
export const INVITATION_TOKEN_PREFIX = 'cf_inv_';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane) — argon2id is algorithm 2.
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password. Without a stored hash it still does the work of one
 * verification, so response time does not reveal whether an email exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
