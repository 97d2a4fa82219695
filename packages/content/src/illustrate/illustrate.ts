import { z } from 'zod';
import { CreatorFlowError, type CallAttribution, type LlmPort } from '@creatorflow/core';
import { createMarkdown } from '../markdown/document.ts';
import type { ImageProvider, ImageStore } from '../images/provider.ts';
import { parseJsonReply } from '../structured.ts';

export interface Paragraph {
  /** 1-based number shown to the model. */
  n: number;
  text: string;
  /** Last source line (0-based, exclusive) of the paragraph. */
  endLine: number;
}

/** Top-level paragraphs of the article with their source positions. */
export function paragraphsOf(markdown: string): Paragraph[] {
  const tokens = createMarkdown().parse(markdown, {});
  const out: Paragraph[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'paragraph_open' && t.level === 0 && t.map) {
      const text = tokens[i + 1]?.content ?? '';
      if (!/^!\[[^\]]*\]\([^)]*\)$/.test(text.trim())) out.push({ n: out.length + 1, text, endLine: t.map[1] });
    }
  });
  return out;
}

const planSchema = z.object({
  illustrations: z.array(z.object({ afterParagraph: z.number().int().positive(), prompt: z.string().min(4), alt: z.string().min(1) })),
});

export interface Illustration {
  afterParagraph: number;
  prompt: string;
  alt: string;
  uri: string;
  seed?: number;
}

export interface IllustrateRequest {
  markdown: string;
  max?: number;
  width?: number;
  height?: number;
  /** Visual style added to every prompt. */
  style?: string;
  model?: string;
  attribution: CallAttribution;
  signal?: AbortSignal;
}

export interface IllustrateDeps {
  llm: LlmPort;
  images: ImageProvider;
  store: ImageStore;
}

/** Asks the model where pictures help and what they should show. */
export async function planIllustrations(llm: LlmPort, req: IllustrateRequest): Promise<Array<Omit<Illustration, 'uri' | 'seed'>>> {
  const paragraphs = paragraphsOf(req.markdown);
  if (paragraphs.length === 0) throw new CreatorFlowError('CONTENT_NOTHING_TO_ILLUSTRATE', 'The article has no paragraphs to illustrate', { status: 400 });
  const max = req.max ?? 3;
  const result = await llm.chat({
    model: req.model ?? 'default',
    temperature: 0.5,
    signal: req.signal,
    attribution: { ...req.attribution, node: req.attribution.node ?? 'illustrate_article' },
    responseFormat: { type: 'json_schema', name: 'illustrations', schema: z.toJSONSchema(planSchema) as Record<string, unknown> },
    messages: [
      {
        role: 'system',
        content:
          `你是图文编辑。从编号段落中选出最多 ${max} 处最需要配图的位置（信息密集或情绪高点），为每处写一条英文生图提示词（具体的主体、构图、光线、风格，不要出现文字）和一句中文图注。` +
          '输出 JSON：{"illustrations":[{"afterParagraph":段落编号,"prompt":"…","alt":"…"}]}',
      },
      { role: 'user', content: paragraphs.map((p) => `[${p.n}] ${p.text.slice(0, 300)}`).join('\n\n') },
    ],
  });
  const parsed = parseJsonReply(result.text, planSchema);
  if (!parsed.ok) throw new CreatorFlowError('CONTENT_PLAN_INVALID', `The model's illustration plan was unusable: ${parsed.problems.join('; ')}`, { status: 502, retryable: true });
  const seen = new Set<number>();
  return parsed.value.illustrations
    .filter((i) => i.afterParagraph <= paragraphs.length && !seen.has(i.afterParagraph) && seen.add(i.afterParagraph))
    .slice(0, max);
}

async function draw(deps: Omit<IllustrateDeps, 'llm'>, req: IllustrateRequest, prompt: string, alt: string, seed?: number) {
  const [image] = await deps.images.generate(
    { prompt: req.style ? `${prompt}, ${req.style}` : prompt, width: req.width ?? 1024, height: req.height ?? 576, seed },
    { signal: req.signal },
  );
  if (!image) throw new CreatorFlowError('IMAGE_GENERATION_FAILED', 'The image provider returned no image', { status: 502 });
  const saved = await deps.store.save(image, { name: `${alt.slice(0, 40)}.png`, tags: ['illustration'] });
  return { uri: saved.uri, seed: image.seed };
}

function insertAfter(markdown: string, items: Array<{ endLine: number; text: string }>): string {
  const lines = markdown.split('\n');
  for (const item of [...items].sort((a, b) => b.endLine - a.endLine)) lines.splice(item.endLine, 0, '', item.text);
  return lines.join('\n');
}

/**
 * Illustrates an article: the model picks places and writes prompts, images
 * are generated and stored as assets, and `![alt](asset://…)` is inserted
 * after each chosen paragraph.
 */
export async function illustrateArticle(deps: IllustrateDeps, req: IllustrateRequest): Promise<{ markdown: string; illustrations: Illustration[] }> {
  const plan = await planIllustrations(deps.llm, req);
  const paragraphs = paragraphsOf(req.markdown);
  const illustrations: Illustration[] = [];
  for (const item of plan) {
    const drawn = await draw(deps, req, item.prompt, item.alt);
    illustrations.push({ ...item, ...drawn });
  }
  const markdown = insertAfter(
    req.markdown,
    illustrations.map((i) => ({ endLine: paragraphs[i.afterParagraph - 1]!.endLine, text: `![${i.alt}](${i.uri})` })),
  );
  return { markdown, illustrations };
}

/** Draws one illustration again (new seed, optionally a new prompt) and swaps it in the Markdown. */
export async function regenerateIllustration(
  deps: Omit<IllustrateDeps, 'llm'>,
  req: Omit<IllustrateRequest, 'max'> & { illustrations: Illustration[]; index: number; prompt?: string },
): Promise<{ markdown: string; illustrations: Illustration[] }> {
  const old = req.illustrations[req.index];
  if (!old) throw new CreatorFlowError('CONTENT_ILLUSTRATION_NOT_FOUND', `There is no illustration #${req.index}; the article has ${req.illustrations.length}`, { status: 404 });
  if (!req.markdown.includes(`](${old.uri})`)) {
    throw new CreatorFlowError('CONTENT_ILLUSTRATION_MOVED', `Illustration #${req.index} (${old.uri}) is no longer in the article; insert it again instead`, { status: 409 });
  }
  const prompt = req.prompt ?? old.prompt;
  const seed = (old.seed ?? 0) + 1 + Math.floor(Math.random() * 1_000_000);
  const drawn = await draw(deps, req, prompt, old.alt, seed);
  const next: Illustration = { ...old, prompt, ...drawn };
  return {
    markdown: req.markdown.split(`](${old.uri})`).join(`](${next.uri})`),
    illustrations: req.illustrations.map((i, n) => (n === req.index ? next : i)),
  };
}
