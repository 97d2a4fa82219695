import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromFile } from 'file-type/node';
import { CreatorFlowError } from '@creatorflow/core';
import { ALLOWED, KNOWN_EXTENSIONS, TEXT_BY_EXTENSION, type AssetType } from './media-types.ts';

export interface SniffedType {
  mime: string;
  type: AssetType;
}

const ACTIVE_CONTENT = /^\s*(<!doctype\s+html|<html|<script|<svg|<\?xml|<\?php|<iframe|<body|<head|#!)/i;

async function head(path: string, bytes = 8192): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Plain UTF-8 text (no NUL bytes); a multi-byte character cut at the window end is fine. */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 4)));
    return true;
  } catch {
    return false;
  }
}

/** What the content is, from its bytes; `undefined` mime when it is not recognisable. */
async function contentType(path: string, ext: string): Promise<{ mime: string | undefined; describe: string }> {
  const detected = await fileTypeFromFile(path);
  if (detected) return { mime: detected.mime, describe: `${detected.mime} (.${detected.ext})` };
  const bytes = await head(path);
  if (!isText(bytes)) return { mime: undefined, describe: 'unrecognised binary data' };
  const text = bytes.toString('utf8');
  if (ACTIVE_CONTENT.test(text)) return { mime: undefined, describe: 'HTML/SVG/script text' };
  return { mime: TEXT_BY_EXTENSION[ext] ?? 'text/plain', describe: 'plain text' };
}

/**
 * Decides an upload's type from its content, never from its name or the
 * client's Content-Type: the name's extension and the declared type must
 * agree with what the bytes are, or the upload is refused (415) with both
 * in the message.
 */
export async function sniffUpload(path: string, name: string, declaredMime?: string): Promise<SniffedType> {
  const ext = extname(name).slice(1).toLowerCase();
  const { mime, describe } = await contentType(path, ext);
  const allowed = mime ? ALLOWED[mime] : undefined;
  if (KNOWN_EXTENSIONS.has(ext) && !allowed?.ext.includes(ext)) {
    throw new CreatorFlowError(
      'ASSET_TYPE_MISMATCH',
      `'${name}' is named like a .${ext} file but its content is ${describe}. The upload was refused: rename the file to its real type or export it again.`,
      { status: 415, details: { name, claimed: ext, detected: mime ?? describe } },
    );
  }
  if (!mime || !allowed) {
    throw new CreatorFlowError(
      'ASSET_TYPE_NOT_ALLOWED',
      `'${name}' is ${describe}, which cannot be uploaded. Allowed: images (JPEG, PNG, GIF, WebP, AVIF, HEIC), video (MP4, MOV, WebM, MKV), ` +
        'audio (MP3, M4A, WAV, OGG, FLAC), PDF, Office documents and plain text/Markdown/CSV/JSON.',
      { status: 415, details: { name, detected: describe } },
    );
  }
  const declaredFamily = declaredMime?.split('/')[0];
  if (
    declaredFamily &&
    ['image', 'video', 'audio'].includes(declaredFamily) &&
    declaredFamily !== mime.split('/')[0] &&
    !(declaredFamily === 'video' && allowed.type === 'audio')
  ) {
    throw new CreatorFlowError(
      'ASSET_TYPE_MISMATCH',
      `'${name}' was sent as ${declaredMime} but its content is ${describe}. The upload was refused.`,
      { status: 415, details: { name, claimed: declaredMime, detected: mime } },
    );
  }
  return { mime, type: allowed.type };
}
