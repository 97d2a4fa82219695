import type { OpenApiDocument } from './openapi-document.ts';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * Property names of a JSON schema that are not snake_case, as `where: name`.
 * Map-like objects (`additionalProperties` / `propertyNames`) have data for
 * keys, so only declared `properties` are checked.
 */
function walk(schema: unknown, where: string, out: string[], components: Record<string, unknown>, seen: Set<unknown>): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const node = schema as Record<string, unknown>;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    walk(components[name], `${where} → ${name}`, out, components, seen);
    return;
  }
  if (node.properties && typeof node.properties === 'object') {
    for (const [key, value] of Object.entries(node.properties as Record<string, unknown>)) {
      if (!SNAKE.test(key)) out.push(`${where}: ${key}`);
      walk(value, `${where}.${key}`, out, components, seen);
    }
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) walk(node[key], key === 'items' ? `${where}[]` : where, out, components, seen);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    if (Array.isArray(node[key])) for (const part of node[key] as unknown[]) walk(part, where, out, components, seen);
  }
}

/** Every camelCase (or otherwise non-snake_case) property and parameter name in the API's requests and answers. */
export function snakeCaseViolations(doc: OpenApiDocument): string[] {
  const out: string[] = [];
  const components = doc.components?.schemas ?? {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters as Array<{ name: string; in: string }> | undefined) ?? []) {
        // Path parameters are part of the URL template, not JSON; headers are case-insensitive.
        if (p.in === 'query' && !SNAKE.test(p.name)) out.push(`${at} ?${p.name}`);
      }
      const body = op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
      for (const media of Object.values(body?.content ?? {})) walk(media.schema, `${at} body`, out, components, new Set());
      for (const [code, response] of Object.entries(op.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) walk(media.schema, `${at} ${code}`, out, components, new Set());
      }
    }
  }
  return out;
}
