import { decodeCursor, encodeCursor, ValidationError, type Page } from '@creatorflow/core';

/** One page of a list, newest first: the one page and cursor scheme (core page.ts). */
export type { Page };

export interface PageRequest {
  /** 1–100, default 20. */
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Lists page by primary key: ids are UUIDv7, so id order is creation order
 * and a cursor is just the last id seen (stable under concurrent inserts).
 */
export function pageWindow(request: PageRequest): { limit: number; before: string | undefined } {
  const limit = request.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ValidationError('limit must be an integer from 1 to 100', [{ path: 'limit', message: 'between 1 and 100' }]);
  }
  let before: string | undefined;
  if (request.cursor) {
    const value = decodeCursor(request.cursor);
    // Cursors handed out before the one scheme carried the bare id; a list paged across the upgrade goes on.
    before = typeof value === 'string' ? value : Buffer.from(request.cursor, 'base64url').toString('utf8');
    if (!UUID.test(before)) {
      throw new ValidationError('cursor is not one this API returned; pass nextCursor from the previous page', [
        { path: 'cursor', message: 'invalid cursor' },
      ]);
    }
  }
  return { limit, before };
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}

export const isUuid = (value: string): boolean => UUID.test(value);

/** Normalises user tags: trimmed, `#` removed, deduplicated, at most 30 of 1–40 chars. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  if (!tags) return [];
  const out = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (tag.length === 0) continue;
    if (tag.length > 40) {
      throw new ValidationError(`Tag '${tag.slice(0, 20)}…' is longer than 40 characters`, [{ path: 'tags', message: 'at most 40 characters per tag' }]);
    }
    out.add(tag);
  }
  if (out.size > 30) throw new ValidationError('At most 30 tags are allowed', [{ path: 'tags', message: 'at most 30 tags' }]);
  return [...out];
}
