import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { session } from './session.ts';

export interface User {
  id: string;
  email: string | null;
  name: string;
  locale: string;
}

export interface Me {
  user: User;
  mode: 'local' | 'cloud';
  via: 'local' | 'access_token' | 'api_token';
  default_workspace_id: string | null;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export function useMe(enabled = true) {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/auth/me'), enabled, staleTime: 60_000 });
}

export async function login(email: string, password: string): Promise<TokenPair & { user: User }> {
  const result = await api<TokenPair & { user: User }>('/api/auth/login', { body: { email, password } });
  session.setTokens(result.access_token, result.refresh_token);
  return result;
}

export async function register(email: string, password: string, name?: string): Promise<TokenPair & { user: User; workspace: { id: string } }> {
  const result = await api<TokenPair & { user: User; workspace: { id: string } }>('/api/auth/register', { body: { email, password, name } });
  session.setTokens(result.access_token, result.refresh_token);
  session.setWorkspace(result.workspace.id);
  return result;
}

export async function logout(): Promise<void> {
  const refresh = session.refreshToken();
  session.clear();
  if (refresh) await api('/api/auth/logout', { body: { refresh_token: refresh } }).catch(() => undefined);
}
