import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import type { OpenApiDocument } from './openapi-document.ts';

/** Where the web app keeps the types generated from the API's OpenAPI document (committed). */
export const WEB_TYPES_PATH = new URL('../../../web/src/api/generated/openapi.ts', import.meta.url);

const HEADER = `/**
 * GENERATED from GET /api/openapi.json by \`npm run api:types\`: do not edit.
 * A test (apps/server/src/contract/web-types.test.ts) fails when this file is
 * stale, so a change to a route's schema shows up here and in the web
 * app's typecheck.
 */
`;

/**
 * TypeScript types of every path, operation and named schema of the API.
 * The version is left out of the document so a release bump alone does not
 * make the committed file stale.
 */
export async function webTypesOf(doc: OpenApiDocument): Promise<string> {
  const stable = { ...doc, info: { ...doc.info, version: '0' } };
  const ast = await openapiTS(stable as unknown as OpenAPI3, { alphabetize: true, exportType: false, defaultNonNullable: true });
  return HEADER + astToString(ast);
}
