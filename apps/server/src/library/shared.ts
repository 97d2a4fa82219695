import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CreatorFlowError, ValidationError, type Role } from '@creatorflow/core';
import type { Actor } from '@creatorflow/library';
import { resolveScope } from '../auth/scope.ts';
import type { AppContext } from '../context.ts';
import { pageJson, pageQuery, pageSchema } from '../http/pagination.ts';

export const tags = ['library'];

/** The workspace and user a library request acts as, after the role check. */
export async function actorOf(ctx: AppContext, request: FastifyRequest, role: Role): Promise<Actor & { userId: string }> {
  const scope = await resolveScope(ctx.database, request, role);
  return { workspaceId: scope.workspaceId, userId: scope.userId };
}

export const idParams = z.object({ id: z.string().min(1).max(100) });

/** The one cursor scheme of every list route (pagination.ts), with the library's page sizes and a tag filter. */
export const listQuery = pageQuery({ default: 20, max: 100 }).extend({ tag: z.string().min(1).max(40).optional() });

/** A list of strings given as `a,b` in a query string. */
export const csv = z
  .string()
  .max(500)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export { pageJson, pageSchema };


export const iso = (d: Date): string => d.toISOString();

/**
 * The client's `Idempotency-Key` for a create, if it sent one: a retry with the
 * same key gets the record the first request made instead of a second record.
 */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  const key = Array.isArray(value) ? value[0] : value;
  if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ValidationError('The Idempotency-Key header must be 1 to 200 visible ASCII characters, such as a UUID', [
      { path: 'headers.idempotency-key', message: '1–200 visible ASCII characters' },
    ]);
  }
  return key;
}

/** 201 for a new record, 200 with `Idempotent-Replayed: true` when a retried create found the earlier one. */
export function createdStatus(reply: { header(name: string, value: string): unknown }, created: boolean): 200 | 201 {
  if (!created) reply.header('idempotent-replayed', 'true');
  return created ? 201 : 200;
}

/** The one file of a multipart upload (field `file`), or a clear error saying how to send it. */
export async function uploadedFile(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) {
    throw new CreatorFlowError('UPLOAD_NOT_MULTIPART', 'Send the file as multipart/form-data in a field named `file`', { status: 415 });
  }
  const file = await request.file();
  if (!file) throw new ValidationError('No file in the upload: add a multipart field named `file`', [{ path: 'file', message: 'missing' }]);
  return file;
}
