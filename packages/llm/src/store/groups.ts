import { and, asc, eq } from 'drizzle-orm';
import { NotFoundError, ValidationError, newUuid } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';

export interface GroupMemberInput {
  /** Provider name (as in `provider:model`). */
  provider: string;
  model: string;
  tier?: number;
  weight?: number;
}

export interface GroupView {
  alias: string;
  description: string | null;
  members: Array<{ provider: string; model: string; tier: number; weight: number }>;
}

const ALIAS = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** Creates or replaces a model group (alias → members in tiers with weights). */
export async function putGroup(database: Database, workspaceId: string, alias: string, input: { description?: string; members: GroupMemberInput[] }): Promise<GroupView> {
  if (!ALIAS.test(alias) || alias.includes(':')) {
    throw new ValidationError(`Group alias '${alias}' is invalid: letters, digits, '.', '_' or '-', no ':'`, [{ path: 'alias', message: 'invalid alias' }]);
  }
  if (input.members.length === 0) throw new ValidationError('A model group needs at least one member', [{ path: 'members', message: 'empty' }]);
  const providers = await database.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.workspaceId, workspaceId));
  const byName = new Map(providers.map((p) => [p.name, p]));
  const issues = input.members.flatMap((m, i) => {
    const out: Array<{ path: string; message: string }> = [];
    if (!byName.has(m.provider)) out.push({ path: `members.${i}.provider`, message: `no provider named '${m.provider}' (have: ${providers.map((p) => p.name).join(', ') || 'none'})` });
    if ((m.weight ?? 1) <= 0 || !Number.isInteger(m.weight ?? 1)) out.push({ path: `members.${i}.weight`, message: 'must be a positive integer' });
    if (!Number.isInteger(m.tier ?? 1) || (m.tier ?? 1) < 1) out.push({ path: `members.${i}.tier`, message: 'must be an integer ≥ 1' });
    return out;
  });
  if (issues.length > 0) throw new ValidationError(`Model group '${alias}' is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  await database.db.transaction(async (tx) => {
    const existing = await tx.select().from(schema.llmGroups).where(and(eq(schema.llmGroups.workspaceId, workspaceId), eq(schema.llmGroups.alias, alias)));
    let groupId = existing[0]?.id;
    if (groupId) {
      await tx.update(schema.llmGroups).set({ description: input.description ?? existing[0]!.description, updatedAt: new Date() }).where(eq(schema.llmGroups.id, groupId));
      await tx.delete(schema.llmGroupMembers).where(eq(schema.llmGroupMembers.groupId, groupId));
    } else {
      groupId = newUuid();
      await tx.insert(schema.llmGroups).values({ id: groupId, workspaceId, alias, description: input.description ?? null });
    }
    await tx.insert(schema.llmGroupMembers).values(
      input.members.map((m) => ({ id: newUuid(), workspaceId, groupId: groupId!, providerId: byName.get(m.provider)!.id, model: m.model, tier: m.tier ?? 1, weight: m.weight ?? 1 })),
    );
  });
  return (await listGroups(database, workspaceId)).find((g) => g.alias === alias)!;
}

export async function listGroups(database: Database, workspaceId: string): Promise<GroupView[]> {
  const { llmGroups, llmGroupMembers, llmProviders } = schema;
  const groups = await database.db.select().from(llmGroups).where(eq(llmGroups.workspaceId, workspaceId)).orderBy(asc(llmGroups.alias));
  const members = await database.db
    .select({ groupId: llmGroupMembers.groupId, provider: llmProviders.name, model: llmGroupMembers.model, tier: llmGroupMembers.tier, weight: llmGroupMembers.weight })
    .from(llmGroupMembers)
    .innerJoin(llmProviders, eq(llmProviders.id, llmGroupMembers.providerId))
    .where(eq(llmGroupMembers.workspaceId, workspaceId))
    .orderBy(asc(llmGroupMembers.tier));
  return groups.map((g) => ({
    alias: g.alias,
    description: g.description,
    members: members.filter((m) => m.groupId === g.id).map(({ groupId: _g, ...m }) => m),
  }));
}

export async function deleteGroup(database: Database, workspaceId: string, alias: string): Promise<void> {
  const deleted = await database.db
    .delete(schema.llmGroups)
    .where(and(eq(schema.llmGroups.workspaceId, workspaceId), eq(schema.llmGroups.alias, alias)))
    .returning({ id: schema.llmGroups.id });
  if (deleted.length === 0) throw new NotFoundError('Model group', alias);
}
