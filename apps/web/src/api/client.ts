import { ApiError, type Problem } from './errors.ts';
import { REFRESH_HEADER, session } from './session.ts';

export interface RequestOptions {
  method?: string;
  /** JSON body; FormData is sent as multipart. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function urlOf(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** A fresh trace id in the server's format (`tr-` + UUID) so a user-reported id finds the logs. */
export function newTraceId(): string {
  return `tr-${crypto.randomUUID()}`;
}

export function authHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const token = session.accessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const workspace = session.workspaceId();
  if (workspace) headers['x-workspace-id'] = workspace;
  return headers;
}

async function problemOf(response: Response): Promise<Problem> {
  const traceId = response.headers.get('x-trace-id') ?? undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { ...body, status: response.status, trace_id: body.trace_id ?? traceId };
    } catch {
      // Fall through to a generic problem.
    }
  }
  return { status: response.status, title: response.statusText, detail: `HTTP ${response.status} ${response.statusText}`, trace_id: traceId };
}

let refreshing: Promise<boolean> | undefined;

/** Cloud mode: trade the HttpOnly refresh cookie for a new access token once, shared by concurrent callers. */
async function refreshAccessToken(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...REFRESH_HEADER },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!response.ok) return false;
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) return false;
      session.setAccessToken(body.access_token);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** Low-level call returning the raw Response (for streams and uploads); throws ApiError when not ok. */
export async function apiResponse(path: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = { 'x-trace-id': newTraceId(), ...authHeaders(), ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', detail: (error as Error).message, trace_id: headers['x-trace-id'] });
  }
  // A cloud session (it has an access token) may renew through the cookie; local mode has none to renew.
  if (response.status === 401 && !retried && session.accessToken() && !/^\/api\/auth\/(login|register|refresh|logout)\b/.test(path) && (await refreshAccessToken())) {
    return apiResponse(path, options, true);
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response;
}

/** JSON API call. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return (await response.text()) as T;
  return (await response.json()) as T;
}
