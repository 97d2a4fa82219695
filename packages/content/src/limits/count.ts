const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** User-perceived characters: an emoji with modifiers counts once, as the editors count it. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function isHalfWidth(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x2e80 && ch.length === 1 && code <= 0xff;
}

/**
 * Length as the platform counts it. `weibo` counts two half-width characters
 * (ASCII, Latin-1) as one, rounding up.
 */
export function countChars(text: string, mode: 'chars' | 'weibo' = 'chars'): number {
  const units = graphemes(text);
  if (mode === 'chars') return units.length;
  let half = 0;
  let full = 0;
  for (const ch of units) {
    if (isHalfWidth(ch)) half += 1;
    else full += 1;
  }
  return full + Math.ceil(half / 2);
}

/** The longest prefix whose count fits in `max`, ending with `…` when cut. */
export function truncateTo(text: string, max: number, mode: 'chars' | 'weibo' = 'chars'): string {
  if (countChars(text, mode) <= max) return text;
  const units = graphemes(text);
  let out = '';
  for (const ch of units) {
    if (countChars(`${out}${ch}…`, mode) > max) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
