import { CreatorFlowError } from '@creatorflow/core';
import { resvg } from '../lazy-libs.ts';
import { parseSource } from '../markdown/document.ts';
import { locateCjkFont } from '../covers/fonts.ts';
import { getProfile } from '../profiles/index.ts';
import { markdownBlocks } from './blocks.ts';
import { glyphFaces, glyphLine, measure, type GlyphFace } from './glyphs.ts';
import { CARD, layoutCards, wrapLines, type Drawn, type Ink, type LaidOutPage, type Measure } from './layout.ts';
import { getCardTheme, type CardTheme } from './themes.ts';

export interface CarouselRequest {
  title: string;
  /** The article (Markdown); front matter and a leading `# title` are dropped. */
  markdown: string;
  theme?: string;
  /** Most images the note may carry, cover included (default: the platform's limit, 18 for 小红书). */
  maxImages?: number;
  platform?: string;
  /** Shown small at the foot of every card, e.g. the account name. */
  author?: string;
  font?: { file: string; family: string };
}

export type CarouselPage =
  | { kind: 'cover' | 'text'; png: Buffer; pixels: Buffer; width: number; height: number; lines: string[] }
  /** One of the article's own images, kept in place; the caller uploads the asset. */
  | { kind: 'image'; src: string; alt: string };

export interface Carousel {
  pages: CarouselPage[];
  theme: string;
  /** The article needed more cards than the platform allows; the last card says the rest is in the text. */
  truncated: boolean;
}

const CONTINUED = '……后文略，完整内容见正文';

function ink(theme: CardTheme, which: Ink): string {
  return which === 'muted' ? theme.muted : which === 'accent' ? theme.accent : theme.text;
}

/** Draws text as glyph outlines (see glyphs.ts), collecting each glyph's path once per card. */
class Pen {
  readonly defs = new Map<string, string>();
  constructor(private readonly faces: { regular: GlyphFace; bold: GlyphFace }) {}

  text(x: number, baseline: number, size: number, weight: 400 | 700, fill: string, text: string, anchor: 'start' | 'end' = 'start'): string {
    const face = weight === 700 ? this.faces.bold : this.faces.regular;
    const left = anchor === 'end' ? x - measure(face, text, size) : x;
    return glyphLine(face, this.defs, text, left, baseline, size, fill, weight === 700 ? 'b' : 'r');
  }

  svg(content: string): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}"><defs>${[...this.defs.values()].join('')}</defs>${content}</svg>`;
  }
}

function png(svg: string): { png: Buffer; pixels: Buffer } {
  // Only paths: no text is left for resvg to shape, so no font database is needed.
  const out = new (resvg().Resvg)(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return { png: out.asPng(), pixels: Buffer.from(out.pixels) };
}

function footer(pen: Pen, theme: CardTheme, page: number, total: number, author?: string): string {
  const y = CARD.height - 70;
  const left = author ? pen.text(CARD.marginX, y, 28, 400, theme.muted, author) : '';
  return `${left}${pen.text(CARD.width - CARD.marginX, y, 28, 400, theme.muted, `${page} / ${total}`, 'end')}`;
}

function textCardSvg(pen: Pen, items: Drawn[], theme: CardTheme, header: string, page: number, total: number, author?: string): string {
  const body = items
    .map((d) => {
      if (d.type === 'text') return pen.text(d.x, d.baseline, d.size, d.weight, ink(theme, d.ink), d.text);
      if (d.type === 'bar') return `<rect x="${d.x}" y="${d.y.toFixed(1)}" width="${d.w}" height="${d.h.toFixed(1)}" rx="${Math.min(d.w, d.h) / 2}" fill="${ink(theme, d.ink)}"/>`;
      return `<rect x="${d.x}" y="${d.y.toFixed(1)}" width="${d.w}" height="${d.h.toFixed(1)}" rx="16" fill="${theme.codeBackground}"/>`;
    })
    .join('');
  const head = pen.text(CARD.marginX, 100, 30, 400, theme.muted, header);
  return pen.svg(`<rect width="${CARD.width}" height="${CARD.height}" fill="${theme.background}"/>${head}${body}${footer(pen, theme, page, total, author)}`);
}

/** The largest title size (112 → 64 px) whose lines fit the cover's title box; below that the title is cut with …. */
function fitTitle(title: string, m: Measure, box: { w: number; h: number }): { lines: string[]; size: number } {
  for (let size = 112; size >= 64; size -= 4) {
    const lines = wrapLines(title, size, box.w, m, 700);
    if (lines.length <= 5 && lines.length * size * 1.3 <= box.h) return { lines, size };
  }
  const lines = wrapLines(title, 64, box.w, m, 700);
  const kept = lines.slice(0, 5);
  if (lines.length > 5) {
    let last = kept[4]!;
    while (last && m(`${last}…`, 64, 700) > box.w) last = [...last].slice(0, -1).join('');
    kept[4] = `${last}…`;
  }
  return { lines: kept, size: 64 };
}

function coverSvg(pen: Pen, m: Measure, title: string, subtitle: string | undefined, theme: CardTheme, total: number): { svg: string; lines: string[] } {
  const box = { x: 110, y: 330, w: 860, h: 600 };
  const fitted = fitTitle(title, m, box);
  const lineH = fitted.size * 1.3;
  const top = box.y + Math.max(0, (box.h - fitted.lines.length * lineH) / 2);
  const titleSvg = fitted.lines.map((l, i) => pen.text(box.x, top + i * lineH + (lineH - fitted.size) / 2 + fitted.size * 0.88, fitted.size, 700, theme.cover.text, l)).join('');
  const subLines = subtitle ? wrapLines(subtitle, 40, box.w, m).slice(0, 3) : [];
  const subSvg = subLines.map((l, i) => pen.text(box.x, 1040 + i * 64, 40, 400, theme.cover.subtext, l)).join('');
  const hint = total > 1 ? pen.text(CARD.width - 110, CARD.height - 110, 34, 400, theme.cover.subtext, `左滑阅读全文 →  共 ${total} 页`, 'end') : '';
  pen.defs.set('bg', `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${theme.cover.from}"/><stop offset="1" stop-color="${theme.cover.to}"/></linearGradient>`);
  const svg = pen.svg(`<rect width="${CARD.width}" height="${CARD.height}" fill="url(#bg)"/><rect x="110" y="${(top - 60).toFixed(1)}" width="96" height="12" rx="6" fill="${theme.cover.subtext}"/>${titleSvg}${subSvg}${hint}`);
  return { svg, lines: [...fitted.lines, ...subLines] };
}

/** The first sentence of the article, as the cover's subtitle. */
function lead(markdown: string): string | undefined {
  const first = markdownBlocks(markdown).find((b) => b.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return undefined;
  const sentence = first.text.split(/(?<=[。！？!?])/u)[0]!.trim();
  return [...sentence].length <= 60 ? sentence : `${[...sentence].slice(0, 58).join('')}…`;
}

/** Drops trailing content until the continuation note fits on the last text card. */
function truncateTo(pages: LaidOutPage[], max: number): { pages: LaidOutPage[]; truncated: boolean } {
  if (pages.length <= max) return { pages, truncated: false };
  const kept = pages.slice(0, max);
  while (kept.length > 0 && kept.at(-1)!.kind === 'image') kept.pop();
  const last = kept.at(-1);
  if (last?.kind === 'text') {
    const noteLine = 80;
    const items = last.items;
    while (items.length > 0) {
      const lowest = Math.max(...items.map((d) => (d.type === 'text' ? d.baseline + 20 : d.y + d.h)));
      if (lowest + noteLine <= CARD.bottom) break;
      items.pop();
    }
    const lowest = items.length ? Math.max(...items.map((d) => (d.type === 'text' ? d.baseline + 20 : d.y + d.h))) : CARD.top;
    items.push({ type: 'text', x: CARD.marginX, baseline: lowest + 60, size: 40, weight: 700, ink: 'accent', text: CONTINUED });
  }
  return { pages: kept, truncated: true };
}

/**
 * Renders an article as an image-note carousel: a cover card with the title,
 * then 3:4 text cards in Noto Sans CJK (same sizes for every theme, so every
 * theme stays readable on a phone), with the article's own images kept in
 * place as pages. At most `maxImages` pages, cover included.
 */
export function renderCarousel(req: CarouselRequest): Carousel {
  const title = req.title.trim();
  if (!title) throw new CreatorFlowError('COVER_TITLE_REQUIRED', 'A carousel needs a title for its cover card', { status: 400 });
  const theme = getCardTheme(req.theme);
  const profile = getProfile(req.platform ?? 'xiaohongshu');
  const max = req.maxImages ?? profile.images?.max ?? 18;
  const faces = glyphFaces(locateCjkFont(req.font));
  const m: Measure = (text, size, weight) => measure(weight === 700 ? faces.bold : faces.regular, text, size);
  const body = parseSource(req.markdown).body;
  const laid = truncateTo(layoutCards(markdownBlocks(body), m), max - 1);
  const total = laid.pages.length + 1;
  const header = [...title].length > 24 ? `${[...title].slice(0, 23).join('')}…` : title;
  const cover = coverSvg(new Pen(faces), m, title, lead(body), theme, total);
  const pages: CarouselPage[] = [{ kind: 'cover', ...png(cover.svg), width: CARD.width, height: CARD.height, lines: cover.lines }];
  for (const [i, page] of laid.pages.entries()) {
    if (page.kind === 'image') {
      pages.push(page);
      continue;
    }
    const svg = textCardSvg(new Pen(faces), page.items, theme, header, i + 2, total, req.author);
    const lines = page.items.flatMap((d) => (d.type === 'text' ? [d.text] : []));
    pages.push({ kind: 'text', ...png(svg), width: CARD.width, height: CARD.height, lines });
  }
  return { pages, theme: theme.id, truncated: laid.truncated };
}
