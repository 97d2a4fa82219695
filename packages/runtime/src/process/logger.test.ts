import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rememberSecret } from '@creatorflow/core';
import { createLogger, loggableUrl, serializers } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('log redaction', () => {
  it('drops credential query parameters from request URLs (the local ?token=)', () => {
    expect(loggableUrl('/api/runs/1/events?token=abc123&after=5')).toBe('/api/runs/1/events?token=[redacted]&after=5');
    expect(loggableUrl('/api/x?a=1&access_token=zz&sig=1')).toBe('/api/x?a=1&access_token=[redacted]&sig=[redacted]');
    expect(loggableUrl('/api/x')).toBe('/api/x');
    expect(serializers.req({ method: 'GET', url: '/e?token=secret-token-value', host: '127.0.0.1', ip: '127.0.0.1' }).url).toBe('/e?token=[redacted]');
  });

  it('writes no known secret, wherever in the line it is', () => {
    const secret = `cfk${randomBytes(12).toString('hex')}`;
    rememberSecret(secret);
    const { lines, logger } = capture();
    logger.error({ err: new Error(`upstream echoed ${secret}`), detail: { body: `{"message":"bad key ${secret}"}` } }, `call failed: ${secret}`);
    logger.info({ req: { method: 'GET', url: '/api/runs/1/events?token=short1', headers: {} } }, 'request');
    const text = lines.join('');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('short1');
    expect(text).toContain('[redacted]');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
