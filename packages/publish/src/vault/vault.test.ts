import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { newUuid } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { seedWorkspace } from '../testing/support.ts';
import { CredentialVault } from './vault.ts';
import type { Actor } from './audit.ts';

describe.each(testDrivers())('credential vault (%s)', (kind) => {
  let test: TestDatabase;
  let vault: CredentialVault;
  let actor: Actor;
  let accountId: string;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const seeded = await seedWorkspace(test.database);
    actor = { workspaceId: seeded.workspaceId, userId: seeded.userId, traceId: 'tr-vault-test' };
    accountId = newUuid();
    await test.database.db.insert(schema.publishAccounts).values({
      id: accountId,
      workspaceId: actor.workspaceId,
      platform: 'xiaohongshu',
      name: 'main',
      credentialMode: 'sync',
    });
    vault = new CredentialVault({ database: test.database, serverSecret: 'x'.repeat(40) });
  });
  afterAll(() => test.dispose());

  it('refuses to store before a master password is set', async () => {
    await expect(vault.put(actor, accountId, 'session', { cookie: 'a' }, 'local')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('derives the key with PBKDF2-SHA256 and at least 600,000 iterations', async () => {
    await vault.initialize(actor, 'correct horse battery');
    expect(await vault.status(actor.workspaceId)).toMatchObject({ initialized: true, unlocked: true, kdf: 'pbkdf2-sha256', iterations: 600_000 });
  });

  it('stores secrets encrypted: the plaintext never reaches the database', async () => {
    await vault.put(actor, accountId, 'session', { cookie: 'SESSION-SECRET-123' }, 'sync');
    const rows = await test.database.query<{ ciphertext: string; location: string }>('SELECT ciphertext, location FROM publish_credentials');
    expect(rows.map((r) => r.location).sort()).toEqual(['cloud', 'local']);
    for (const row of rows) expect(row.ciphertext).not.toContain('SESSION-SECRET-123');
  });

  it('reads a secret back and writes who, what and why to the audit log', async () => {
    expect(await vault.read(actor, accountId, 'session', 'publish job 42')).toEqual({ cookie: 'SESSION-SECRET-123' });
    const audit = await test.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'credential.read'));
    expect(audit.at(-1)).toMatchObject({ userId: actor.userId, targetId: accountId, traceId: 'tr-vault-test', data: { kind: 'session', why: 'publish job 42' } });
    expect(JSON.stringify(audit)).not.toContain('SESSION-SECRET-123');
  });

  it('detects a wrong master password and says plainly it cannot be recovered', async () => {
    vault.lock(actor.workspaceId);
    const error = await vault.unlock(actor, 'wrong password!').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VAULT_WRONG_PASSWORD' });
    expect((error as Error).message).toContain('cannot be recovered');
  });

  it('falls back to the synced cloud copy while the vault is locked', async () => {
    expect(await vault.read(actor, accountId, 'session', 'scheduled job')).toEqual({ cookie: 'SESSION-SECRET-123' });
  });

  it('changes the master password and keeps secrets readable under the new one only', async () => {
    await vault.changePassword(actor, 'correct horse battery', 'a new long password');
    vault.lock(actor.workspaceId);
    await expect(vault.unlock(actor, 'correct horse battery')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSWORD' });
    await vault.unlock(actor, 'a new long password');
    await test.database.query(`DELETE FROM publish_credentials WHERE location = 'cloud'`);
    expect(await vault.read(actor, accountId, 'session', 'after change')).toEqual({ cookie: 'SESSION-SECRET-123' });
  });

  it('wipes every cloud copy in one action', async () => {
    await vault.put(actor, accountId, 'session', { cookie: 'c2' }, 'sync');
    const { deleted } = await vault.wipeCloudCopies(actor);
    expect(deleted).toBe(1);
    const rows = await test.database.query(`SELECT 1 FROM publish_credentials WHERE location = 'cloud'`);
    expect(rows).toHaveLength(0);
  });

  it('rotates OAuth refresh tokens so the old one is gone', async () => {
    await vault.put(actor, accountId, 'oauth', { accessToken: 'at1', refreshToken: 'rt1', expiresAt: '2030-01-01T00:00:00Z' }, 'oauth');
    const seen: string[] = [];
    await vault.rotateOAuth(actor, accountId, async (rt) => {
      seen.push(rt);
      return { accessToken: 'at2', refreshToken: 'rt2', expiresAt: '2030-01-02T00:00:00Z' };
    });
    expect(seen).toEqual(['rt1']);
    expect(await vault.read(actor, accountId, 'oauth', 'check')).toMatchObject({ refreshToken: 'rt2', accessToken: 'at2' });
  });

  it('reset wipes every credential so a forgotten password leaves nothing decryptable behind', async () => {
    const { deleted } = await vault.reset(actor);
    expect(deleted).toBeGreaterThan(0);
    expect(await vault.status(actor.workspaceId)).toEqual({ initialized: false, unlocked: false });
    expect(await vault.read(actor, accountId, 'session', 'after reset')).toBeUndefined();
  });
});
