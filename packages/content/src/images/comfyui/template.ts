import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CreatorFlowError, ValidationError, toFieldIssues } from '@creatorflow/core';

const DIR = fileURLToPath(new URL('./workflows/', import.meta.url));

const nodeSchema = z.object({ class_type: z.string(), inputs: z.record(z.string(), z.unknown()) });

export const workflowTemplateSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    /** Node id whose SaveImage output holds the images. */
    output: z.string(),
    defaults: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    slots: z.record(z.string(), z.object({ node: z.string(), input: z.string(), type: z.enum(['string', 'integer', 'number']) })),
    /** ComfyUI API-format graph ("Save (API Format)"). */
    workflow: z.record(z.string(), nodeSchema),
  })
  .superRefine((t, ctx) => {
    for (const [name, slot] of Object.entries(t.slots)) {
      if (!t.workflow[slot.node]) ctx.addIssue({ code: 'custom', path: ['slots', name], message: `slot points at node ${slot.node}, which is not in the workflow` });
    }
    if (!t.workflow[t.output]) ctx.addIssue({ code: 'custom', path: ['output'], message: `output node ${t.output} is not in the workflow` });
  });

export type WorkflowTemplate = z.infer<typeof workflowTemplateSchema>;
export type ComfyWorkflow = WorkflowTemplate['workflow'];

export function parseTemplate(json: unknown, source: string): WorkflowTemplate {
  const parsed = workflowTemplateSchema.safeParse(json);
  if (!parsed.success) throw new ValidationError(`ComfyUI workflow template ${source} is invalid`, toFieldIssues(parsed.error.issues));
  return parsed.data;
}

/** Shipped workflow templates by id. */
export function loadTemplates(dir: string = DIR): Map<string, WorkflowTemplate> {
  const out = new Map<string, WorkflowTemplate>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const template = parseTemplate(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
    out.set(template.id, template);
  }
  return out;
}

/**
 * A copy of the template's workflow with slot values filled in (defaults
 * first, then the given values). Values are type-checked against the slot.
 */
export function fillTemplate(template: WorkflowTemplate, values: Record<string, string | number | undefined>): ComfyWorkflow {
  const workflow = structuredClone(template.workflow);
  const merged = { ...template.defaults, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) };
  for (const [name, value] of Object.entries(merged)) {
    const slot = template.slots[name];
    if (!slot) {
      throw new CreatorFlowError('IMAGE_TEMPLATE_SLOT_UNKNOWN', `Workflow ${template.id} has no slot '${name}'; slots: ${Object.keys(template.slots).join(', ')}`, { status: 400 });
    }
    const ok = slot.type === 'string' ? typeof value === 'string' : typeof value === 'number' && (slot.type === 'number' || Number.isInteger(value));
    if (!ok) throw new CreatorFlowError('IMAGE_TEMPLATE_SLOT_TYPE', `Slot '${name}' of ${template.id} needs a ${slot.type}, got ${JSON.stringify(value)}`, { status: 400 });
    workflow[slot.node]!.inputs[slot.input] = value;
  }
  return workflow;
}
