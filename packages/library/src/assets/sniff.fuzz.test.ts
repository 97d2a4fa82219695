import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CreatorFlowError } from '@creatorflow/core';
import { ALLOWED, KNOWN_EXTENSIONS } from './media-types.ts';
import { sniffUpload } from './sniff.ts';

/**
 * Property-based tests of upload type sniffing (issue 17, fuzz suite): for any bytes, any file
 * name and any declared Content-Type, sniffing either answers an allowed type that agrees with
 * the name and the declared family, or refuses with 415 ASSET_TYPE_MISMATCH /
 * ASSET_TYPE_NOT_ALLOWED — never another error — and active content (HTML, SVG, scripts)
 * never passes, whatever it is called.
 */
const dir = mkdtempSync(join(tmpdir(), 'cf-sniff-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
/** Real signatures, so the bytes after them reach the deeper parsers of file-type. */
const MAGIC: Buffer[] = [
  hex('ffd8ffe0'), hex('89504e470d0a1a0a'), Buffer.from('GIF89a'), Buffer.from('RIFF\0\0\0\0WEBP'), hex('000000206674797061766966'), hex('0000001866747970686569630000'),
  hex('0000001866747970697336d'), hex('00000014667479707174202000000000'), hex('1a45dfa3'), Buffer.from('ID3'), hex('fffb'), Buffer.from('RIFF\0\0\0\0WAVE'), Buffer.from('OggS'),
  Buffer.from('fLaC'), Buffer.from('%PDF-1.7\n'), hex('504b0304'), Buffer.from('MZ'), hex('7f454c46'), hex('1f8b08'), Buffer.from('BM'), Buffer.from('Rar!\x1a\x07'),
];
const ACTIVE = ['<!DOCTYPE html><script>alert(1)</script>', '<html><body>x</body></html>', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '<?xml version="1.0"?><svg/>', '#!/bin/sh\nrm -rf /', '<script>x</script>', '  \n<iframe src=x>', '<?php echo 1; ?>'];

const content = fc.oneof(
  fc.tuple(fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 600 })).map(([magic, rest]) => Buffer.concat([magic, Buffer.from(rest)])),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')),
  fc.tuple(fc.constantFrom(...ACTIVE), fc.string({ maxLength: 40 })).map(([a, s]) => Buffer.from(a + s, 'utf8')),
  fc.constant(Buffer.alloc(0)),
);
const exts = [...KNOWN_EXTENSIONS, 'svg', 'html', 'htm', 'exe', 'sh', 'js', 'zip', ''];
const fileName = fc.tuple(fc.constantFrom('photo', '封面', '..', '.hidden', 'a.b', 'x'.repeat(200), 'name with space'), fc.constantFrom(...exts), fc.boolean()).map(
  ([base, ext, upper]) => (ext ? `${base}.${upper ? ext.toUpperCase() : ext}` : base),
);
const declared = fc.option(fc.constantFrom('image/png', 'image/svg+xml', 'video/mp4', 'audio/mpeg', 'text/html', 'application/octet-stream', 'text/plain', 'image', 'garbage//x', ''), { nil: undefined });

describe('upload type sniffing under arbitrary bytes (fast-check)', () => {
  it('answers an allowed, consistent type or a 415 refusal for any bytes, name and declared type', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(content, fileName, declared, async (bytes, name, declaredMime) => {
        const path = join(dir, `f${n++}`);
        writeFileSync(path, bytes);
        let sniffed: Awaited<ReturnType<typeof sniffUpload>>;
        try {
          sniffed = await sniffUpload(path, name, declaredMime);
        } catch (error) {
          if (!CreatorFlowError.isInstance(error)) throw error;
          expect(['ASSET_TYPE_MISMATCH', 'ASSET_TYPE_NOT_ALLOWED']).toContain(error.code);
          expect(error.status).toBe(415);
          return;
        } finally {
          rmSync(path, { force: true });
        }
        const allowed = ALLOWED[sniffed.mime];
        expect(allowed, sniffed.mime).toBeDefined();
        expect(sniffed.type).toBe(allowed!.type);
        const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
        if (KNOWN_EXTENSIONS.has(ext)) expect(allowed!.ext).toContain(ext);
        const family = declaredMime?.split('/')[0];
        if (family && ['image', 'video', 'audio'].includes(family) && family !== sniffed.mime.split('/')[0]) {
          expect([family, sniffed.type]).toEqual(['video', 'audio']);
        }
        const text = bytes.toString('utf8');
        expect(/^\s*(<!doctype\s+html|<html|<script|<svg|<\?xml|<\?php|<iframe|#!)/i.test(text), `${name}: ${text.slice(0, 60)}`).toBe(false);
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});
