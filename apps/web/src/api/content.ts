import { api, apiResponse } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

/** POST /api/format: the work formatted for one platform, with what breaks its limits. */
export type FormatResult = ApiResponse<'/api/format', 'post'>;
/** One broken or risky platform rule (packages/content limits). */
export type Violation = FormatResult['violations'][number];
export type FormatInput = ApiBody<'/api/format'>;

export function formatFor(input: FormatInput, signal?: AbortSignal): Promise<FormatResult> {
  return api<FormatResult>('/api/format', { body: input, signal });
}

/** The full HTML page of exactly what will be pasted or published (shown in a sandboxed frame). */
export async function previewPage(input: FormatInput, signal?: AbortSignal): Promise<string> {
  const response = await apiResponse('/api/format/preview', { body: input, signal });
  return response.text();
}
