import { createHash } from 'node:crypto';
import { maskSecret, openSecret, sealSecret } from '@creatorflow/core';

export { maskSecret };

/** 32 key bytes from the configured secret: base64 of exactly 32 bytes is used as is, anything else is hashed. */
function keyBytes(secretKey: string): Buffer {
  const decoded = Buffer.from(secretKey, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(secretKey)) return decoded;
  return createHash('sha256').update(`creatorflow-llm:${secretKey}`).digest();
}

export function encryptSecret(plain: string, secretKey: string): string {
  return sealSecret(plain, keyBytes(secretKey));
}

export function decryptSecret(sealed: string, secretKey: string): string {
  return openSecret(sealed, keyBytes(secretKey));
}
