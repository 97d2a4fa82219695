import { readFileSync } from 'node:fs';
import { z } from 'zod';

const modelSchema = z.object({
  model: z.string().min(1),
  input: z.number().min(0),
  output: z.number().min(0),
  cachedInput: z.number().min(0),
  contextWindow: z.number().int().min(0),
  maxOutput: z.number().int().min(0),
  capabilities: z.array(z.enum(['chat', 'tools', 'vision', 'json', 'embeddings'])),
});

const presetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  wire: z.enum(['openai', 'anthropic']),
  baseUrl: z.string(),
  /** Environment prefixes: `DEEPSEEK` reads DEEPSEEK_API_KEY / DEEPSEEK_BASE_URL. */
  env: z.array(z.string()),
  defaultModel: z.string().optional(),
  keyOptional: z.boolean().optional(),
  models: z.array(modelSchema),
});

export type CatalogModel = z.infer<typeof modelSchema>;
export type ProviderPreset = z.infer<typeof presetSchema>;
export type Capability = CatalogModel['capabilities'][number];

let loaded: ProviderPreset[] | undefined;

/** Provider presets from `data/presets.json` (data, not code: prices change without a release). */
export function providerPresets(): ProviderPreset[] {
  if (loaded) return loaded;
  const url = new URL('../data/presets.json', import.meta.url);
  const parsed = z.object({ presets: z.array(presetSchema) }).safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    throw new Error(`packages/llm/data/presets.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  loaded = parsed.data.presets;
  return loaded;
}

export function presetById(id: string): ProviderPreset | undefined {
  return providerPresets().find((p) => p.id === id);
}
