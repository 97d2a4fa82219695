import { graphemes } from '../limits/count.ts';

/** Punctuation that must not start a line (kinsoku), so it sticks to the previous one. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〉,.;:!?)]}%…—·']);
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u{20000}-\u{2fa1f}]/u;

/** Advance width in em of one character, close to Noto Sans CJK metrics. */
export function charWidth(ch: string): number {
  if (CJK.test(ch) || /\p{Extended_Pictographic}/u.test(ch)) return 1;
  if (ch === ' ') return 0.26;
  if (/[iljI.,:;'!|]/.test(ch)) return 0.28;
  if (/[mwMW@]/.test(ch)) return 0.86;
  if (/[A-Z]/.test(ch)) return 0.66;
  if (/[0-9]/.test(ch)) return 0.56;
  return 0.54;
}

export function textWidth(text: string, fontSize: number): number {
  return graphemes(text).reduce((sum, ch) => sum + charWidth(ch), 0) * fontSize;
}

/** Break opportunities: every CJK character alone, Latin words and numbers kept whole. */
export function breakTokens(text: string): string[] {
  const out: string[] = [];
  for (const ch of graphemes(text)) {
    const last = out[out.length - 1];
    const latin = !CJK.test(ch) && ch !== ' ' && !NO_LINE_START.has(ch);
    if (latin && last !== undefined && !CJK.test(last.slice(-1)) && !last.endsWith(' ') && !NO_LINE_START.has(last.slice(-1))) {
      out[out.length - 1] = last + ch;
    } else if (NO_LINE_START.has(ch) && last !== undefined) {
      out[out.length - 1] = last + ch;
    } else {
      out.push(ch);
    }
  }
  return out;
}

/** Greedy line breaking into `maxWidth` px; explicit newlines are kept. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of breakTokens(paragraph)) {
      if (line && textWidth((line + token).trimEnd(), fontSize) > maxWidth) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else {
        line += token;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
  /** True when even the smallest size needed more lines and the text was cut with `…`. */
  truncated: boolean;
}

/**
 * The largest font size (between min and max, in px) at which the text wraps
 * into the box within `maxLines`; below the minimum the last line ends in `…`.
 */
export function fitText(text: string, box: { w: number; h: number }, opts: { maxSize: number; minSize: number; maxLines: number; lineHeight: number }): FittedText {
  const step = Math.max(1, Math.round(opts.maxSize / 40));
  for (let size = Math.floor(opts.maxSize); size >= opts.minSize; size -= step) {
    const lines = wrapText(text, size, box.w);
    const height = lines.length * size * opts.lineHeight;
    if (lines.length <= opts.maxLines && height <= box.h && lines.every((l) => textWidth(l, size) <= box.w)) {
      return { lines, fontSize: size, truncated: false };
    }
  }
  const size = Math.ceil(opts.minSize);
  const lines = wrapText(text, size, box.w);
  const maxLines = Math.max(1, Math.min(opts.maxLines, Math.floor(box.h / (size * opts.lineHeight))));
  if (lines.length <= maxLines) return { lines, fontSize: size, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`, size) > box.w) last = graphemes(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return { lines: kept, fontSize: size, truncated: true };
}
