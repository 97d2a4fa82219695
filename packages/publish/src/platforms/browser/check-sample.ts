import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ContentKind, MediaFile, PublishContent } from '../../adapter.ts';

/**
 * Sample content for a deep check: real images (a 3:4 PNG — sites reject a 1×1 pixel),
 * a short title and text, one topic and a 定时发布 time two days ahead so the
 * scheduling controls are checked too. Nothing is ever submitted with it.
 */
export function checkSample(kind: ContentKind, video?: MediaFile): PublishContent {
  const dir = mkdtempSync(join(tmpdir(), 'cf-check-'));
  const image = (name: string, rgb: [number, number, number]): MediaFile => {
    const path = join(dir, name);
    writeFileSync(path, solidPng(600, 800, rgb));
    return { name, contentType: 'image/png', path };
  };
  return {
    kind,
    title: '创流页面检查',
    body: kind === 'article' ? '<p>创流正在检查发布页面，这篇草稿不会发布。</p>' : '创流正在检查发布页面，这条内容不会发布。',
    images: kind === 'video' ? [] : [image('check-1.png', [250, 220, 200])],
    cover: image('check-cover.png', [200, 220, 250]),
    video,
    tags: ['创流'],
    scheduleAt: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(),
  };
}

/** A PNG of one colour, encoded by hand (no image library needed for a test card). */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
