import { readFile } from 'node:fs/promises';
import { extractDocumentText } from '../knowledge/extract-text.ts';
import type { AssetType } from './media-types.ts';
import { readMp4Info } from './mp4-info.ts';

export interface Probe {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** Text of documents, for search. */
  text: string | null;
  /** Thumbnail of images (WebP, 320 px wide at most). */
  thumbnail: Buffer | null;
}

const MP4_FAMILY = new Set(['video/mp4', 'video/quicktime', 'video/x-m4v', 'audio/x-m4a', 'audio/mp4']);
const MAX_TEXT = 200_000;

/** Reads what can be known about a stored upload; failures leave fields null rather than refusing the file. */
export async function probeAsset(path: string, type: AssetType, mime: string): Promise<Probe> {
  const probe: Probe = { width: null, height: null, durationMs: null, text: null, thumbnail: null };
  if (type === 'image') {
    // sharp (libvips, ~30 MB resident) loads with the first image upload, not at start-up.
    const { default: sharp } = await import('sharp');
    const image = sharp(path, { failOn: 'error', limitInputPixels: 268_402_689 });
    const meta = await image.metadata();
    // EXIF orientations 5–8 are rotated by 90°: report the size as shown.
    const rotated = (meta.orientation ?? 1) >= 5;
    probe.width = (rotated ? meta.height : meta.width) ?? null;
    probe.height = (rotated ? meta.width : meta.height) ?? null;
    probe.thumbnail = await sharp(path, { failOn: 'none' })
      .rotate()
      .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } else if (MP4_FAMILY.has(mime)) {
    Object.assign(probe, await readMp4Info(path));
  } else if (type === 'document') {
    const text = await extractDocumentText(await readFile(path), mime);
    probe.text = text ? text.slice(0, MAX_TEXT) : null;
  }
  return probe;
}
