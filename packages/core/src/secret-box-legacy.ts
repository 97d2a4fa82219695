import { createDecipheriv, createHash } from 'node:crypto';
import type { SecretPurpose } from './secret-box.ts';

/**
 * The wrappers the one secret box (secret-box.ts) replaced, kept only to open
 * what they wrote so it can be sealed again. All wrote AES-256-GCM as
 * `v1.<iv>.<tag>.<ciphertext>`; they differed in key derivation and encoding:
 *
 * - core `sealSecret` (base64url, no additional data), keyed per domain by
 *   - the LLM layer: base64 of exactly 32 bytes as is, else sha256(`creatorflow-llm:<secret>`);
 *   - the content domain (image services): sha256(`creatorflow-content:<secret>`);
 *   - alerts (webhook URLs, signing secrets): sha256(`creatorflow-alerts:<secret>`);
 * - the vault's `seal` (standard base64, the storage place as additional data),
 *   the server copies keyed by base64 of exactly 32 bytes as is, else
 *   sha256(`creatorflow-vault:<secret>`); local copies by the master-password key.
 *
 * Nothing writes these formats any more.
 */
export function legacyKeys(serverSecret: string, purpose: SecretPurpose): Buffer[] {
  switch (purpose) {
    case 'llm-provider': {
      const decoded = Buffer.from(serverSecret, 'base64');
      if (decoded.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(serverSecret)) return [decoded];
      return [sha256(`creatorflow-llm:${serverSecret}`)];
    }
    case 'image-provider':
      return [sha256(`creatorflow-content:${serverSecret}`)];
    case 'alert-channel':
      return [sha256(`creatorflow-alerts:${serverSecret}`)];
    case 'vault':
      return [legacyVaultServerKey(serverSecret)];
    case 'oauth-state':
      // Signatures only, never stored: nothing to open.
      return [];
    case 'mcp-server':
      // Sealed only since the current format (MCP URLs were plain text before).
      return [];
  }
}

function legacyVaultServerKey(secret: string): Buffer {
  const raw = Buffer.from(secret, 'base64');
  if (raw.length === 32 && raw.toString('base64').replace(/=+$/, '') === secret.replace(/=+$/, '')) return raw;
  return sha256(`creatorflow-vault:${secret}`);
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Opens a `v1.` ciphertext; undefined when it is not one or does not open.
 * Node's base64 decoder reads both alphabets, so one reader serves both
 * wrappers; no additional data is the same as empty additional data in GCM.
 */
export function openLegacy(key: Buffer, sealed: string, context: string): string | undefined {
  const [version, iv, tag, data, extra] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined || extra !== undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    if (context) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
