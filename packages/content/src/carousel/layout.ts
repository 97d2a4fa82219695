import { graphemes } from '../limits/count.ts';
import { breakTokens } from '../covers/text-layout.ts';
import type { Block } from './blocks.ts';

/** Width in px of a text at a size and weight, from the font's real advances. */
export type Measure = (text: string, size: number, weight: 400 | 700) => number;

/** Card geometry for a 3:4 card of 1080×1440 (小红书's recommended image note size); everything scales from the width. */
export const CARD = { width: 1080, height: 1440, marginX: 100, top: 170, bottom: 1300 } as const;

export type Ink = 'text' | 'muted' | 'accent';

export type Drawn =
  | { type: 'text'; x: number; baseline: number; size: number; weight: 400 | 700; ink: Ink; text: string }
  | { type: 'bar'; x: number; y: number; w: number; h: number; ink: Ink }
  | { type: 'code-box'; x: number; y: number; w: number; h: number };

export type LaidOutPage = { kind: 'text'; items: Drawn[] } | { kind: 'image'; src: string; alt: string };

interface Style {
  size: number;
  lineHeight: number;
  weight: 400 | 700;
  ink: Ink;
  indent: number;
  before: number;
  after: number;
}

const STYLES = {
  h1: { size: 58, lineHeight: 1.4, weight: 700, ink: 'text', indent: 0, before: 40, after: 28 },
  h2: { size: 54, lineHeight: 1.4, weight: 700, ink: 'text', indent: 0, before: 36, after: 24 },
  h3: { size: 48, lineHeight: 1.45, weight: 700, ink: 'text', indent: 0, before: 28, after: 18 },
  paragraph: { size: 44, lineHeight: 1.8, weight: 400, ink: 'text', indent: 0, before: 0, after: 30 },
  item: { size: 44, lineHeight: 1.75, weight: 400, ink: 'text', indent: 60, before: 0, after: 14 },
  quote: { size: 42, lineHeight: 1.75, weight: 400, ink: 'muted', indent: 44, before: 6, after: 30 },
  code: { size: 32, lineHeight: 1.55, weight: 400, ink: 'text', indent: 28, before: 6, after: 34 },
} satisfies Record<string, Style>;

const CONTENT_W = CARD.width - 2 * CARD.marginX;

/** Greedy lines of at most `maxWidth` px (CJK breaks anywhere, Latin words stay whole, no line starts with closing punctuation); a run with no break opportunity (a long URL) is cut by characters. */
export function wrapLines(text: string, size: number, maxWidth: number, measure: Measure, weight: 400 | 700 = 400): string[] {
  const out: string[] = [];
  const fits = (t: string) => measure(t, size, weight) <= maxWidth;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of breakTokens(paragraph)) {
      if (!line || fits((line + token).trimEnd())) {
        line += token;
        continue;
      }
      out.push(line.trimEnd());
      line = token.trimStart();
    }
    out.push(line.trimEnd());
  }
  return out.flatMap((line) => {
    if (fits(line)) return [line];
    const pieces: string[] = [];
    let current = '';
    for (const ch of graphemes(line)) {
      if (current && !fits(current + ch)) {
        pieces.push(current);
        current = '';
      }
      current += ch;
    }
    if (current) pieces.push(current);
    return pieces;
  });
}

function styleOf(block: Exclude<Block, { type: 'image' } | { type: 'rule' }>): Style {
  if (block.type === 'heading') return block.level <= 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
  return STYLES[block.type];
}

/**
 * Lays the blocks out on as many cards as they need. Paragraphs continue on
 * the next card line by line; a heading never ends a card; an image gets a
 * page of its own. Nothing is placed outside the content box.
 */
export function layoutCards(blocks: Block[], measure: Measure): LaidOutPage[] {
  const pages: LaidOutPage[] = [];
  let items: Drawn[] = [];
  let y: number = CARD.top;
  const flush = () => {
    if (items.length > 0) pages.push({ kind: 'text', items });
    items = [];
    y = CARD.top;
  };
  for (const [index, block] of blocks.entries()) {
    if (block.type === 'image') {
      flush();
      pages.push({ kind: 'image', src: block.src, alt: block.alt });
      continue;
    }
    if (block.type === 'rule') {
      if (y + 60 > CARD.bottom) flush();
      else if (items.length > 0) {
        items.push({ type: 'bar', x: CARD.width / 2 - 60, y: y + 20, w: 120, h: 4, ink: 'muted' });
        y += 60;
      }
      continue;
    }
    const style = styleOf(block);
    const lineH = Math.round(style.size * style.lineHeight);
    const marker = block.type === 'item' ? block.marker : undefined;
    const indent = style.indent + (block.type === 'item' ? block.depth * 44 : 0);
    const width = CONTENT_W - indent - (block.type === 'code' ? style.indent : 0);
    const lines = wrapLines(block.text, style.size, width, measure, style.weight);
    if (items.length > 0) y += style.before;
    // A heading keeps at least one line of what follows on its card.
    const next = blocks[index + 1];
    const keepWith = block.type === 'heading' && next && next.type !== 'image' && next.type !== 'rule' ? style.after + Math.round(styleOf(next).size * styleOf(next).lineHeight) : 0;
    if (y + lineH + keepWith > CARD.bottom && items.length > 0) flush();
    let start = 0;
    while (start < lines.length) {
      const room = Math.max(1, Math.floor((CARD.bottom - y) / lineH));
      const chunk = lines.slice(start, start + room);
      const x = CARD.marginX + indent;
      if (block.type === 'code') items.push({ type: 'code-box', x: CARD.marginX, y: y - 10, w: CONTENT_W, h: chunk.length * lineH + 20 });
      if (block.type === 'quote') items.push({ type: 'bar', x: CARD.marginX, y: y + 8, w: 8, h: chunk.length * lineH - 16, ink: 'accent' });
      if (block.type === 'heading' && block.level <= 2 && start === 0) items.push({ type: 'bar', x: CARD.marginX, y: y + lineH - 6, w: 72, h: 8, ink: 'accent' });
      for (const [i, line] of chunk.entries()) {
        const baseline = y + i * lineH + (lineH - style.size) / 2 + style.size * 0.88;
        if (marker && start === 0 && i === 0) items.push({ type: 'text', x: x - 52, baseline, size: style.size, weight: 700, ink: 'accent', text: marker });
        items.push({ type: 'text', x, baseline, size: style.size, weight: style.weight, ink: style.ink, text: line });
      }
      y += chunk.length * lineH;
      start += chunk.length;
      if (start < lines.length) flush();
    }
    y += style.after;
  }
  flush();
  return pages;
}
