import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a local install keeps the API token of the cloud it is linked to: the
 * OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux) when there is one, else a file only the user can read. Never the
 * database, which sync and backups copy.
 */
export interface CloudTokenStore {
  readonly kind: 'keychain' | 'file';
  get(workspaceId: string): Promise<string | undefined>;
  set(workspaceId: string, token: string): Promise<void>;
  delete(workspaceId: string): Promise<void>;
}

/** The part of `@napi-rs/keyring`'s Entry we use. */
interface KeyringEntry {
  setPassword(password: string): void;
  getPassword(): string | null;
  deletePassword(): boolean;
}
type EntryFactory = (service: string, account: string) => KeyringEntry;

const SERVICE = 'creatorflow';

export class KeychainTokenStore implements CloudTokenStore {
  readonly kind = 'keychain' as const;
  constructor(
    private readonly entry: EntryFactory,
    /** One machine may have several homes; each keeps its own entries. */
    private readonly homeKey: string,
  ) {}

  #account(workspaceId: string): string {
    return `cloud-token:${this.homeKey}:${workspaceId}`;
  }
  async get(workspaceId: string) {
    return this.entry(SERVICE, this.#account(workspaceId)).getPassword() ?? undefined;
  }
  async set(workspaceId: string, token: string) {
    this.entry(SERVICE, this.#account(workspaceId)).setPassword(token);
  }
  async delete(workspaceId: string) {
    this.entry(SERVICE, this.#account(workspaceId)).deletePassword();
  }
}

export class FileTokenStore implements CloudTokenStore {
  readonly kind = 'file' as const;
  readonly #dir: string;
  constructor(home: string) {
    this.#dir = join(home, 'cloud-tokens');
  }
  #path(workspaceId: string) {
    if (!/^[0-9a-f-]{36}$/i.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
    return join(this.#dir, workspaceId);
  }
  async get(workspaceId: string) {
    const path = this.#path(workspaceId);
    return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
  }
  async set(workspaceId: string, token: string) {
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const path = this.#path(workspaceId);
    writeFileSync(path, token, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  async delete(workspaceId: string) {
    rmSync(this.#path(workspaceId), { force: true });
  }
}

/**
 * The keychain when it answers (checked by writing and removing a probe
 * entry), else the 0600 file — as on CI and on Linux machines without a
 * Secret Service. `keychain: 'off'` skips the keychain.
 */
export async function openCloudTokenStore(home: string, options: { keychain?: 'auto' | 'off'; entry?: EntryFactory } = {}): Promise<CloudTokenStore> {
  const file = new FileTokenStore(home);
  if (options.keychain === 'off') return file;
  try {
    const entry = options.entry ?? (await loadKeyring());
    const homeKey = homeKeyOf(home);
    const probe = entry(SERVICE, `probe:${homeKey}`);
    probe.setPassword('probe');
    const ok = probe.getPassword() === 'probe';
    probe.deletePassword();
    return ok ? new KeychainTokenStore(entry, homeKey) : file;
  } catch {
    return file;
  }
}

/**
 * The store a token was written to, as its link recorded it: a keychain that
 * answers differently from one probe to the next must not hide a saved token.
 */
export async function cloudTokenStoreOf(home: string, kind: CloudTokenStore['kind'], entry?: EntryFactory): Promise<CloudTokenStore> {
  if (kind === 'file') return new FileTokenStore(home);
  return new KeychainTokenStore(entry ?? (await loadKeyring()), homeKeyOf(home));
}

function homeKeyOf(home: string): string {
  return createHash('sha256').update(home).digest('hex').slice(0, 12);
}

/**
 * Loaded on first use: the native module is only needed once someone links a cloud.
 * On Linux only the Secret Service counts: the kernel keyring it would fall back to
 * forgets everything at logout, and the token must outlive a reboot.
 */
async function loadKeyring(): Promise<EntryFactory> {
  const { Entry } = await import('@napi-rs/keyring');
  return (service, account) => new Entry(service, account, { linux: { store: 'secret-service' } });
}
