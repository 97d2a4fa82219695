import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** 32 key bytes from the configured secret: base64 of exactly 32 bytes is used as is, anything else is hashed. */
function keyBytes(secretKey: string): Buffer {
  const decoded = Buffer.from(secretKey, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(secretKey)) return decoded;
  return createHash('sha256').update(`creatorflow-llm:${secretKey}`).digest();
}

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plain: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, secretKey: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('encrypted secret has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** What a response may show of a secret: its first and last characters. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '****';
  return `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
