import { createTestServer } from '../testing/harness.ts';
import type { App } from '../http/types.ts';

/** The OpenAPI document as `GET /api/openapi.json` answers it. */
export interface OpenApiDocument {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

export interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  [key: string]: unknown;
}

/** The document of an app that is already built and ready. */
export async function openApiOf(app: App): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { host: '127.0.0.1' } });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}: ${res.body}`);
  return res.json<OpenApiDocument>();
}

/**
 * Builds the real app in this process (local mode over a throw-away PGlite
 * home, no port opened) and reads its OpenAPI document. The document is the
 * same in both modes: every route is registered in both.
 */
export async function buildOpenApiDocument(): Promise<OpenApiDocument> {
  const server = await createTestServer();
  try {
    return await openApiOf(server.app);
  } finally {
    await server.close();
  }
}
