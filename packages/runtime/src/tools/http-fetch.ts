import { z } from 'zod';
import { CreatorFlowError, type ToolDefinition } from '@creatorflow/core';
import { fetchReadable } from '@creatorflow/library';
import type { EgressGuard } from '@creatorflow/net';

export interface HttpFetchOptions {
  /** Host patterns that may be fetched: `example.com`, `*.example.com`, `127.0.0.1:8080`, or `*` for any public host. */
  allow: string[];
  /** The process's egress guard (`ctx.egress`): in cloud mode internal targets are refused on every hop. */
  guard: EgressGuard;
  timeoutMs?: number;
  maxBytes?: number;
}

type Input = { url: string; max_chars: number };
type Output = { url: string; final_url: string; title: string; text: string; truncated: boolean; site_name: string | null };

/** Whether a URL's host matches the allowlist (port-specific patterns match host:port). */
export function hostAllowed(url: URL, allow: string[]): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = url.port ? `${host}:${url.port}` : host;
  return allow.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return host.endsWith(p.slice(1)) || host === p.slice(2);
    return p === host || p === hostPort;
  });
}

/** `http_fetch`: a web page as readable text (Readability), within an allowlist, a size cap and a time limit. */
export function httpFetchTool(options: HttpFetchOptions): ToolDefinition<Input, Output> {
  return {
    name: 'http_fetch',
    description: 'Fetch a web page and return its readable text (title and article body, no navigation or ads).',
    input: z.object({ url: z.string().url().max(2000), max_chars: z.number().int().min(100).max(100_000).default(20_000) }),
    output: z.object({ url: z.string(), final_url: z.string(), title: z.string(), text: z.string(), truncated: z.boolean(), site_name: z.string().nullable() }),
    runtime: 'universal',
    capabilities: ['network'],
    async run(input, ctx) {
      const check = (raw: string) => {
        const url = new URL(raw);
        if (!hostAllowed(url, options.allow)) {
          throw new CreatorFlowError('TOOL_HOST_NOT_ALLOWED', `http_fetch may not fetch ${url.host}: it is not on the allowlist (${options.allow.join(', ') || 'empty'})`, { status: 403 });
        }
      };
      check(input.url);
      const page = await fetchReadable(input.url, {
        timeoutMs: options.timeoutMs ?? 15_000,
        maxBytes: options.maxBytes ?? 2_000_000,
        guard: options.guard,
        signal: ctx.signal,
        // Every hop of a redirect chain must be on the allowlist too.
        onHop: (url) => check(url.href),
      });
      const truncated = page.text.length > input.max_chars;
      return { url: input.url, final_url: page.finalUrl, title: page.title, text: truncated ? page.text.slice(0, input.max_chars) : page.text, truncated, site_name: page.siteName };
    },
  };
}
