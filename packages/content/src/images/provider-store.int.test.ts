import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuid } from '@creatorflow/core';
import { schema } from '@creatorflow/db';
import { createTestDatabase, type TestDatabase } from '@creatorflow/testing';
import { ImageProviderStore } from './provider-store.ts';

const SECRET = 'provider-store-test-secret-0123456789abcdef';

describe('image providers of a workspace', () => {
  let test: TestDatabase;
  let store: ImageProviderStore;
  const ws = newUuid();
  const other = newUuid();

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    const userId = newUuid();
    await test.database.db.insert(schema.users).values({ id: userId, name: 'Tester' });
    for (const id of [ws, other]) await test.database.db.insert(schema.workspaces).values({ id, name: 'Test', kind: 'personal', createdBy: userId });
    store = new ImageProviderStore(test.database, SECRET);
  }, 120_000);
  afterAll(() => test.dispose());

  it('makes the first provider the default, masks keys, and hands the default on when it is removed', async () => {
    await store.create(ws, { name: 'comfy', kind: 'comfyui', baseUrl: 'http://127.0.0.1:8188/' });
    const sf = await store.create(ws, { name: 'sf', kind: 'siliconflow', baseUrl: 'https://api.siliconflow.cn/v1', model: 'Kwai-Kolors/Kolors', apiKey: 'sk-siliconflow-secret-9876' });
    expect(sf).toMatchObject({ isDefault: false, apiKeyHint: expect.stringMatching(/9876$/) });
    expect(JSON.stringify(await store.list(ws))).not.toContain('sk-siliconflow-secret-9876');
    expect((await store.list(ws)).map((p) => [p.name, p.isDefault, p.baseUrl])).toEqual([
      ['comfy', true, 'http://127.0.0.1:8188'],
      ['sf', false, 'https://api.siliconflow.cn/v1'],
    ]);

    await store.remove(ws, 'comfy');
    expect((await store.list(ws)).map((p) => [p.name, p.isDefault])).toEqual([['sf', true]]);
    expect((await store.open(ws)).id).toBe('sf');
  });

  it('refuses to remove what is not there, and keeps workspaces apart', async () => {
    await expect(store.remove(ws, 'missing')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(store.remove(other, 'sf')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.list(other)).toEqual([]);
    await expect(store.open(other)).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_NOT_CONFIGURED', message: expect.stringContaining('模型管理 → 图像服务') });
  });
});
