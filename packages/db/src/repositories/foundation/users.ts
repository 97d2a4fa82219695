import { eq } from 'drizzle-orm';
import { newUuid } from '@creatorflow/core';
import { users } from '../../schema/foundation.ts';
import type { DbOrTx } from '../../database.ts';

export type UserRow = typeof users.$inferSelect;

/** Emails are compared case-insensitively; we store them lower-cased and trimmed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export async function insertUser(
  db: DbOrTx,
  input: { email: string | null; name: string; passwordHash: string | null; id?: string },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      id: input.id ?? newUuid(),
      email: input.email === null ? null : normalizeEmail(input.email),
      name: input.name,
      passwordHash: input.passwordHash,
    })
    .returning();
  return row!;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}
