import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, deriveServerKey, maskSecret, resealStale } from './secret-box.ts';
import { OLD } from './testing/old-ciphertexts.ts';

describe('secret box', () => {
  const box = SecretBox.forPurpose('a-server-secret-of-32-characters!!', 'llm-provider');

  it('round-trips in the v2 format, and never writes the plain text', () => {
    const sealed = box.seal('sk-live-秘密-0123456789');
    expect(sealed).toMatch(/^v2\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('sk-live');
    expect(box.openChecked(sealed)).toEqual({ plain: 'sk-live-秘密-0123456789', stale: false });
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('keys each purpose apart and binds the context', () => {
    const sealed = box.seal('secret', 'ws-1:acct-1');
    expect(() => SecretBox.forPurpose('a-server-secret-of-32-characters!!', 'image-provider').open(sealed, 'ws-1:acct-1')).toThrow('cannot be opened');
    expect(() => SecretBox.forPurpose('another-server-secret-of-32-chars!', 'llm-provider').open(sealed, 'ws-1:acct-1')).toThrow('cannot be opened');
    expect(() => box.open(sealed, 'ws-2:acct-1')).toThrow('cannot be opened');
    expect(box.open(sealed, 'ws-1:acct-1')).toBe('secret');
    expect(deriveServerKey('s', 'vault').equals(deriveServerKey('s', 'oauth-state'))).toBe(false);
  });

  it('refuses a tampered ciphertext and an unknown format', () => {
    const sealed = box.seal('secret');
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow('cannot be opened');
    expect(() => box.open('plain-text')).toThrow('unknown format');
    expect(box.tryOpen('plain-text')).toBeUndefined();
  });

  it('masks all but the ends', () => {
    expect(maskSecret('sk-abcdefghijkl')).toBe('sk-…ijkl');
    expect(maskSecret('short')).toBe('****');
  });
});

/** Ciphertexts the old wrappers wrote (recorded from the old code, testing/old-ciphertexts.ts) open, stale, and reseal to v2. */
describe('ciphertexts of the wrappers the box replaced', () => {
  const cloudContext = `${OLD.workspaceId}:${OLD.accountId}:session:cloud`;
  const localContext = `${OLD.workspaceId}:${OLD.accountId}:session:local`;
  const cases: Array<[string, SecretBox, string, string, string?]> = [
    ['LLM provider key (hashed secret)', SecretBox.forPurpose(OLD.passphrase, 'llm-provider'), OLD.llm, OLD.llmPlain],
    ['LLM provider key (base64 32-byte secret)', SecretBox.forPurpose(OLD.raw32, 'llm-provider'), OLD.llmRaw32, 'sk-llm-raw-0123456789'],
    ['image-service key', SecretBox.forPurpose(OLD.passphrase, 'image-provider'), OLD.content, OLD.contentPlain],
    ['alert webhook URL', SecretBox.forPurpose(OLD.passphrase, 'alert-channel'), OLD.alertTarget, OLD.alertTargetPlain],
    ['vault cloud copy (hashed secret)', SecretBox.forPurpose(OLD.passphrase, 'vault'), OLD.vaultCloud, JSON.stringify({ token: 'cloud-token-0123456789' }), cloudContext],
    ['vault cloud copy (base64 32-byte secret)', SecretBox.forPurpose(OLD.raw32, 'vault'), OLD.vaultCloudRaw32, JSON.stringify({ token: 'cloud-raw-0123456789' }), cloudContext],
    ['vault local copy (master-password key)', SecretBox.withKey(Buffer.from(OLD.vaultLocalKey, 'base64')), OLD.vaultLocal, JSON.stringify({ token: 'local-token-0123456789' }), localContext],
  ];

  for (const [what, oldBox, sealed, plain, context] of cases) {
    it(`opens and re-seals the ${what}`, () => {
      expect(oldBox.openChecked(sealed, context)).toEqual({ plain, stale: true });
      const { updates, unreadable } = resealStale(oldBox, [{ id: 'row-1', sealed, context }]);
      expect(unreadable).toEqual([]);
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ id: 'row-1', from: sealed });
      expect(updates[0]!.to).toMatch(/^v2\./);
      expect(oldBox.openChecked(updates[0]!.to, context)).toEqual({ plain, stale: false });
      // Nothing left to do the second time.
      expect(resealStale(oldBox, [{ id: 'row-1', sealed: updates[0]!.to, context }]).updates).toEqual([]);
    });
  }

  it('keeps each old ciphertext to its own domain, key and context', () => {
    expect(SecretBox.forPurpose(OLD.passphrase, 'image-provider').tryOpen(OLD.llm)).toBeUndefined();
    expect(SecretBox.forPurpose(OLD.passphrase, 'alert-channel').tryOpen(OLD.content)).toBeUndefined();
    expect(SecretBox.forPurpose('another-secret-of-32-characters!!!', 'llm-provider').tryOpen(OLD.llm)).toBeUndefined();
    expect(SecretBox.forPurpose(OLD.passphrase, 'vault').tryOpen(OLD.vaultCloud, `${OLD.workspaceId}:${OLD.workspaceId}:session:cloud`)).toBeUndefined();
    expect(SecretBox.withKey(randomBytes(32)).tryOpen(OLD.vaultLocal, localContext)).toBeUndefined();
    // One it cannot open is reported, not rewritten.
    expect(resealStale(SecretBox.forPurpose('another-secret-of-32-characters!!!', 'llm-provider'), [{ id: 'x', sealed: OLD.llm }])).toEqual({ updates: [], unreadable: ['x'] });
  });
});
