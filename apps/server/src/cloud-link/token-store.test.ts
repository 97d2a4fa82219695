import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCloudTokenStore } from './token-store.ts';

const WS = '0190a8c2-0000-7000-8000-000000000001';
const homes: string[] = [];
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-tokens-'));
  homes.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A keychain in memory, with the same calls as @napi-rs/keyring's Entry. */
function memoryKeychain() {
  const items = new Map<string, string>();
  return {
    items,
    entry: (service: string, account: string) => ({
      setPassword: (p: string) => void items.set(`${service}/${account}`, p),
      getPassword: () => items.get(`${service}/${account}`) ?? null,
      deletePassword: () => items.delete(`${service}/${account}`),
    }),
  };
}

describe('cloud token store', () => {
  it('uses the keychain when it answers, and keeps nothing on disk', async () => {
    const keychain = memoryKeychain();
    const dir = home();
    const store = await openCloudTokenStore(dir, { entry: keychain.entry });
    expect(store.kind).toBe('keychain');
    await store.set(WS, 'cf_pat_secret');
    expect(await store.get(WS)).toBe('cf_pat_secret');
    expect([...keychain.items.keys()]).toEqual([expect.stringMatching(new RegExp(`^creatorflow/cloud-token:[0-9a-f]{12}:${WS}$`))]);
    await store.delete(WS);
    expect(await store.get(WS)).toBeUndefined();
  });

  it('falls back to a 0600 file when there is no keychain service (as on CI)', async () => {
    const dir = home();
    const broken = () => ({
      setPassword: () => {
        throw new Error("Couldn't access platform storage: AccessDenied");
      },
      getPassword: () => null,
      deletePassword: () => false,
    });
    const store = await openCloudTokenStore(dir, { entry: broken });
    expect(store.kind).toBe('file');
    await store.set(WS, 'cf_pat_secret');
    expect(statSync(join(dir, 'cloud-tokens', WS)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cloud-tokens')).mode & 0o777).toBe(0o700);
    expect(await store.get(WS)).toBe('cf_pat_secret');
    await store.delete(WS);
    expect(await store.get(WS)).toBeUndefined();
  });

  it('opens with the real keyring module on this machine, whichever store it ends up with', async () => {
    const store = await openCloudTokenStore(home());
    expect(['keychain', 'file']).toContain(store.kind);
  });
});
