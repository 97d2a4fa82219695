import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas in /api/openapi.json (the subset the zod
 * schemas export: type, properties/required, items, enum, const, anyOf/oneOf/allOf, string
 * and number bounds, format, nullable). `valid` aims inside the schema so a request gets past
 * validation into the handler; `hostile` bends one place of such a body at a time.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
  default?: unknown;
}

/**
 * URLs in bodies point only at addresses the fuzz server's egress guard refuses or that
 * refuse at once: a fuzz run must never reach the internet or hang on a connect.
 */
const URLS = ['http://10.0.0.1/x', 'https://127.0.0.1:1/', 'http://[::1]:1/', 'http://169.254.169.254/latest/meta-data', 'ftp://x', 'javascript:alert(1)', 'http://', 'not a url', 'https://fuzz.invalid/a?b=1'];

/** Strings that have broken parsers, queries and renderers before. */
const NASTY = [
  '', ' ', 'x', '中文标题', '😀', '\u0000', '\u202e', '\ud800', '%00', '../../etc/passwd', "'; DROP TABLE works; --", '{{ 7*7 }}', '{% for %}', '<script>alert(1)</script>',
  '__proto__', 'constructor', 'null', 'NaN', '-1', '1e309', 'a'.repeat(300), '\n'.repeat(50), 'asset://00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000',
  '2026-13-45T99:99:99Z', 'default', 'owner', '#话题#',
];

const uuid = fc.uuid();

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 80, Math.max(min, 80));
  switch (schema.format) {
    case 'uuid':
      return uuid;
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.c', 'x@x', '中文@例子.公司'));
    case 'uri':
      return fc.constantFrom(...URLS);
    case 'date-time':
      return fc.oneof(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), fc.constant('2026-02-30T00:00:00Z'));
    default:
      break;
  }
  // Filtered up front: a fast-check filter that rejects every value loops for ever.
  const fits = (list: string[]) => list.filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  const nasty = fits(NASTY);
  const urls = fits(URLS);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
    ...(nasty.length ? [{ weight: 2, arbitrary: fc.constantFrom(...nasty) }] : []),
    ...(urls.length ? [{ weight: 1, arbitrary: fc.constantFrom(...urls) }] : []),
  );
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclMin = schema.exclusiveMinimum === true ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclMax = schema.exclusiveMaximum === true ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  let min = exclMin !== undefined ? exclMin + (integer ? 1 : 1e-6) : (schema.minimum ?? -1e6);
  let max = exclMax !== undefined ? exclMax - (integer ? 1 : 1e-6) : (schema.maximum ?? 1e6);
  min = Math.max(min, -Number.MAX_SAFE_INTEGER);
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (min > max) return fc.constant(min);
  const edges = [min, max, 0, 1].filter((n) => n >= min && n <= max && (!integer || Number.isInteger(n)));
  const core = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return edges.length ? fc.oneof({ weight: 4, arbitrary: core }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : core;
}

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** Values inside the schema (as far as the subset goes: patterns are not honoured). */
export function validArb(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object') return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validArb(s, depth + 1)));
  if (schema.allOf?.length) return validArb(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1);
  const types = typesOf(schema);
  const withNull = (arb: fc.Arbitrary<unknown>) => (schema.nullable || types.includes('null') ? fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb);
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return withNull(stringArb(schema));
    case 'integer':
      return withNull(numberArb(schema, true));
    case 'number':
      return withNull(numberArb(schema, false));
    case 'boolean':
      return withNull(fc.boolean());
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 4, Math.max(minLength, 4));
      return withNull(depth > 6 ? fc.constant([]) : fc.array(validArb(schema.items, depth + 1), { minLength, maxLength }));
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      if (depth > 6) return fc.constant({});
      const known = fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validArb(s, depth + 1)])), { requiredKeys: [...required].filter((k) => k in properties) });
      if (Object.keys(properties).length === 0 && schema.additionalProperties !== false) {
        const values = typeof schema.additionalProperties === 'object' ? validArb(schema.additionalProperties, depth + 1) : fc.jsonValue({ maxDepth: 2 });
        return withNull(fc.dictionary(fc.string({ maxLength: 12 }), values, { maxKeys: 5 }));
      }
      return withNull(known);
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Something no schema expects at one place: wrong types, edge numbers, huge and odd strings. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}, [null], JSON.parse('{"__proto__":{"polluted":1}}') as unknown, { constructor: { prototype: { polluted: 1 } } }, 'x'.repeat(70_000)),
  fc.constantFrom(...NASTY),
);

/** A body inside the schema with one place bent: a property dropped, replaced or added. */
export function hostileArb(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.tuple(validArb(schema), fc.nat(), fc.constantFrom('replace', 'drop', 'add', 'nest'), wrongValue, fc.string({ maxLength: 10 })).map(([body, pick, how, value, key]) => bend(body, pick, how, value, key));
}

function bend(body: unknown, pick: number, how: string, value: unknown, key: string): unknown {
  // Collect every container along with its keys, then bend one of them.
  const spots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        spots.push([v, i]);
        visit(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        spots.push([v as Record<string, unknown>, k]);
        visit(x);
      }
    }
  };
  visit(body);
  if (spots.length === 0 || how === 'nest') return how === 'nest' ? { [key || 'a']: body, x: [body, value] } : value;
  const [container, at] = spots[pick % spots.length]!;
  if (how === 'drop') {
    if (Array.isArray(container)) container.splice(at as number, 1);
    else delete container[at as string];
  } else if (how === 'add' && !Array.isArray(container)) container[key || '__proto__'] = value;
  else (container as Record<string | number, unknown>)[at] = value;
  return body;
}

/** Raw request texts that are not the JSON they claim to be. */
export const brokenJsonText = fc.oneof(
  fc.constantFrom('', '{', '{"a":', '[', 'null', '"str"', '1', 'true', '{"a":1,}', "{'a':1}", '\ufeff{}', '{"a":1}{"b":2}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":"\\ud800"}', 'NaN', '[1,2,3'),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => {
    const text = JSON.stringify(v) ?? 'null';
    return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  }),
);
