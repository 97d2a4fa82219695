import { and, asc, eq, inArray } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError, isRole, newUuid, roleAtLeast, type Clock, type Role } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import { PublishError } from '../errors.ts';
import type { PublishAccount } from './account-service.ts';

const g = schema.publishAccountGroups;
const gm = schema.publishAccountGroupMembers;
const am = schema.publishAccountMembers;

export type GroupKind = (typeof g.$inferSelect)['kind'];
export interface AccountGroup {
  id: string;
  name: string;
  kind: GroupKind;
  accountIds: string[];
  createdAt: Date;
}

/** Who acts: the workspace, the user and (when known) their role there. */
export interface MatrixActor {
  workspaceId: string;
  userId: string | null;
  role?: Role;
}

/** One account at a glance (账号健康). */
export interface AccountHealth {
  accountId: string;
  loginStatus: PublishAccount['loginStatus'];
  loginCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  breaker: 'closed' | 'open' | 'half_open' | 'isolated';
  postsToday: number;
  /** The account's own daily cap (settings.dailyCap), null when none is set. */
  dailyCap: number | null;
  followers: number | null;
  followersAt: Date | null;
  groupIds: string[];
  /** Only these members (and owners/admins) may use the account; empty: every editor. */
  memberIds: string[];
  mayPublish: boolean;
}

/** Posts are counted per China day: creators and the platforms' daily limits run on UTC+8. */
export function chinaDayStart(nowMs: number): Date {
  const offset = 8 * 3_600_000;
  return new Date(Math.floor((nowMs + offset) / 86_400_000) * 86_400_000 - offset);
}

const isUnique = (error: unknown) => /duplicate key|unique/i.test(String((error as Error).message) + String((error as { cause?: Error }).cause?.message ?? ''));

/**
 * The account matrix for MCN teams: groups of accounts (by client, niche or
 * person), who may publish with which account, and each account's health.
 * An account nobody was given to explicitly is open to every editor; once
 * members are set, only they and the workspace's owners and admins may use it.
 */
export class AccountMatrix {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  async groups(workspaceId: string): Promise<AccountGroup[]> {
    const rows = await this.database.db.select().from(g).where(eq(g.workspaceId, workspaceId)).orderBy(asc(g.name));
    if (rows.length === 0) return [];
    const links = await this.database.db.select().from(gm).where(inArray(gm.groupId, rows.map((r) => r.id)));
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, createdAt: r.createdAt, accountIds: links.filter((l) => l.groupId === r.id).map((l) => l.accountId) }));
  }

  async group(workspaceId: string, id: string): Promise<AccountGroup> {
    const found = (await this.groups(workspaceId)).find((x) => x.id === id);
    if (!found) throw new NotFoundError('Account group', id);
    return found;
  }

  async createGroup(workspaceId: string, input: { name: string; kind: GroupKind; accountIds: string[] }): Promise<AccountGroup> {
    await this.#accountsOf(workspaceId, input.accountIds);
    const id = newUuid();
    try {
      await this.database.db.insert(g).values({ id, workspaceId, name: input.name.trim(), kind: input.kind });
    } catch (error) {
      if (isUnique(error)) throw new ConflictError('PUBLISH_GROUP_EXISTS', `A group named '${input.name}' already exists in this workspace.`);
      throw error;
    }
    await this.#setGroupAccounts(id, input.accountIds);
    return this.group(workspaceId, id);
  }

  async updateGroup(workspaceId: string, id: string, patch: { name?: string; kind?: GroupKind; accountIds?: string[] }): Promise<AccountGroup> {
    await this.group(workspaceId, id);
    if (patch.accountIds) await this.#accountsOf(workspaceId, patch.accountIds);
    if (patch.name !== undefined || patch.kind !== undefined) {
      try {
        await this.database.db
          .update(g)
          .set({ ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.kind ? { kind: patch.kind } : {}) })
          .where(and(eq(g.workspaceId, workspaceId), eq(g.id, id)));
      } catch (error) {
        if (isUnique(error)) throw new ConflictError('PUBLISH_GROUP_EXISTS', `A group named '${patch.name}' already exists in this workspace.`);
        throw error;
      }
    }
    if (patch.accountIds) await this.#setGroupAccounts(id, patch.accountIds);
    return this.group(workspaceId, id);
  }

  async removeGroup(workspaceId: string, id: string): Promise<void> {
    const rows = await this.database.db.delete(g).where(and(eq(g.workspaceId, workspaceId), eq(g.id, id))).returning({ id: g.id });
    if (rows.length === 0) throw new NotFoundError('Account group', id);
  }

  async #setGroupAccounts(groupId: string, accountIds: string[]): Promise<void> {
    await this.database.db.delete(gm).where(eq(gm.groupId, groupId));
    const unique = [...new Set(accountIds)];
    if (unique.length) await this.database.db.insert(gm).values(unique.map((accountId) => ({ groupId, accountId })));
  }

  /** Every id must be an account of this workspace: a group never names another workspace's account. */
  async #accountsOf(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const t = schema.publishAccounts;
    const found = await this.database.db.select({ id: t.id }).from(t).where(and(eq(t.workspaceId, workspaceId), inArray(t.id, [...new Set(ids)])));
    const known = new Set(found.map((r) => r.id));
    const missing = [...new Set(ids)].filter((x) => !known.has(x));
    if (missing.length) throw new ValidationError(`Unknown account(s) in this workspace: ${missing.join(', ')}`, [{ path: 'account_ids', message: 'unknown account' }]);
  }

  /** The members an account is given to (empty: every editor of the workspace). */
  async members(workspaceId: string, accountId: string): Promise<string[]> {
    const rows = await this.database.db.select({ userId: am.userId }).from(am).where(and(eq(am.workspaceId, workspaceId), eq(am.accountId, accountId)));
    return rows.map((r) => r.userId).sort();
  }

  /** Gives the account to exactly these members of the workspace; an empty list opens it to every editor again. */
  async setMembers(workspaceId: string, accountId: string, userIds: string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    if (unique.length) {
      const m = schema.memberships;
      const rows = await this.database.db.select({ userId: m.userId }).from(m).where(and(eq(m.workspaceId, workspaceId), inArray(m.userId, unique)));
      const known = new Set(rows.map((r) => r.userId));
      const strangers = unique.filter((u) => !known.has(u));
      if (strangers.length) throw new PublishError('PUBLISH_MEMBER_UNKNOWN', `Not members of this workspace: ${strangers.join(', ')}. Invite them first.`, { status: 400, details: { user_ids: strangers } });
    }
    await this.database.db.delete(am).where(and(eq(am.workspaceId, workspaceId), eq(am.accountId, accountId)));
    if (unique.length) await this.database.db.insert(am).values(unique.map((userId) => ({ accountId, userId, workspaceId })));
    return unique.sort();
  }

  async #roleOf(actor: MatrixActor): Promise<Role | undefined> {
    if (actor.role) return actor.role;
    if (!actor.userId) return undefined;
    const m = schema.memberships;
    const [row] = await this.database.db.select({ role: m.role }).from(m).where(and(eq(m.workspaceId, actor.workspaceId), eq(m.userId, actor.userId)));
    return row && isRole(row.role) ? row.role : undefined;
  }

  /** The accounts of `accountIds` this actor may not publish with or change. */
  async forbidden(actor: MatrixActor, accountIds: string[]): Promise<string[]> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return [];
    const role = await this.#roleOf(actor);
    if (role && roleAtLeast(role, 'admin')) return [];
    const rows = await this.database.db.select().from(am).where(and(eq(am.workspaceId, actor.workspaceId), inArray(am.accountId, ids)));
    return ids.filter((id) => {
      if (!role || !roleAtLeast(role, 'editor')) return true;
      const given = rows.filter((r) => r.accountId === id);
      return given.length > 0 && !given.some((r) => r.userId === actor.userId);
    });
  }

  /** Refuses (403 PUBLISH_ACCOUNT_FORBIDDEN) when the actor may not use one of the accounts. */
  async assertMayUse(actor: MatrixActor, accountIds: string[], names: (id: string) => string = (id) => id): Promise<void> {
    const refused = await this.forbidden(actor, accountIds);
    if (refused.length === 0) return;
    throw new PublishError(
      'PUBLISH_ACCOUNT_FORBIDDEN',
      `你没有使用这些账号发布的权限：${refused.map(names).join('、')}，请联系工作区管理员在 发布中心 → 账号 → 可用成员 中添加你。 You may not publish with ${refused.map(names).join(', ')}; ask a workspace admin to add you to the account's members.`,
      { status: 403, details: { account_ids: refused } },
    );
  }

  /** Every account of the workspace at a glance, for this actor. */
  async health(actor: MatrixActor, accounts: PublishAccount[], breakers: Record<string, AccountHealth['breaker']>): Promise<AccountHealth[]> {
    if (accounts.length === 0) return [];
    const ws = actor.workspaceId;
    const dayStart = chinaDayStart(this.clock.nowMs());
    const jobs = await this.database.query<{ account_id: string; last_success: string | Date | null; today: string | number }>(
      `SELECT account_id, max(finished_at) AS last_success, count(*) FILTER (WHERE finished_at >= $2) AS today
         FROM publish_jobs WHERE workspace_id = $1 AND status = 'published' GROUP BY account_id`,
      [ws, dayStart.toISOString()],
    );
    const followers = await this.database.query<{ account_id: string; followers: string | number | null; collected_at: string | Date }>(
      `SELECT DISTINCT ON (account_id) account_id, followers, collected_at FROM metric_account_snapshots
         WHERE workspace_id = $1 AND followers IS NOT NULL ORDER BY account_id, collected_at DESC`,
      [ws],
    );
    const links = await this.database.db.select({ groupId: gm.groupId, accountId: gm.accountId }).from(gm).innerJoin(g, eq(g.id, gm.groupId)).where(eq(g.workspaceId, ws));
    const members = await this.database.db.select({ accountId: am.accountId, userId: am.userId }).from(am).where(eq(am.workspaceId, ws));
    const refused = new Set(await this.forbidden(actor, accounts.map((a) => a.id)));
    const date = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
    return accounts.map((a) => {
      const j = jobs.find((r) => r.account_id === a.id);
      const f = followers.find((r) => r.account_id === a.id);
      const cap = Number(a.settings.dailyCap);
      return {
        accountId: a.id,
        loginStatus: a.loginStatus,
        loginCheckedAt: a.loginCheckedAt,
        lastSuccessAt: date(j?.last_success),
        breaker: breakers[a.platform] ?? 'closed',
        postsToday: Number(j?.today ?? 0),
        dailyCap: Number.isInteger(cap) && cap > 0 ? cap : null,
        followers: f?.followers == null ? null : Number(f.followers),
        followersAt: date(f?.collected_at),
        groupIds: links.filter((l) => l.accountId === a.id).map((l) => l.groupId),
        memberIds: members.filter((m) => m.accountId === a.id).map((m) => m.userId).sort(),
        mayPublish: !refused.has(a.id),
      };
    });
  }
}
