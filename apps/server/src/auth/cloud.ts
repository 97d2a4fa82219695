import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { AuthContext } from './types.ts';

/**
 * Cloud-mode credential check: a JWT access token or a personal API token in
 * `Authorization: Bearer`. Returns undefined when none is given.
 */
export async function authenticateCloud(_ctx: AppContext, _request: FastifyRequest): Promise<AuthContext | undefined> {
  return undefined;
}
