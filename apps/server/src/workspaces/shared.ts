import { z } from 'zod';
import { ROLES } from '@creatorflow/core';

/** Path of every route about one workspace. Not validated as a UUID: an unknown or malformed id is a 404 from resolveScope. */
export const workspaceParams = z.object({ id: z.string().min(1).max(100) });
export const roleSchema = z.enum(ROLES);
export const tags = ['workspaces'];

/** `{ id }` cursors of lists ordered by a UUIDv7 id. */
export const idCursor = z.string().uuid();

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
