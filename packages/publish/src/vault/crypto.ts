import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { SecretBox } from '@creatorflow/core';

const pbkdf2Async = promisify(pbkdf2);

/** OWASP 2023 guidance for PBKDF2-HMAC-SHA256; the vault refuses fewer. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const KDF_NAME = 'pbkdf2-sha256';

/** Derives the 256-bit vault key from the master password. Slow on purpose (~0.5 s). */
export async function deriveKey(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  if (iterations < MIN_PBKDF2_ITERATIONS) throw new Error(`PBKDF2 needs at least ${MIN_PBKDF2_ITERATIONS} iterations`);
  return pbkdf2Async(password.normalize('NFC'), salt, iterations, 32, 'sha256');
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

/**
 * The box of one master-password key (the one secret box, core secret-box.ts).
 * The vault remembers what it reads itself (the secret fields of a credential),
 * so the box does not remember whole JSON texts.
 */
export const passwordBox = (key: Buffer): SecretBox => SecretBox.withKey(key, { remember: false });

/** The box of the server copies (synced and OAuth credentials) under the server secret. */
export const serverBox = (serverSecret: string): SecretBox => SecretBox.forPurpose(serverSecret, 'vault', { remember: false });

const VERIFIER_TEXT = 'creatorflow-vault-verifier';

export function makeVerifier(box: SecretBox, workspaceId: string): string {
  return box.seal(VERIFIER_TEXT, `verifier:${workspaceId}`);
}

/** Whether the verifier opens under this key; `stale` when it was written in the old format. */
export function checkVerifier(box: SecretBox, workspaceId: string, verifier: string): { ok: boolean; stale: boolean } {
  const opened = box.tryOpen(verifier, `verifier:${workspaceId}`);
  if (opened === undefined) return { ok: false, stale: false };
  const a = Buffer.from(opened.plain);
  const b = Buffer.from(VERIFIER_TEXT);
  return { ok: a.length === b.length && timingSafeEqual(a, b), stale: opened.stale };
}
