import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CreatorFlowError, ValidationError, toFieldIssues } from '@creatorflow/core';

const DIR = fileURLToPath(new URL('./templates/', import.meta.url));
const fraction = z.number().min(0).max(1);
const color = z.string().regex(/^(#[0-9a-fA-F]{3,8}|rgba?\([\d.,\s]+\))$/, 'a #hex or rgb()/rgba() colour');

const textStyle = z.object({
  color,
  weight: z.union([z.literal(400), z.literal(700)]),
  align: z.enum(['left', 'center', 'right']),
  /** Box as fractions of the cover size. */
  box: z.object({ x: fraction, y: fraction, w: fraction, h: fraction }),
  /** Font sizes as fractions of the cover width. */
  maxSize: fraction,
  minSize: fraction,
  maxLines: z.number().int().positive(),
  lineHeight: z.number().min(1).max(2),
});

export const coverTemplateSchema = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  background: z.discriminatedUnion('type', [
    z.object({ type: z.literal('color'), color }),
    z.object({ type: z.literal('gradient'), from: color, to: color, angle: z.number().default(135) }),
    z.object({ type: z.literal('image'), fallback: color, overlay: z.object({ from: color, to: color }).optional() }),
  ]),
  title: textStyle,
  subtitle: textStyle.optional(),
  decorations: z.array(z.object({ type: z.literal('rect'), x: fraction, y: fraction, w: fraction, h: fraction, color, opacity: fraction.default(1) })).default([]),
});

export type CoverTemplate = z.infer<typeof coverTemplateSchema>;
export type TextStyle = z.infer<typeof textStyle>;

let cache: Map<string, CoverTemplate> | undefined;

export function loadCoverTemplates(): Map<string, CoverTemplate> {
  if (cache) return cache;
  const out = new Map<string, CoverTemplate>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = coverTemplateSchema.safeParse(parseYaml(readFileSync(join(DIR, file), 'utf8')));
    if (!parsed.success) throw new ValidationError(`Cover template ${file} is invalid`, toFieldIssues(parsed.error.issues));
    out.set(parsed.data.id, parsed.data);
  }
  cache = out;
  return out;
}

export function getCoverTemplate(id: string): CoverTemplate {
  const template = loadCoverTemplates().get(id);
  if (!template) {
    const known = [...loadCoverTemplates().keys()];
    throw new CreatorFlowError('COVER_UNKNOWN_TEMPLATE', `Unknown cover template '${id}'. Use one of: ${known.join(', ')}`, { status: 400, details: { known } });
  }
  return template;
}
