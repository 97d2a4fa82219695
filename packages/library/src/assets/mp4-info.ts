import { open, type FileHandle } from 'node:fs/promises';

interface Box {
  type: string;
  /** Offset of the box's payload. */
  body: number;
  /** Offset just past the box. */
  end: number;
}

async function read(file: FileHandle, at: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, at);
  return buffer.subarray(0, bytesRead);
}

/** The boxes between `start` and `end`, reading only their headers. */
async function* boxes(file: FileHandle, start: number, end: number): AsyncGenerator<Box> {
  let at = start;
  for (let guard = 0; at + 8 <= end && guard < 10_000; guard++) {
    const header = await read(file, at, 16);
    if (header.length < 8) return;
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) return;
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < headerSize) return;
    yield { type, body: at + headerSize, end: Math.min(at + size, end) };
    at += size;
  }
}

async function child(file: FileHandle, parent: Box, type: string): Promise<Box | undefined> {
  for await (const box of boxes(file, parent.body, parent.end)) if (box.type === type) return box;
  return undefined;
}

export interface Mp4Info {
  durationMs: number | null;
  width: number | null;
  height: number | null;
}

/**
 * Duration (from `moov/mvhd`) and picture size (from the first `trak/tkhd`
 * with a non-zero size) of an MP4/MOV file, reading only box headers and
 * those two small boxes, so a large video costs a few reads.
 */
export async function readMp4Info(path: string): Promise<Mp4Info> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    let moov: Box | undefined;
    for await (const box of boxes(file, 0, size)) {
      if (box.type === 'moov') {
        moov = box;
        break;
      }
    }
    const info: Mp4Info = { durationMs: null, width: null, height: null };
    if (!moov) return info;
    const mvhd = await child(file, moov, 'mvhd');
    if (mvhd) {
      const b = await read(file, mvhd.body, Math.min(32, mvhd.end - mvhd.body));
      const version = b[0];
      const timescale = version === 1 ? b.readUInt32BE(20) : b.readUInt32BE(12);
      const duration = version === 1 ? Number(b.readBigUInt64BE(24)) : b.readUInt32BE(16);
      if (timescale > 0 && duration !== 0xffffffff) info.durationMs = Math.round((duration / timescale) * 1000);
    }
    for await (const trak of boxes(file, moov.body, moov.end)) {
      if (trak.type !== 'trak') continue;
      const tkhd = await child(file, trak, 'tkhd');
      if (!tkhd || tkhd.end - tkhd.body < 84) continue;
      const tail = await read(file, tkhd.end - 8, 8);
      const width = tail.readUInt32BE(0) / 65536;
      const height = tail.readUInt32BE(4) / 65536;
      if (width > 0 && height > 0) {
        info.width = Math.round(width);
        info.height = Math.round(height);
        break;
      }
    }
    return info;
  } finally {
    await file.close();
  }
}
