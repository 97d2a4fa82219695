import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ApiResponse } from './schema.ts';
import { REFRESH_HEADER, session } from './session.ts';

export type Me = ApiResponse<'/api/auth/me'>;
export type User = Me['user'];
type LoggedIn = ApiResponse<'/api/auth/login', 'post'>;
type Registered = ApiResponse<'/api/auth/register', 'post', 201>;
export type TokenPair = Pick<LoggedIn, 'access_token' | 'refresh_token' | 'expires_in'>;

export function useMe(enabled = true) {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/auth/me'), enabled, staleTime: 60_000 });
}

export async function login(email: string, password: string): Promise<LoggedIn> {
  const result = await api<LoggedIn>('/api/auth/login', { body: { email, password }, headers: REFRESH_HEADER });
  session.setAccessToken(result.access_token);
  return result;
}

export async function register(email: string, password: string, name?: string): Promise<Registered> {
  const result = await api<Registered>('/api/auth/register', { body: { email, password, name }, headers: REFRESH_HEADER });
  session.setAccessToken(result.access_token);
  session.setWorkspace(result.workspace.id);
  return result;
}

export async function logout(): Promise<void> {
  // The server ends the cookie's session and clears the cookie; the access token names it if the cookie is gone.
  await api('/api/auth/logout', { body: {}, headers: REFRESH_HEADER }).catch(() => undefined);
  session.clear();
}
