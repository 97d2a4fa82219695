import { createHash } from 'node:crypto';
import { maskSecret, openSecret, sealSecret } from '@creatorflow/core';

/** The image-service key's own key, derived from the configured secret. */
function key(secretKey: string): Buffer {
  return createHash('sha256').update(`creatorflow-content:${secretKey}`).digest();
}

export const seal = (plain: string, secretKey: string): string => sealSecret(plain, key(secretKey));
export const unseal = (sealed: string, secretKey: string): string => openSecret(sealed, key(secretKey));
export const hint = maskSecret;
