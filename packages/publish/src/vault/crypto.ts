import { createCipheriv, createDecipheriv, createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; the vault refuses fewer. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const KDF_NAME = 'pbkdf2-sha256';
const VERSION = 'v1';

/** Derives the 256-bit vault key from the master password. Slow on purpose (~0.5 s). */
export async function deriveKey(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new Error(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations`);
  return pbkdf2Async(password.normalize('NFC'), salt, iterations, 32, 'sha256');
}

/** A 32-byte key from the server secret (any long passphrase or base64 of 32 bytes). */
export function serverKeyFrom(secret: string): Buffer {
  const raw = Buffer.from(secret, 'base64');
  if (raw.length === 32 && raw.toString('base64').replace(/=+$/, '') === secret.replace(/=+$/, '')) return raw;
  return createHash('sha256').update(`creatorflow-vault:${secret}`).digest();
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

/**
 * AES-256-GCM with a fresh 96-bit IV. `aad` binds the ciphertext to where it is
 * stored (workspace, account, kind), so a row copied elsewhere fails to decrypt.
 */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join('.');
}

/** Returns undefined when the key is wrong or the data was tampered with. */
export function open(key: Buffer, sealed: string, aad: string): string | undefined {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

const VERIFIER_TEXT = 'creatorflow-vault-verifier';

export function makeVerifier(key: Buffer, workspaceId: string): string {
  return seal(key, VERIFIER_TEXT, `verifier:${workspaceId}`);
}

export function checkVerifier(key: Buffer, workspaceId: string, verifier: string): boolean {
  const text = open(key, verifier, `verifier:${workspaceId}`);
  if (text === undefined) return false;
  const a = Buffer.from(text);
  const b = Buffer.from(VERIFIER_TEXT);
  return a.length === b.length && timingSafeEqual(a, b);
}
