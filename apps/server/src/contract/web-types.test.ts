import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.ts';
import { openApiOf, type OpenApiDocument } from './openapi-document.ts';
import { WEB_TYPES_PATH, webTypesOf } from './web-types.ts';

/** The web app's API types are generated from the server's schemas; CI fails when the committed copy is stale. */
describe('generated web API types', () => {
  let server: TestServer;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    server = await createTestServer();
    doc = await openApiOf(server.app);
  }, 180_000);
  afterAll(() => server?.close());

  it('the committed web API types are the ones generated from this document (run `npm run api:types`)', async () => {
    const committed = readFileSync(WEB_TYPES_PATH, 'utf8');
    const fresh = await webTypesOf(doc);
    // A plain equality would print two 5,000-line strings; the first differing line says what changed.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const at = a.findIndex((line, i) => line !== b[i]);
    const firstDiff = at === -1 && a.length === b.length ? null : { line: (at === -1 ? Math.min(a.length, b.length) : at) + 1, committed: a[at] ?? '', generated: b[at] ?? '' };
    expect(firstDiff, 'apps/web/src/api/generated/openapi.ts is stale: run `npm run api:types` and commit it').toBeNull();
  });
});
