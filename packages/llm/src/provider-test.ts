import { request, type Dispatcher } from 'undici';
import { redactSecrets } from '@creatorflow/core';
import type { Member } from './member.ts';
import { upstreamHeaders, upstreamUrl } from './upstream.ts';
import { upstreamErrorMessage } from './translate/response.ts';

export interface ConnectionTest {
  ok: boolean;
  status: number | null;
  latencyMs: number;
  /** Models the upstream lists (when it answers GET /models). */
  models: string[];
  error?: string;
}

/** Asks a provider for its model list: proves the base URL and the API key work, without spending tokens. */
export async function testConnection(member: Member, timeoutMs = 10_000, dispatcher?: Dispatcher): Promise<ConnectionTest> {
  const started = performance.now();
  try {
    const response = await request(upstreamUrl(member, '/models'), {
      method: 'GET',
      headers: upstreamHeaders(member),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
      ...(dispatcher ? { dispatcher } : {}),
    });
    const text = await response.body.text();
    const latencyMs = Math.round(performance.now() - started);
    if (response.statusCode >= 400) {
      return { ok: false, status: response.statusCode, latencyMs, models: [], error: redactSecrets(upstreamErrorMessage(text)) };
    }
    if (response.statusCode >= 300) {
      // Upstream calls never follow redirects (each hop would need the egress check, and the key would travel along).
      const location = String(response.headers.location ?? '');
      return { ok: false, status: response.statusCode, latencyMs, models: [], error: `The base URL redirects (HTTP ${response.statusCode}${location ? ` to ${location.slice(0, 200)}` : ''}); enter the final URL instead` };
    }
    let models: string[] = [];
    try {
      const data = (JSON.parse(text) as { data?: Array<{ id?: string }> }).data ?? [];
      models = data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
    } catch {
      // Some compatible servers answer without a list; reaching them is what counts.
    }
    return { ok: true, status: response.statusCode, latencyMs, models };
  } catch (error) {
    return { ok: false, status: null, latencyMs: Math.round(performance.now() - started), models: [], error: redactSecrets((error as Error).message) };
  }
}
