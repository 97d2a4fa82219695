import { CreatorFlowError } from '@creatorflow/core';
import {
  findRunningServer,
  loadConfig,
  readLocalToken,
  startLocal,
  type ConfigOverrides,
  type RunningInstance,
} from '@creatorflow/server';

/**
 * How CLI commands reach CreatorFlow: the running local server when there is
 * one, otherwise a private in-process server on an ephemeral loopback port
 * (holding the home lock for the command's lifetime), or a cloud URL.
 * Commands therefore behave the same whether or not `creatorflow start` runs.
 */
export interface ApiClient {
  readonly baseUrl: string;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  /** Raw fetch with auth headers, for streams (SSE) and uploads. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface ClientOptions extends ConfigOverrides {
  /** Cloud server URL (`--url` / CREATORFLOW_URL); with CREATORFLOW_TOKEN. */
  url?: string;
  token?: string;
  workspace?: string;
}

export async function openClient(options: ClientOptions = {}): Promise<ApiClient> {
  const url = options.url ?? process.env.CREATORFLOW_URL;
  const workspace = options.workspace ?? process.env.CREATORFLOW_WORKSPACE;
  if (url) {
    const token = options.token ?? process.env.CREATORFLOW_TOKEN;
    return httpClient(url.replace(/\/$/, ''), token, workspace, async () => undefined);
  }
  const config = loadConfig({ ...options, mode: 'local', port: 0 });
  const running = findRunningServer(config.home);
  const token = readLocalToken(config.home);
  if (running && token) return httpClient(running.url, token, workspace, async () => undefined);
  const instance: RunningInstance = await startLocal({ ...config, logLevel: 'silent' });
  return httpClient(instance.url, instance.ctx.local!.token, workspace, () => instance.stop());
}

function httpClient(
  baseUrl: string,
  token: string | undefined,
  workspace: string | undefined,
  onClose: () => Promise<void>,
): ApiClient {
  const authHeaders: Record<string, string> = {};
  if (token) authHeaders.authorization = `Bearer ${token}`;
  if (workspace) authHeaders['x-workspace-id'] = workspace;
  const doFetch = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { ...authHeaders, ...(init.headers as Record<string, string>) } });
  return {
    baseUrl,
    fetch: doFetch,
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await doFetch(path, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const data: unknown = text ? safeJson(text) : undefined;
      if (!response.ok) throw problemToError(response.status, data, text);
      return data as T;
    },
    close: onClose,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns a problem+json answer back into an error the CLI can print. */
export function problemToError(status: number, data: unknown, text: string): CreatorFlowError {
  if (data && typeof data === 'object' && 'code' in data) {
    const p = data as { code: string; detail?: string; errors?: Array<{ path: string; message: string }>; trace_id?: string };
    const fields = p.errors?.length ? `\n${p.errors.map((e) => `  - ${e.path}: ${e.message}`).join('\n')}` : '';
    return new CreatorFlowError(p.code, `${p.detail ?? p.code}${fields}`, {
      status,
      details: p.trace_id ? { trace_id: p.trace_id } : undefined,
    });
  }
  return new CreatorFlowError('HTTP_ERROR', `HTTP ${status}: ${text.slice(0, 500)}`, { status });
}
