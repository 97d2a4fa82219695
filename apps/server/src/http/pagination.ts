import { z } from 'zod';
import { ValidationError, decodeCursor as readCursor, encodeCursor, type Page as PackagePage } from '@creatorflow/core';

/**
 * Cursor pagination for every list route: `?limit=&cursor=` in,
 * `{ items, next_cursor }` out, from packages' `Page<T>` too (`pageJson`). A cursor is opaque to clients (core page.ts: base64url of a
 * small JSON value, usually the last row's sort key); `next_cursor` is null on
 * the last page.
 *
 * ```ts
 * app.get('/api/things', { schema: { querystring: paginationQuery, response: { 200: pageSchema(thing) } } }, async (req) => {
 *   const { limit, after } = readPage(req.query, z.string().uuid());
 *   const rows = await repo.list(db, { limit: limit + 1, after });   // fetch ONE extra row
 *   return pageOf(rows, limit, (last) => last.id, toJson);
 * });
 * ```
 */
export function pageQuery(limits: { default: number; max: number }) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(limits.max).default(limits.default),
    cursor: z.string().min(1).max(512).optional().describe('The next_cursor of the previous page'),
  });
}

export const paginationQuery = pageQuery({ default: 50, max: 200 });

export type PaginationQuery = z.infer<typeof paginationQuery>;

/** Response schema of a page of `item`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

/** A package's page (core `Page<T>`, camelCase) as the API answers it. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** A page a package answered, in the API's shape, each item through the route's DTO mapper. */
export function pageJson<T, U>(page: PackagePage<T>, map: (item: T) => U): Page<U> {
  return { items: page.items.map(map), next_cursor: page.nextCursor };
}

export { encodeCursor };

/** Decodes and checks a cursor (core page.ts); a tampered or stale one is a 400 on `query.cursor`. */
export function decodeCursor<T>(cursor: string, shape: z.ZodType<T>): T {
  const parsed = shape.safeParse(readCursor(cursor));
  if (!parsed.success) {
    throw new ValidationError('The cursor is not valid: pass back the next_cursor of the previous page unchanged.', [
      { path: 'query.cursor', message: 'invalid cursor' },
    ]);
  }
  return parsed.data;
}

/** `limit` and the decoded cursor (`after`) of a parsed pagination query. */
export function readPage<T>(query: PaginationQuery, shape: z.ZodType<T>): { limit: number; after: T | undefined } {
  return { limit: query.limit, after: query.cursor === undefined ? undefined : decodeCursor(query.cursor, shape) };
}

/**
 * Builds the page from `rows` fetched with `limit + 1`: the extra row only
 * tells that another page exists.
 */
export function pageOf<Row, Item = Row>(
  rows: Row[],
  limit: number,
  cursorOf: (last: Row) => unknown,
  map: (row: Row) => Item = (row) => row as unknown as Item,
): Page<Item> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), next_cursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
