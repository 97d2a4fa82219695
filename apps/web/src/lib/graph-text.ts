import type { GraphInfo, GraphInput } from '../api/runs.ts';
import type { Locale, MessageKey, Translate } from '../i18n/i18n.tsx';
import { platformName } from './platforms.ts';

/**
 * A graph's texts in the user's language. A graph declares its zh-CN texts at
 * the top level and others under `locales`; the raw id is the last resort,
 * only for a workspace graph that names nothing.
 */
export function graphTitle(graph: GraphInfo | undefined, locale: Locale, fallbackName?: string): string {
  if (!graph) return fallbackName ?? '';
  const own = graph.locales?.[locale]?.title;
  if (own) return own;
  if (locale === 'zh-CN') return graph.title ?? graph.name;
  return graph.locales?.en?.title ?? graph.title ?? graph.name;
}

export function graphDescription(graph: GraphInfo | undefined, locale: Locale): string | undefined {
  if (!graph) return undefined;
  return graph.locales?.[locale]?.description ?? (locale === 'zh-CN' ? graph.description : (graph.locales?.en?.description ?? graph.description)) ?? undefined;
}

export function graphButton(graph: GraphInfo | undefined, locale: Locale): string | undefined {
  if (!graph) return undefined;
  return graph.locales?.[locale]?.button ?? (locale === 'zh-CN' ? graph.button : graph.locales?.en?.button) ?? undefined;
}

export interface InputText {
  label: string;
  description?: string;
  placeholder?: string;
  optionLabel(value: string | number): string;
}

export function inputText(graph: GraphInfo, key: string, spec: GraphInput, locale: Locale): InputText {
  const local = graph.locales?.[locale]?.inputs?.[key];
  const zh = locale === 'zh-CN';
  const enumLabels = local?.enum_labels ?? (zh ? spec.enum_labels : undefined);
  return {
    label: local?.label ?? (zh ? spec.label : undefined) ?? spec.label ?? key,
    description: local?.description ?? (zh ? spec.description : undefined),
    placeholder: local?.placeholder ?? (zh ? spec.placeholder : undefined),
    optionLabel: (value) => {
      const named = enumLabels?.[String(value)];
      if (named) return named;
      if (spec.widget === 'platform' || spec.widget === 'platforms') return platformName(String(value), locale);
      return String(value);
    },
  };
}

/** The label of one step of a run: the graph's name for it in this language, else its description, else the id. */
export function nodeLabel(graph: GraphInfo | undefined, node: string, locale: Locale): string {
  // Steps inside a parallel branch are "parent/child", map items "parent[index]": name the innermost.
  const last = node.split('/').pop() ?? node;
  const item = /^(.+)\[(\d+)\]$/.exec(last);
  if (item) return `${ownLabel(graph, item[1]!, locale)} · ${Number(item[2]) + 1}`;
  return ownLabel(graph, last, locale);
}

function ownLabel(graph: GraphInfo | undefined, node: string, locale: Locale): string {
  if (!graph) return node;
  const local = graph.locales?.[locale]?.nodes?.[node];
  if (local) return local;
  const own = graph.nodes?.[node];
  if (locale === 'zh-CN') return graph.locales?.['zh-CN']?.nodes?.[node] ?? own?.label ?? own?.description ?? node;
  return graph.locales?.en?.nodes?.[node] ?? own?.label ?? node;
}

/** A tool's name for people, or undefined for a tool this UI does not know (an MCP server's, say). */
export function toolLabel(t: Translate, tool: string): string | undefined {
  const key = `runs.tool.${tool}` as MessageKey;
  const named = t(key);
  return named === key ? undefined : named;
}

/**
 * Why this graph cannot run: the features it lacks (its placeholder tools) by
 * name, so a creator sees what this workflow waits for; the generic text only
 * when a lacking tool has no name here (no raw ids in the UI).
 */
export function notRunnableText(graph: GraphInfo, t: Translate): string {
  const named = graph.unavailable_tools.map((tool) => toolLabel(t, tool));
  if (named.length === 0 || named.some((name) => name === undefined)) return t('runs.graphNotRunnable');
  return t('runs.graphNeedsTools', { tools: named.join(t('runs.toolListSeparator')) });
}
