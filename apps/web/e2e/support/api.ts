import type { RunningApp } from './app.ts';

/** Calls the app's API directly (as the local user), to arrange or check state behind the browser's back. */
export async function apiCall<T>(app: RunningApp, method: string, url: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const response = await app.server.app.inject({
    method: method as 'GET',
    url,
    headers: { ...app.server.localHeaders, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });
  return { status: response.statusCode, body: (response.body ? JSON.parse(response.body) : undefined) as T };
}
