const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcher(terms: string[]): RegExp | undefined {
  const usable = [...terms].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  return usable.length > 0 ? new RegExp(usable.map(escapeRegExp).join('|'), 'giu') : undefined;
}

/** Escapes `text` and wraps every occurrence of a term in `<mark>`. */
export function highlight(text: string, terms: string[]): string {
  const re = matcher(terms);
  if (!re) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A window of about `size` characters of the original (unsegmented) text
 * around the first match, highlighted. PostgreSQL's ts_headline cannot do
 * this for Chinese because the stored text is not the segmented one.
 */
export function snippet(text: string, terms: string[], size = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const re = matcher(terms);
  const first = re ? re.exec(flat) : null;
  const at = first?.index ?? 0;
  const start = Math.max(0, Math.min(at - Math.floor(size / 4), flat.length - size));
  const end = Math.min(flat.length, start + size);
  return `${start > 0 ? '…' : ''}${highlight(flat.slice(start, end), terms)}${end < flat.length ? '…' : ''}`;
}
