/**
 * The one page and cursor scheme. Packages answer `Page<T>` (camelCase); the
 * API answers the same page as `{ items, next_cursor }` (apps/server
 * http/pagination.ts), and a client passes `next_cursor` back as `cursor`.
 * A cursor is opaque to clients: base64url of a small JSON value, the last
 * row's sort key (an id, a version, `{ createdAt, id }`).
 */
export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The value a cursor carries, or undefined for text that is not a cursor; the caller checks its shape. */
export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
