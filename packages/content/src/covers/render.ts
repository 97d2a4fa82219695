import { CreatorFlowError } from '@creatorflow/core';
import { resvg } from '../lazy-libs.ts';
import { getProfile } from '../profiles/index.ts';
import { escapeHtml } from '../wechat/code.ts';
import { imageSize } from '../images/image-size.ts';
import { locateCjkFont, type CjkFont } from './fonts.ts';
import { fitText, type FittedText } from './text-layout.ts';
import { getCoverTemplate, type CoverTemplate, type TextStyle } from './templates.ts';

export interface CoverRequest {
  title: string;
  subtitle?: string;
  /** Template id (`gradient`, `minimal`, `photo`). */
  template?: string;
  /** Size from a platform profile's cover, or explicit. */
  platform?: string;
  width?: number;
  height?: number;
  /** PNG/JPEG bytes for image templates. */
  backgroundImage?: Buffer;
  /** Override template colours. */
  colors?: { from?: string; to?: string; background?: string; text?: string };
  font?: { file: string; family: string };
}

export interface RenderedCover {
  png: Buffer;
  /** Raw RGBA pixels, for checks without decoding the PNG. */
  pixels: Buffer;
  width: number;
  height: number;
  title: FittedText;
  subtitle?: FittedText;
  /** Title box in pixels. */
  titleBox: { x: number; y: number; w: number; h: number };
}

function coverSize(req: CoverRequest): { width: number; height: number } {
  if (req.width && req.height) return { width: req.width, height: req.height };
  const cover = getProfile(req.platform ?? 'wechat').cover;
  if (!cover) throw new CreatorFlowError('COVER_SIZE_UNKNOWN', `${req.platform} has no cover size; pass width and height`, { status: 400 });
  return { width: cover.width, height: cover.height };
}

function textSvg(text: FittedText, style: TextStyle, box: { x: number; y: number; w: number; h: number }, family: string, colorOverride?: string): string {
  const lineH = text.fontSize * style.lineHeight;
  const blockH = text.lines.length * lineH;
  // Vertically centre the block in its box; baseline sits ~0.88 em below the line top for CJK fonts.
  const top = box.y + Math.max(0, (box.h - blockH) / 2);
  const anchor = style.align === 'center' ? 'middle' : style.align === 'right' ? 'end' : 'start';
  const x = style.align === 'center' ? box.x + box.w / 2 : style.align === 'right' ? box.x + box.w : box.x;
  return text.lines
    .map((line, i) => {
      const y = top + i * lineH + (lineH - text.fontSize) / 2 + text.fontSize * 0.88;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${family}" font-size="${text.fontSize}" font-weight="${style.weight}" fill="${colorOverride ?? style.color}" text-anchor="${anchor}">${escapeHtml(line)}</text>`;
    })
    .join('');
}

function boxPx(style: TextStyle, width: number, height: number) {
  return { x: style.box.x * width, y: style.box.y * height, w: style.box.w * width, h: style.box.h * height };
}

/** The SVG of a cover (exposed for previews and tests). */
export function coverSvg(req: CoverRequest, template: CoverTemplate, font: CjkFont) {
  const { width, height } = coverSize(req);
  const bg = template.background;
  let background: string;
  let defs = '';
  if (bg.type === 'color') {
    background = `<rect width="${width}" height="${height}" fill="${req.colors?.background ?? bg.color}"/>`;
  } else if (bg.type === 'gradient') {
    const rad = (bg.angle * Math.PI) / 180;
    const [x1, y1, x2, y2] = [0.5 - Math.cos(rad) / 2, 0.5 - Math.sin(rad) / 2, 0.5 + Math.cos(rad) / 2, 0.5 + Math.sin(rad) / 2];
    defs += `<linearGradient id="bg" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${req.colors?.from ?? bg.from}"/><stop offset="1" stop-color="${req.colors?.to ?? bg.to}"/></linearGradient>`;
    background = `<rect width="${width}" height="${height}" fill="url(#bg)"/>`;
  } else {
    background = `<rect width="${width}" height="${height}" fill="${bg.fallback}"/>`;
    if (req.backgroundImage) {
      const info = imageSize(req.backgroundImage);
      if (!info) throw new CreatorFlowError('COVER_IMAGE_INVALID', 'The background image is not a PNG, JPEG or WebP file', { status: 400 });
      background += `<image href="data:${info.mediaType};base64,${req.backgroundImage.toString('base64')}" width="${width}" height="${height}" preserveAspectRatio="xMidYMid slice"/>`;
    }
    if (bg.overlay) {
      defs += `<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.35" stop-color="${bg.overlay.from}"/><stop offset="1" stop-color="${bg.overlay.to}"/></linearGradient>`;
      background += `<rect width="${width}" height="${height}" fill="url(#shade)"/>`;
    }
  }
  const decorations = template.decorations
    .map((d) => `<rect x="${d.x * width}" y="${d.y * height}" width="${d.w * width}" height="${d.h * height}" fill="${d.color}" opacity="${d.opacity}"/>`)
    .join('');
  const titleBox = boxPx(template.title, width, height);
  const t = template.title;
  const title = fitText(req.title.trim(), titleBox, { maxSize: t.maxSize * width, minSize: t.minSize * width, maxLines: t.maxLines, lineHeight: t.lineHeight });
  let subtitleSvg = '';
  let subtitle: FittedText | undefined;
  if (req.subtitle?.trim() && template.subtitle) {
    const s = template.subtitle;
    const box = boxPx(s, width, height);
    subtitle = fitText(req.subtitle.trim(), box, { maxSize: s.maxSize * width, minSize: s.minSize * width, maxLines: s.maxLines, lineHeight: s.lineHeight });
    subtitleSvg = textSvg(subtitle, s, box, font.family);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${background}${decorations}${textSvg(title, t, titleBox, font.family, req.colors?.text)}${subtitleSvg}</svg>`;
  return { svg, width, height, title, subtitle, titleBox };
}

/**
 * Renders a cover to PNG at the platform's size: background colour, gradient
 * or image, then the title wrapped and shrunk to fit its box, in a CJK font.
 */
export function renderCover(req: CoverRequest): RenderedCover {
  if (!req.title.trim()) throw new CreatorFlowError('COVER_TITLE_REQUIRED', 'A cover needs a title text', { status: 400 });
  const template = getCoverTemplate(req.template ?? (req.backgroundImage ? 'photo' : 'gradient'));
  const font = locateCjkFont(req.font);
  const { svg, width, height, title, subtitle, titleBox } = coverSvg(req, template, font);
  const rendered = new (resvg().Resvg)(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family },
  }).render();
  return { png: rendered.asPng(), pixels: Buffer.from(rendered.pixels), width, height, title, subtitle, titleBox };
}
