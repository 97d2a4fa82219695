import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid, SecretBox } from '@creatorflow/core';
import { OLD } from '@creatorflow/core/testing/old-ciphertexts';
import { decryptSecret } from '@creatorflow/llm';
import { CredentialVault } from '@creatorflow/publish';
import { createTestDatabase, testDrivers, type TestDatabase } from '@creatorflow/testing';
import { resealStoredSecrets } from './reseal-secrets.ts';

/**
 * An install whose tables hold what the old secret-box wrappers wrote (ciphertexts recorded from the old code,
 * core testing/old-ciphertexts.ts) is brought to the one box at start-up, and every secret still reads the same.
 */
describe.each(testDrivers())('sealing old secrets again at start-up (%s)', (kind) => {
  let test: TestDatabase;
  const ids = { user: newUuid(), llm: newUuid(), image: newUuid(), alert: newUuid(), cloud: newUuid(), local: newUuid() };
  const column = async (sql: string, id: string) => (await test.database.query<{ v: string }>(sql, [id]))[0]!.v;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    const db = test.database;
    await db.query(`INSERT INTO users (id, name, email) VALUES ($1, 'old', 'old@example.test')`, [ids.user]);
    await db.query(`INSERT INTO workspaces (id, name, kind, created_by) VALUES ($1, 'old', 'personal', $2)`, [OLD.workspaceId, ids.user]);
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'owner')`, [OLD.workspaceId, ids.user]);
    await db.query(`INSERT INTO llm_providers (id, workspace_id, name, preset, wire, base_url, api_key_enc, api_key_hint) VALUES ($1, $2, 'deepseek', 'deepseek', 'openai', 'https://api.deepseek.com', $3, 'sk-…6789')`, [ids.llm, OLD.workspaceId, OLD.llm]);
    await db.query(`INSERT INTO content_image_providers (id, workspace_id, name, kind, base_url, api_key_enc, api_key_hint) VALUES ($1, $2, 'sf', 'siliconflow', 'https://api.siliconflow.cn', $3, 'img…6789')`, [ids.image, OLD.workspaceId, OLD.content]);
    await db.query(`INSERT INTO alert_channels (id, workspace_id, name, kind, target_sealed, target_hint) VALUES ($1, $2, '群', 'feishu', $3, 'https://open.feishu.cn/…')`, [ids.alert, OLD.workspaceId, OLD.alertTarget]);
    await db.query(`INSERT INTO publish_accounts (id, workspace_id, platform, name, credential_mode) VALUES ($1, $2, 'xiaohongshu', 'main', 'sync')`, [OLD.accountId, OLD.workspaceId]);
    await db.query(`INSERT INTO publish_vaults (workspace_id, kdf, iterations, salt, verifier) VALUES ($1, 'pbkdf2-sha256', $2, $3, $4)`, [OLD.workspaceId, OLD.vaultIterations, OLD.vaultSalt, OLD.vaultVerifier]);
    await db.query(`INSERT INTO publish_credentials (id, workspace_id, account_id, kind, location, ciphertext) VALUES ($1, $2, $3, 'session', 'cloud', $4), ($5, $2, $3, 'session', 'local', $6)`, [ids.cloud, OLD.workspaceId, OLD.accountId, OLD.vaultCloud, ids.local, OLD.vaultLocal]);
  });
  afterAll(() => test?.dispose());

  it('seals every server-key secret again in the v2 format, once', async () => {
    await expect(resealStoredSecrets(test.database, OLD.passphrase)).resolves.toEqual({ resealed: 4, unreadable: 0 });
    const llm = await column('SELECT api_key_enc AS v FROM llm_providers WHERE id = $1', ids.llm);
    const image = await column('SELECT api_key_enc AS v FROM content_image_providers WHERE id = $1', ids.image);
    const alert = await column('SELECT target_sealed AS v FROM alert_channels WHERE id = $1', ids.alert);
    const cloud = await column('SELECT ciphertext AS v FROM publish_credentials WHERE id = $1', ids.cloud);
    for (const sealed of [llm, image, alert, cloud]) expect(sealed).toMatch(/^v2\./);
    expect(decryptSecret(llm, OLD.passphrase)).toBe(OLD.llmPlain);
    expect(SecretBox.forPurpose(OLD.passphrase, 'image-provider').open(image)).toBe(OLD.contentPlain);
    expect(SecretBox.forPurpose(OLD.passphrase, 'alert-channel').open(alert)).toBe(OLD.alertTargetPlain);
    // The local copy is under the master password, which the server does not have: untouched until unlock.
    expect(await column('SELECT ciphertext AS v FROM publish_credentials WHERE id = $1', ids.local)).toBe(OLD.vaultLocal);
    await expect(resealStoredSecrets(test.database, OLD.passphrase)).resolves.toEqual({ resealed: 0, unreadable: 0 });
  });

  it('reads the vault cloud copy as before, and seals the local copy and verifier again on unlock', async () => {
    const vault = new CredentialVault({ database: test.database, serverSecret: OLD.passphrase });
    const actor = { workspaceId: OLD.workspaceId, userId: ids.user, traceId: 'tr-reseal' };
    await expect(vault.read(actor, OLD.accountId, 'session', 'test: locked')).resolves.toEqual({ token: 'cloud-token-0123456789' });
    await vault.unlock(actor, OLD.vaultPassword);
    expect(await column('SELECT ciphertext AS v FROM publish_credentials WHERE id = $1', ids.local)).toMatch(/^v2\./);
    expect(await column('SELECT verifier AS v FROM publish_vaults WHERE workspace_id = $1', OLD.workspaceId)).toMatch(/^v2\./);
    await expect(vault.read(actor, OLD.accountId, 'session', 'test: unlocked')).resolves.toEqual({ token: 'local-token-0123456789' });
    // The new verifier still checks the password: a wrong one is refused, the right one unlocks.
    vault.lock(OLD.workspaceId);
    await expect(vault.unlock(actor, 'not the password')).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSWORD' });
    await vault.unlock(actor, OLD.vaultPassword);
  });

  it('leaves a secret the server secret cannot open as it is, and says so', async () => {
    const other = newUuid();
    await test.database.query(`INSERT INTO llm_providers (id, workspace_id, name, preset, wire, base_url, api_key_enc) VALUES ($1, $2, 'other', 'openai', 'openai', 'https://api.openai.com', $3)`, [other, OLD.workspaceId, OLD.llmRaw32]);
    await expect(resealStoredSecrets(test.database, OLD.passphrase)).resolves.toEqual({ resealed: 0, unreadable: 1 });
    expect(await column('SELECT api_key_enc AS v FROM llm_providers WHERE id = $1', other)).toBe(OLD.llmRaw32);
  });
});
