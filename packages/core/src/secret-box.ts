import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { rememberSecret } from './redact.ts';
import { legacyKeys, openLegacy } from './secret-box-legacy.ts';

/**
 * What a server-key ciphertext is for. Each purpose gets its own key from the
 * server secret, so a ciphertext copied into another domain's column never opens.
 */
export type SecretPurpose = 'llm-provider' | 'image-provider' | 'alert-channel' | 'vault' | 'oauth-state' | 'mcp-server';

const VERSION = 'v2';
const HKDF_SALT = Buffer.from('creatorflow-secret-box/v2', 'utf8');

/**
 * A 32-byte key for `purpose` from the server secret (CREATORFLOW_SECRET_KEY or
 * `<home>/secret-key`): HKDF-SHA256, the purpose as its info. The one key
 * derivation from the server secret; for HMAC keys too (oauth-state).
 */
export function deriveServerKey(serverSecret: string, purpose: SecretPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(serverSecret, 'utf8'), HKDF_SALT, `creatorflow:${purpose}`, 32));
}

export interface OpenedSecret {
  plain: string;
  /** Sealed in an older format (or under an older key derivation): seal it again. */
  stale: boolean;
}

/**
 * The one secret box for secrets at rest (provider keys, image-service keys,
 * alert webhooks, vault credentials): AES-256-GCM with a fresh 96-bit IV,
 * written `v2.<iv>.<tag>.<ciphertext>` in base64url. `context` is the GCM
 * additional data: it binds a ciphertext to where it is stored (the vault passes
 * workspace, account, kind and location), so a row copied elsewhere fails to open.
 *
 * Ciphertexts of the wrappers this box replaced (`v1.…`, each with its own key
 * derivation, secret-box-legacy.ts) still open and come back `stale`; the
 * domains seal them again at start-up (`resealStale`) or, for keys only a
 * person holds (the vault's master password), when that key is next at hand.
 */
export class SecretBox {
  readonly #key: Buffer;
  readonly #legacy: readonly Buffer[];
  readonly #remember: boolean;

  private constructor(key: Buffer, legacy: readonly Buffer[], remember: boolean) {
    if (key.length !== 32) throw new Error('a secret box key is 32 bytes');
    this.#key = key;
    this.#legacy = legacy;
    this.#remember = remember;
  }

  /** The box of one purpose under the server secret; opens what the old wrapper of that purpose sealed. */
  static forPurpose(serverSecret: string, purpose: SecretPurpose, options: { remember?: boolean } = {}): SecretBox {
    return new SecretBox(deriveServerKey(serverSecret, purpose), legacyKeys(serverSecret, purpose), options.remember ?? true);
  }

  /**
   * A box over a key derived elsewhere (the vault's master-password key). Old
   * ciphertexts under that key were written in the old format with the same key.
   */
  static withKey(key: Buffer, options: { remember?: boolean } = {}): SecretBox {
    return new SecretBox(key, [key], options.remember ?? true);
  }

  seal(plain: string, context = ''): string {
    // Whatever this process holds in plain, it must be able to scrub from upstream error text (redact.ts).
    if (this.#remember) rememberSecret(plain);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    if (context) cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** Opens a ciphertext of this box or of the wrapper it replaced; throws when it cannot (wrong key, tampered, unknown format). */
  open(sealed: string, context = ''): string {
    return this.openChecked(sealed, context).plain;
  }

  /** Like `open`, and says whether the ciphertext should be sealed again in the current format. */
  openChecked(sealed: string, context = ''): OpenedSecret {
    const opened = this.#tryOpen(sealed, context);
    if (opened === undefined) {
      throw new Error(sealed.startsWith(`${VERSION}.`) || sealed.startsWith('v1.') ? 'encrypted secret cannot be opened with this key (the server secret changed, or the data was altered)' : 'encrypted secret has an unknown format');
    }
    if (this.#remember) rememberSecret(opened.plain);
    return opened;
  }

  /** `open` that answers undefined instead of throwing (the vault reports its own error). */
  tryOpen(sealed: string, context = ''): OpenedSecret | undefined {
    const opened = this.#tryOpen(sealed, context);
    if (opened && this.#remember) rememberSecret(opened.plain);
    return opened;
  }

  /** Whether a ciphertext is in the current format (cheap: no decryption). */
  static isCurrent(sealed: string): boolean {
    return sealed.startsWith(`${VERSION}.`);
  }

  #tryOpen(sealed: string, context: string): OpenedSecret | undefined {
    const [version, iv, tag, data, extra] = sealed.split('.');
    if (version === VERSION && iv && tag && data !== undefined && extra === undefined) {
      const plain = decrypt(this.#key, iv, tag, data, context);
      return plain === undefined ? undefined : { plain, stale: false };
    }
    for (const key of this.#legacy) {
      const plain = openLegacy(key, sealed, context);
      if (plain !== undefined) return { plain, stale: true };
    }
    return undefined;
  }
}

function decrypt(key: Buffer, iv: string, tag: string, data: string, context: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    if (context) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export interface StoredCiphertext {
  id: string;
  sealed: string;
  context?: string;
}

/**
 * The stored ciphertexts among `rows` that are in an old format, sealed again
 * (`to`), with `from` for a compare-and-set update; `unreadable` are the ids
 * this key cannot open (left alone: the domain reports them when they are used).
 */
export function resealStale(box: SecretBox, rows: readonly StoredCiphertext[]): { updates: Array<{ id: string; from: string; to: string }>; unreadable: string[] } {
  const updates: Array<{ id: string; from: string; to: string }> = [];
  const unreadable: string[] = [];
  for (const row of rows) {
    if (SecretBox.isCurrent(row.sealed)) continue;
    const opened = box.tryOpen(row.sealed, row.context);
    if (!opened) unreadable.push(row.id);
    else if (opened.stale) updates.push({ id: row.id, from: row.sealed, to: box.seal(opened.plain, row.context) });
  }
  return { updates, unreadable };
}

/** What a response may show of a secret: its first and last characters. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '****';
  return `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
