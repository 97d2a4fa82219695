import type { Readable } from 'node:stream';
import { z } from 'zod';

/**
 * Response declarations shared by every domain's routes, so each route states
 * what it answers (contract.test.ts checks that every route does).
 */

/** `204 No Content`: the route answers with an empty body. */
export const noContent = { 204: z.undefined().describe('No content') } as const;

/**
 * A body that is not JSON (a file, Markdown, HTML, an event stream). Spread
 * into a route's `schema`: `produces` gives OpenAPI the media type; Fastify
 * sends strings, buffers and streams of a non-JSON type as they are, so the
 * schema documents the answer without re-serialising it.
 */
export function rawBody<S extends number = 200>(mediaTypes: string[], description: string, status: S = 200 as S) {
    // Any body the handler sends as it is; the metadata is what OpenAPI shows (zod has no type for a byte stream).
  const body = z.custom<string | Buffer | Readable>(() => true).meta({ type: 'string', format: 'binary', description });
  return { produces: mediaTypes, response: { [status]: body } as Record<S, typeof body> };
}
