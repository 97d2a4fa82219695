import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new gateway key `sk-cf-` + 40 base62 characters (≈238 bits). */
export function newGatewayKey(): string {
  const bytes = randomBytes(40);
  let out = 'sk-cf-';
  for (const byte of bytes) out += ALPHABET[byte % 62];
  return out;
}

/** Keys are stored only as this hash; they are random, so no salt or slow hash is needed. */
export function hashGatewayKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function gatewayKeyPrefix(key: string): string {
  return `${key.slice(0, 10)}…`;
}

export function looksLikeGatewayKey(value: string): boolean {
  return /^sk-cf-[A-Za-z0-9]{40}$/.test(value);
}
