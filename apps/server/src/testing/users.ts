import { newUuid, type Role } from '@creatorflow/core';
import { insertApiToken, insertUser, insertWorkspace } from '@creatorflow/db/repositories/foundation/index';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../auth/secrets.ts';
import type { TestServer } from './harness.ts';

export interface TestUser {
  userId: string;
  workspaceId: string;
  email: string;
  /** Headers that authenticate as this user (Host included, so they pass the local-mode guard). */
  headers: Record<string, string>;
  refreshToken?: string;
}

/** Registers a user through the API (cloud mode). */
export async function registerUser(server: TestServer, email = `u-${newUuid()}@example.com`, password = 'correct horse battery'): Promise<TestUser> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password } });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string }; workspace: { id: string }; access_token: string; refresh_token: string }>();
  return {
    userId: body.user.id,
    workspaceId: body.workspace.id,
    email,
    headers: { authorization: `Bearer ${body.access_token}`, host: '127.0.0.1' },
    refreshToken: body.refresh_token,
  };
}

/**
 * A second user with a workspace of their own, created straight in the
 * database, acting through a personal API token. Works in local mode too,
 * where nobody can register.
 */
export async function createUserWithToken(server: TestServer, role: Role = 'owner'): Promise<TestUser> {
  const db = server.ctx.database.db;
  const email = `u-${newUuid()}@example.com`;
  const user = await insertUser(db, { email, name: 'Other', passwordHash: null });
  const workspace = await insertWorkspace(db, { name: 'Other workspace', kind: 'personal', ownerId: user.id });
  const token = newSecret(API_TOKEN_PREFIX);
  await insertApiToken(db, {
    workspaceId: workspace.id,
    userId: user.id,
    name: 'test',
    tokenPrefix: token.slice(0, 13),
    tokenHash: sha256Hex(token),
    role,
    expiresAt: null,
  });
  return { userId: user.id, workspaceId: workspace.id, email, headers: { authorization: `Bearer ${token}`, host: '127.0.0.1' } };
}
