export interface Chunk {
  seq: number;
  /** The nearest Markdown heading above the chunk. */
  heading: string | null;
  content: string;
  /** Offsets into the source text: `text.slice(start, end)` is where the chunk came from. */
  start: number;
  end: number;
}

interface Piece {
  text: string;
  start: number;
  end: number;
  heading?: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;

/** Paragraphs (split on blank lines) with their offsets. */
function paragraphs(text: string): Piece[] {
  const out: Piece[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|$)/g;
  for (const m of text.matchAll(re)) {
    const body = m[0].trimEnd();
    const heading = HEADING.exec(body);
    out.push({ text: body, start: m.index, end: m.index + body.length, ...(heading && !body.includes('\n') ? { heading: heading[2]! } : {}) });
  }
  return out;
}

/** Splits a long paragraph at sentence ends (Chinese and Latin), else hard at `max`. */
function split(piece: Piece, max: number): Piece[] {
  if (piece.text.length <= max) return [piece];
  const out: Piece[] = [];
  let from = 0;
  while (from < piece.text.length) {
    let to = Math.min(piece.text.length, from + max);
    if (to < piece.text.length) {
      const window = piece.text.slice(from, to);
      const cut = Math.max(...['。', '！', '？', '. ', '! ', '? ', '；', '\n'].map((p) => window.lastIndexOf(p)));
      if (cut > max / 3) to = from + cut + 1;
    }
    const text = piece.text.slice(from, to);
    out.push({ text: text.trim(), start: piece.start + from, end: piece.start + to });
    from = to;
  }
  return out.filter((p) => p.text.length > 0);
}

/**
 * Cuts a text into chunks of about `target` characters (never more than
 * `max`) along paragraphs, starting a new chunk at every heading, and keeps
 * each chunk's source offsets so a search hit can point back into the document.
 */
export function chunkText(text: string, options: { target?: number; max?: number } = {}): Chunk[] {
  const target = options.target ?? 600;
  const max = options.max ?? 1000;
  const chunks: Chunk[] = [];
  let heading: string | null = null;
  let current: Piece[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const start = current[0]!.start;
    const end = current[current.length - 1]!.end;
    chunks.push({ seq: chunks.length, heading, content: text.slice(start, end).trim(), start, end });
    current = [];
  };
  for (const paragraph of paragraphs(text)) {
    if (paragraph.heading !== undefined) {
      flush();
      heading = paragraph.heading;
      current.push(paragraph);
      continue;
    }
    for (const piece of split(paragraph, max)) {
      const size = current.reduce((n, p) => n + p.text.length, 0);
      if (size > 0 && size + piece.text.length > target && !(current.length === 1 && current[0]!.heading !== undefined)) flush();
      if (piece.text.length > max - 1 || current.reduce((n, p) => n + p.text.length, 0) + piece.text.length > max) flush();
      current.push(piece);
    }
  }
  flush();
  return chunks;
}
