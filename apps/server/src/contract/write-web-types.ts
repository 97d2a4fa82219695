// `npm run api:types`: regenerates apps/web/src/api/generated/openapi.ts from the app built in-process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './openapi-document.ts';
import { WEB_TYPES_PATH, webTypesOf } from './web-types.ts';

const path = fileURLToPath(WEB_TYPES_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, await webTypesOf(await buildOpenApiDocument()));
console.log(`wrote ${path}`);
