import type { paths } from './generated/openapi.ts';

/**
 * Types of the HTTP contract, read from the types generated from the server's
 * OpenAPI document (generated/openapi.ts, `npm run api:types`). The API
 * modules name their types with these instead of re-typing the API, so a
 * change on the server shows up in the web app's typecheck.
 */

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = paths[P][M & keyof paths[P]];

/** The JSON a route answers with, for a status (200 unless given). */
export type ApiResponse<P extends ApiPath, M extends Method = 'get', S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? (R[S] extends { content: { 'application/json': infer B } } ? B : never) : never) : never;

/** The JSON body a route takes. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? (NonNullable<B> extends { content: { 'application/json': infer J } } ? J : never) : never;

/** The query string a route takes. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One item of a list route's page (`{ items, next_cursor }`). */
export type PageItem<P extends ApiPath> = ApiResponse<P> extends { items: Array<infer T> } ? T : never;
