import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { rememberSecret } from './redact.ts';

/**
 * Secrets at rest (provider keys, image-service keys): AES-256-GCM, written as
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. Each domain derives its own 32-byte
 * key from the configured secret, so one domain's ciphertext never opens in another.
 */
export function sealSecret(plain: string, key: Buffer): string {
  rememberSecret(plain);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('encrypted secret has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  // Whatever this process can read, it must be able to scrub from upstream error text (redact.ts).
  rememberSecret(plain);
  return plain;
}

/** What a response may show of a secret: its first and last characters. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '****';
  return `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
