import { newUuid } from '@creatorflow/core';

/** The JSON Schema subset `fastify-type-provider-zod` writes into /api/openapi.json (no $ref). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  maximum?: number;
  minItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
}

/**
 * Fills the values the matrix cares about: a property or parameter whose name
 * is a fixture's key gets the fixture's value (own or foreign object ids).
 */
export type Fill = (name: string, schema: JsonSchema) => unknown;

/**
 * A small value that satisfies `schema` (required properties only), so a
 * write request gets past body validation and really reaches the role and
 * scope checks. Names known to `fill` get the caller's ids.
 */
export function sampleOf(schema: JsonSchema | undefined, fill: Fill, name = ''): unknown {
  if (!schema) return undefined;
  const given = name ? fill(name, schema) : undefined;
  if (given !== undefined) return given;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return sampleOf(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], fill, name);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, fill, name) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], fill, key);
      // Optional ids are filled too: they are what a foreign-id check is about.
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (key in out) continue;
        const value = fill(key, prop);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array': {
      const item = sampleOf(schema.items, fill, name);
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => item);
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 1);
      return schema.maximum !== undefined ? Math.min(Math.max(min, 1), schema.maximum) : Math.max(min, 1);
    }
    case 'boolean':
      return false;
    case 'string':
      return stringOf(schema);
    default:
      // `{}` (any value), as zod writes `z.unknown()`.
      return {};
  }
}

function stringOf(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return newUuid();
    case 'email':
      return `matrix-${newUuid().slice(0, 8)}@example.com`;
    case 'uri':
    case 'url':
      return 'https://example.com/matrix';
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    default: {
      const length = Math.max(schema.minLength ?? 1, 8);
      return 'matrix-x'.padEnd(Math.min(length, schema.maxLength ?? length), 'x');
    }
  }
}
