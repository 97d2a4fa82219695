import { describe, expect, it } from 'vitest';
import { CreatorFlowError } from './errors.ts';
import { REDACTED, SecretRedactor, redactSecrets, rememberSecret, secretRedactor } from './redact.ts';
import { SecretBox } from './secret-box.ts';
import { randomBytes } from 'node:crypto';

const fresh = () => `cfk${randomBytes(12).toString('hex')}`;

describe('SecretRedactor', () => {
  it('replaces a remembered secret wherever it appears, also URL-encoded and JSON-escaped', () => {
    const r = new SecretRedactor();
    const secret = 'p@ss/word "quoted" 12345';
    r.remember(secret);
    expect(r.redact(`a ${secret} b`)).toBe(`a ${REDACTED} b`);
    expect(r.redact(`u=${encodeURIComponent(secret)}`)).not.toContain(encodeURIComponent(secret));
    expect(r.redact(JSON.stringify({ m: `x${secret}y` }))).toBe(JSON.stringify({ m: `x${REDACTED}y` }));
  });

  it('ignores secrets too short to replace safely', () => {
    const r = new SecretRedactor();
    r.remember('1234');
    expect(r.redact('order 1234')).toBe('order 1234');
  });

  it('catches secret shapes it never held: bearer tokens, sk- keys, token query parameters, JSON key fields', () => {
    const r = new SecretRedactor();
    expect(r.redact('Authorization: Bearer abcdefghijklmnop1234')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.redact('Incorrect API key provided: sk-proj-abcdefghijklmnopqrstu')).toBe(`Incorrect API key provided: ${REDACTED}`);
    expect(r.redact('/api/runs/1/events?token=abcdef123456&after=2')).toBe(`/api/runs/1/events?token=${REDACTED}&after=2`);
    expect(r.redact('{"api_key":"abcdefgh123"}')).toBe(`{"api_key":"${REDACTED}"}`);
  });

  it('keeps a redacted JSON text valid JSON', () => {
    const r = new SecretRedactor();
    const line = JSON.stringify({ msg: 'token=abcdefg"x\\y', url: '/x?key=abcdefgh\\', api_key: 'zzzzzzzz' });
    expect(() => JSON.parse(r.redact(line))).not.toThrow();
  });

  it('redacts every string of a JSON-like value into a copy', () => {
    const r = new SecretRedactor();
    const secret = fresh();
    r.remember(secret);
    const value = { error: { message: `upstream said ${secret}` }, list: [secret, 3, null], n: 1 };
    const copy = r.redactDeep(value);
    expect(JSON.stringify(copy)).not.toContain(secret);
    expect(copy.n).toBe(1);
    expect(value.list[0]).toBe(secret);
  });

  it('remembers the secret leaves of a credential, not its names and flags', () => {
    const r = new SecretRedactor();
    r.rememberDeep({ cookies: [{ name: 'SESSDATA', value: 'cookie-value-0123456789', domain: '.bilibili.com', httpOnly: true }], access_token: 'tok-0123456789' });
    expect(r.redact('cookie-value-0123456789 tok-0123456789 .bilibili.com')).toBe(`${REDACTED} ${REDACTED} .bilibili.com`);
  });
});

describe('the process-wide redactor', () => {
  it('learns every secret the secret box opens', () => {
    const box = SecretBox.withKey(randomBytes(32));
    const secret = fresh();
    const sealed = box.seal(secret);
    secretRedactor.forget(secret);
    expect(redactSecrets(secret)).toBe(secret);
    expect(box.open(sealed)).toBe(secret);
    expect(redactSecrets(`echo ${secret}`)).toBe(`echo ${REDACTED}`);
  });

  it('scrubs known secrets from every CreatorFlowError message', () => {
    const secret = fresh();
    rememberSecret(secret);
    const error = new CreatorFlowError('LLM_UPSTREAM_ERROR', `upstream answered 401: Incorrect API key ${secret}`);
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain(REDACTED);
  });
});
