import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskSecret, openSecret, sealSecret } from './secret-box.ts';

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips, and never writes the plain text', () => {
    const sealed = sealSecret('sk-live-秘密-0123456789', key);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('sk-live');
    expect(openSecret(sealed, key)).toBe('sk-live-秘密-0123456789');
    expect(sealSecret('same', key)).not.toBe(sealSecret('same', key));
  });

  it('refuses another key, a tampered ciphertext and an unknown format', () => {
    const sealed = sealSecret('secret', key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([v, iv, tag, flipped.toString('base64url')].join('.'), key)).toThrow();
    expect(() => openSecret('plain-text', key)).toThrow('unknown format');
  });

  it('masks all but the ends', () => {
    expect(maskSecret('sk-abcdefghijkl')).toBe('sk-…ijkl');
    expect(maskSecret('short')).toBe('****');
  });
});
