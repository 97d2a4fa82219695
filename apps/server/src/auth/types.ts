import type { Role } from '@creatorflow/core';

/** Who is calling, once a credential was checked. */
export interface AuthContext {
  userId: string;
  via: 'local' | 'access_token' | 'api_token';
  /** API tokens are bound to one workspace and carry a role ceiling. */
  workspaceId?: string;
  role?: Role;
  /** Id of the API token or session, for audit. */
  credentialId?: string;
}

/** The workspace a request acts in, with the caller's effective role there. */
export interface WorkspaceScope {
  userId: string;
  workspaceId: string;
  role: Role;
}

/** How a route is protected, set as `config: { auth: … }` on the route. */
export type RouteAuth = 'user' | 'public' | 'gateway';

declare module 'fastify' {
  interface FastifyRequest {
    traceId: string;
    auth: AuthContext | undefined;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}
