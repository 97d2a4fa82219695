import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import {
  countOwners,
  findApiTokenByHash,
  findInvitationByTokenHash,
  findPersonalWorkspace,
  findRefreshTokenByHash,
  findUserByEmail,
  insertApiToken,
  insertInvitation,
  insertRefreshToken,
  insertUser,
  insertWorkspace,
  isRefreshFamilyRevoked,
  listAudit,
  listMembers,
  listWorkspacesOfUser,
  addMembership,
  markInvitationAccepted,
  markRefreshTokenRotated,
  removeMember,
  revokeApiToken,
  revokeRefreshFamily,
  setMemberRole,
  writeAudit,
} from './repositories/foundation/index.ts';
import { newUuid } from '@creatorflow/core';

describe.each(testDrivers())('foundation repositories (%s)', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  }, 180_000);
  afterAll(() => test.dispose());
  const db = () => test.database.db;
  const later = (ms: number) => new Date(Date.now() + ms);

  async function owner(email = `${newUuid()}@example.com`) {
    const user = await insertUser(db(), { email, name: 'n', passwordHash: 'h' });
    const workspace = await insertWorkspace(db(), { name: 'w', kind: 'personal', ownerId: user.id });
    return { user, workspace };
  }

  it('stores emails normalised and finds them case-insensitively', async () => {
    const { user } = await owner('  Mixed@Example.COM ');
    expect(user.email).toBe('mixed@example.com');
    expect((await findUserByEmail(db(), 'MIXED@example.com'))?.id).toBe(user.id);
  });

  it('refuses a duplicate email at the database', async () => {
    await owner('dup@example.com');
    await expect(insertUser(db(), { email: 'DUP@example.com', name: 'x', passwordHash: null })).rejects.toThrow();
  });

  it('makes the creator owner of a new workspace and finds the personal one', async () => {
    const { user, workspace } = await owner();
    const team = await insertWorkspace(db(), { name: 't', kind: 'team', ownerId: user.id });
    const list = await listWorkspacesOfUser(db(), user.id, { limit: 10 });
    expect(list.map((w) => [w.id, w.role])).toEqual([
      [workspace.id, 'owner'],
      [team.id, 'owner'],
    ]);
    expect((await findPersonalWorkspace(db(), user.id))?.id).toBe(workspace.id);
    expect(await listWorkspacesOfUser(db(), user.id, { limit: 10, after: workspace.id })).toHaveLength(1);
  });

  it('changes roles, counts owners and removes members', async () => {
    const { workspace } = await owner();
    const { user: other } = await owner();
    await addMembership(db(), workspace.id, other.id, 'viewer');
    expect(await countOwners(db(), workspace.id)).toBe(1);
    expect(await setMemberRole(db(), workspace.id, other.id, 'owner')).toBe(true);
    expect(await countOwners(db(), workspace.id)).toBe(2);
    expect((await listMembers(db(), workspace.id, { limit: 10 })).map((m) => m.role)).toEqual(['owner', 'owner']);
    expect(await removeMember(db(), workspace.id, other.id)).toBe(true);
    expect(await removeMember(db(), workspace.id, other.id)).toBe(false);
  });

  it('accepts an invitation exactly once', async () => {
    const { user, workspace } = await owner();
    const inv = await insertInvitation(db(), { workspaceId: workspace.id, email: 'I@x.com', role: 'editor', tokenHash: `h-${newUuid()}`, invitedBy: user.id, expiresAt: later(60_000) });
    expect((await findInvitationByTokenHash(db(), inv.tokenHash))?.email).toBe('i@x.com');
    const results = await Promise.all([markInvitationAccepted(db(), inv.id, new Date()), markInvitationAccepted(db(), inv.id, new Date())]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('rotates a refresh token exactly once, even when raced', async () => {
    const { user } = await owner();
    const familyId = newUuid();
    const row = await insertRefreshToken(db(), { userId: user.id, familyId, tokenHash: `r-${newUuid()}`, expiresAt: later(60_000) });
    const results = await Promise.all([1, 2, 3].map(() => markRefreshTokenRotated(db(), row.id, new Date())));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await isRefreshFamilyRevoked(db(), familyId)).toBe(false);
    await insertRefreshToken(db(), { userId: user.id, familyId, tokenHash: `r-${newUuid()}`, expiresAt: later(60_000) });
    await revokeRefreshFamily(db(), familyId, new Date());
    expect(await isRefreshFamilyRevoked(db(), familyId)).toBe(true);
    expect((await findRefreshTokenByHash(db(), row.tokenHash))?.revokedAt).toBeInstanceOf(Date);
  });

  it('revokes an API token only inside its workspace', async () => {
    const { user, workspace } = await owner();
    const { workspace: otherWs } = await owner();
    const token = await insertApiToken(db(), { workspaceId: workspace.id, userId: user.id, name: 't', tokenPrefix: 'cf_pat_x', tokenHash: `t-${newUuid()}`, role: 'editor', expiresAt: null });
    expect(await revokeApiToken(db(), otherWs.id, token.id, new Date())).toBeUndefined();
    expect((await revokeApiToken(db(), workspace.id, token.id, new Date()))?.id).toBe(token.id);
    expect((await findApiTokenByHash(db(), token.tokenHash))?.revokedAt).toBeInstanceOf(Date);
  });

  it('lists the audit log newest first, per workspace, with paging', async () => {
    const { user, workspace } = await owner();
    const { workspace: otherWs } = await owner();
    for (const action of ['a.one', 'a.two', 'a.three']) await writeAudit(db(), { workspaceId: workspace.id, userId: user.id, action, data: { n: action } });
    await writeAudit(db(), { workspaceId: otherWs.id, userId: null, action: 'elsewhere' });
    const all = await listAudit(db(), workspace.id, { limit: 10 });
    expect(all.map((a) => a.action)).toEqual(['a.three', 'a.two', 'a.one']);
    expect((await listAudit(db(), workspace.id, { limit: 10, before: all[0]!.id })).map((a) => a.action)).toEqual(['a.two', 'a.one']);
    expect(all[0]!.data).toEqual({ n: 'a.three' });
  });
});
