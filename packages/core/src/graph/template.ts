import { Liquid, type Template } from 'liquidjs';
import { CreatorFlowError } from '../errors.ts';

/**
 * Prompts and messages are Liquid templates. The engine is sandboxed: no file
 * system (an empty in-memory template map, so include/render find nothing),
 * own properties only, and time and memory limits per render.
 */
const liquid = new Liquid({
  templates: {},
  ownPropertyOnly: true,
  strictFilters: true,
  parseLimit: 200_000,
  renderLimit: 2_000,
  memoryLimit: 20_000_000,
});

/** Longest text one render may produce (a prompt with a long knowledge excerpt fits many times over). */
export const MAX_TEMPLATE_OUTPUT = 2_000_000;

const cache = new Map<string, Template[]>();

export class TemplateError extends CreatorFlowError {
  constructor(message: string, template: string, cause?: unknown) {
    super('TEMPLATE_INVALID', message, { status: 400, cause, details: { template: template.slice(0, 200) } });
    this.name = 'TemplateError';
  }
}

export function parseTemplate(source: string): Template[] {
  const hit = cache.get(source);
  if (hit) return hit;
  let parsed: Template[];
  try {
    parsed = liquid.parse(source);
  } catch (error) {
    throw new TemplateError(`cannot parse template: ${(error as Error).message}`, source, error);
  }
  // Long templates are not kept: 2,000 cached 200 kB prompts would be hundreds of megabytes.
  if (source.length > 20_000) return parsed;
  if (cache.size > 2000) cache.clear();
  cache.set(source, parsed);
  return parsed;
}

/** Renders a template over plain data. Objects print as JSON, so `{{ state.outline }}` works for structured values. */
export function renderTemplate(source: string, scope: Record<string, unknown>): string {
  if (!source.includes('{')) return source;
  let out: string;
  try {
    out = liquid.renderSync(parseTemplate(source), printable(scope) as Record<string, unknown>);
  } catch (error) {
    if (CreatorFlowError.isInstance(error)) throw error;
    const message = (error as Error).message;
    if (/memory alloc limit|render limit/i.test(message)) {
      throw new CreatorFlowError('TEMPLATE_TOO_LARGE', `the template builds too much text or takes too long (${message}); loops and appends are limited`, {
        status: 400,
        cause: error,
        details: { template: source.slice(0, 200) },
      });
    }
    throw new TemplateError(`cannot render template: ${message}`, source, error);
  }
  if (out.length > MAX_TEMPLATE_OUTPUT) {
    throw new CreatorFlowError('TEMPLATE_TOO_LARGE', `the template rendered ${out.length} characters; the limit is ${MAX_TEMPLATE_OUTPUT}`, {
      status: 400,
      details: { template: source.slice(0, 200), size: out.length, limit: MAX_TEMPLATE_OUTPUT },
    });
  }
  return out;
}

/** Root variables and first segment a template reads (`{{ inputs.topic }}` → ['inputs', 'topic']). */
export function templateReferences(source: string): Array<[string, string | undefined]> {
  if (!source.includes('{')) return [];
  let segments: Awaited<ReturnType<typeof liquid.globalVariableSegmentsSync>>;
  try {
    segments = liquid.globalVariableSegmentsSync(parseTemplate(source));
  } catch (error) {
    if (CreatorFlowError.isInstance(error)) throw error;
    // The analysis follows include/render into the (empty) template map: a raw ENOENT otherwise (found by the fuzz test).
    throw new TemplateError(`cannot read template: ${(error as Error).message}`, source, error);
  }
  return segments.map((s) => [String(s[0]), s[1] === undefined ? undefined : String(s[1])]);
}

// Liquid prints objects with String(); give them a JSON face instead.
function printable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(printable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = printable(v);
    Object.defineProperty(out, 'toString', { value: () => JSON.stringify(value), enumerable: false });
    return out;
  }
  return value;
}
