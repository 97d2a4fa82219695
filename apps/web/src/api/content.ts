import { api } from './client.ts';

/** One broken or risky platform rule (packages/content limits). */
export interface Violation {
  code: string;
  severity: 'error' | 'warning';
  field: string;
  limit?: number;
  actual?: number;
  message: { zh: string; en: string };
  suggestion?: { zh: string; en: string };
}

export interface FormatResult {
  platform: string;
  title?: string;
  body: string;
  body_format: 'html' | 'markdown' | 'text';
  plain_text?: string;
  tags?: string[];
  violations: Violation[];
  notices?: string[];
}

export function formatFor(input: { platform: string; markdown: string; title?: string; tags?: string[] }, signal?: AbortSignal): Promise<FormatResult> {
  return api<FormatResult>('/api/format', { body: input, signal });
}
