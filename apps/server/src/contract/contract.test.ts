import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../http/route-registry.ts';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { openApiOf, type OpenApiDocument } from './openapi-document.ts';
import { snakeCaseViolations } from './snake-case.ts';

/** A success status as Fastify keys a response schema: `200`, `201`, `204`, `302`, or a range like `2xx`. */
const SUCCESS = /^[23](\d\d|xx)$/i;

/**
 * The HTTP contract (docs/architecture.md, "HTTP contract"): every route
 * declares the answer of its success status as a zod schema, and every name
 * in a request or answer is snake_case. Fastify serialises an answer by its
 * schema, so a declared schema is also what reaches the client.
 */
describe('HTTP contract', () => {
  let server: TestServer;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    server = await createTestServer();
    doc = await openApiOf(server.app);
  }, 180_000);
  afterAll(() => server?.close());

  it('every route declares a response schema for its success status', () => {
    const routes = routesOf(server.app).filter((r) => !r.hidden);
    expect(routes.length).toBeGreaterThan(100);
    const undeclared = routes.filter((r) => !r.responses.some((code) => SUCCESS.test(code))).map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'add `response: { <status>: schema }` to these routes (contract/responses.ts has noContent and rawBody)').toEqual([]);
  });

  it('every documented operation answers with content, or says it has none (204)', () => {
    const empty: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
        for (const [code, response] of Object.entries(op.responses ?? {})) {
          if (SUCCESS.test(code) && code !== '204' && !response.content) empty.push(`${method.toUpperCase()} ${path} ${code}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });

  it('every property and query parameter of the API is snake_case', () => {
    expect(snakeCaseViolations(doc)).toEqual([]);
  });
});
