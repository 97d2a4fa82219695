import { createRequire } from 'node:module';
import { CreatorFlowError, onFirstUse } from '@creatorflow/core';
import type { Font } from 'fontkit';
import type { CjkFont } from '../covers/fonts.ts';

/**
 * Text drawn as glyph outlines. resvg shapes every text chunk against the
 * whole Noto Sans CJK collection (≈18 ms a glyph on this machine, so a card
 * of 300 characters took seconds); reading the outlines once with fontkit and
 * handing resvg plain paths renders a card in a fraction of that, and gives
 * real advance widths for line breaking instead of estimates.
 */
export interface GlyphFace {
  font: Font;
  /** SVG path data of a glyph, by id, in font units (y up). */
  paths: Map<number, string>;
}

// fontkit (~20 MB resident) loads with the first carousel, not at start-up.
const require = createRequire(import.meta.url);
const fontkit = onFirstUse(() => require('fontkit') as typeof import('fontkit'));

const faces = new Map<string, GlyphFace>();

function openFace(file: string, family: string): GlyphFace {
  const key = `${file}#${family}`;
  const cached = faces.get(key);
  if (cached) return cached;
  const opened = fontkit().openSync(file);
  const font = 'fonts' in opened ? (opened.fonts.find((f) => f.familyName === family) ?? opened.fonts.find((f) => /SC|CN|GB/.test(f.postscriptName)) ?? opened.fonts[0]) : opened;
  if (!font) throw new CreatorFlowError('COVER_FONT_MISSING', `The font file ${file} holds no usable face`, { status: 500 });
  const face = { font, paths: new Map<number, string>() };
  faces.set(key, face);
  return face;
}

/** Regular and bold faces of the CJK font (bold falls back to regular when the font has no bold file). */
export function glyphFaces(font: CjkFont): { regular: GlyphFace; bold: GlyphFace } {
  const regular = openFace(font.files[0]!, font.family);
  const bold = font.files[1] ? openFace(font.files[1], font.family) : regular;
  return { regular, bold };
}

/** Width in px of `text` at `size`. */
export function measure(face: GlyphFace, text: string, size: number): number {
  if (!text) return 0;
  return (face.font.layout(text).advanceWidth * size) / face.font.unitsPerEm;
}

/** One line of text as SVG: glyph outlines defined once per card (`defs`) and placed with `<use>`. */
export function glyphLine(face: GlyphFace, defs: Map<string, string>, text: string, x: number, baseline: number, size: number, fill: string, prefix: string): string {
  const run = face.font.layout(text);
  const scale = size / face.font.unitsPerEm;
  let pen = 0;
  const uses: string[] = [];
  for (const [i, glyph] of run.glyphs.entries()) {
    const pos = run.positions[i]!;
    let d = face.paths.get(glyph.id);
    if (d === undefined) {
      d = glyph.path.toSVG();
      face.paths.set(glyph.id, d);
    }
    if (d) {
      const id = `${prefix}${glyph.id}`;
      if (!defs.has(id)) defs.set(id, `<path id="${id}" d="${d}"/>`);
      uses.push(`<use href="#${id}" x="${(pen + pos.xOffset).toFixed(0)}" y="${pos.yOffset.toFixed(0)}"/>`);
    }
    pen += pos.xAdvance;
  }
  return `<g transform="translate(${x.toFixed(1)} ${baseline.toFixed(1)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" fill="${fill}">${uses.join('')}</g>`;
}
