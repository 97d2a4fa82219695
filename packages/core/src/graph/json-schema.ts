/**
 * A small JSON Schema subset for structured LLM output and human forms:
 * type, properties, required, additionalProperties (boolean), items, enum,
 * const, minLength/maxLength, minimum/maximum, minItems/maxItems,
 * description/title/default. Written here rather than compiled by a library
 * so graph content never becomes generated code.
 */
export type JsonSchema = Record<string, unknown>;

const SUPPORTED = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minLength', 'maxLength',
  'minimum', 'maximum', 'minItems', 'maxItems', 'description', 'title', 'default', '$schema', 'format',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Problems with a schema itself (unsupported keywords, bad types), as `path: message`. */
export function checkJsonSchema(schema: unknown, path = ''): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [`${path || '(root)'}: a schema must be an object`];
  const problems: string[] = [];
  const s = schema as JsonSchema;
  for (const key of Object.keys(s)) if (!SUPPORTED.has(key)) problems.push(`${path || '(root)'}: keyword '${key}' is not supported (use: ${[...SUPPORTED].join(', ')})`);
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  for (const t of types) if (typeof t !== 'string' || !TYPES.has(t)) problems.push(`${path || '(root)'}: unknown type '${String(t)}'`);
  if (s.properties !== undefined) {
    if (typeof s.properties !== 'object' || s.properties === null) problems.push(`${path}.properties: must be an object`);
    else for (const [k, v] of Object.entries(s.properties)) problems.push(...checkJsonSchema(v, `${path}.properties.${k}`));
  }
  if (s.items !== undefined) problems.push(...checkJsonSchema(s.items, `${path}.items`));
  if (s.required !== undefined && !(Array.isArray(s.required) && s.required.every((r) => typeof r === 'string'))) {
    problems.push(`${path || '(root)'}: required must be a list of property names`);
  }
  return problems;
}

/** Where a value breaks the schema, as `path: message`; empty when it conforms. */
export function validateJson(value: unknown, schema: JsonSchema, path = '$'): string[] {
  const errors: string[] = [];
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type === undefined ? [] : [schema.type as string];
  if (types.length > 0 && !types.some((t) => hasType(value, t))) {
    return [`${path}: expected ${types.join(' or ')}, got ${describe(value)}`];
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object') value.forEach((item, i) => errors.push(...validateJson(item, schema.items as JsonSchema, `${path}[${i}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in record)) errors.push(`${path}.${key}: is required`);
    for (const [key, v] of Object.entries(record)) {
      if (properties[key]) errors.push(...validateJson(v, properties[key], `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: is not allowed`);
    }
  }
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Property names a schema declares (for template reference checks on structured outputs). */
export function schemaProperties(schema: JsonSchema | undefined): string[] | undefined {
  if (!schema || schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return undefined;
  return Object.keys(schema.properties);
}
