import { api, apiResponse } from './client.ts';

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

/** POST /api/format (packages/content FormatResult). */
export interface FormatResult {
  platform: string;
  platformName: { zh: string; en: string };
  title?: string;
  tags: string[];
  body: string;
  bodyFormat: 'html' | 'markdown' | 'text';
  plainText: string;
  violations: Violation[];
  notices: string[];
  stats: { titleChars: number; bodyChars: number; imageCount: number; tagCount: number };
}

export interface FormatInput {
  platform: string;
  markdown: string;
  title?: string;
  tags?: string[];
}

export function formatFor(input: FormatInput, signal?: AbortSignal): Promise<FormatResult> {
  return api<FormatResult>('/api/format', { body: input, signal });
}

/** The full HTML page of exactly what will be pasted or published (shown in a sandboxed frame). */
export async function previewPage(input: FormatInput, signal?: AbortSignal): Promise<string> {
  const response = await apiResponse('/api/format/preview', { body: input, signal });
  return response.text();
}
