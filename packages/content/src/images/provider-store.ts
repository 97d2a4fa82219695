import { and, asc, desc, eq } from 'drizzle-orm';
import { ConflictError, CreatorFlowError, NotFoundError, SecretBox, maskSecret, newUuid, resealStale } from '@creatorflow/core';
import { schema, type Database } from '@creatorflow/db';
import type { EgressGuard } from '@creatorflow/net';
import { ComfyUiProvider } from './comfyui/client.ts';
import { OpenAiImagesProvider } from './openai-images.ts';
import type { ImageProvider } from './provider.ts';

export interface ImageProviderInput {
  name: string;
  kind: 'comfyui' | 'openai' | 'siliconflow';
  baseUrl: string;
  model?: string;
  workflow?: string;
  apiKey?: string;
  isDefault?: boolean;
}

export interface ImageProviderView {
  id: string;
  name: string;
  kind: ImageProviderInput['kind'];
  baseUrl: string;
  model: string | null;
  workflow: string | null;
  apiKeyHint: string | null;
  isDefault: boolean;
}

const t = schema.contentImageProviders;

/** Image-service keys at rest: the one secret box (core secret-box.ts) under the server secret. */
const imageKeyBox = (secretKey: string): SecretBox => SecretBox.forPurpose(secretKey, 'image-provider');

/** Seals image-service keys written in the old format again (start-up, runtime reseal-secrets.ts). */
export async function resealImageProviderKeys(database: Database, secretKey: string): Promise<{ resealed: number; unreadable: number }> {
  const rows = await database.query<{ id: string; sealed: string }>("SELECT id, api_key_enc AS sealed FROM content_image_providers WHERE api_key_enc IS NOT NULL AND api_key_enc NOT LIKE 'v2.%'");
  const { updates, unreadable } = resealStale(imageKeyBox(secretKey), rows);
  for (const u of updates) await database.query('UPDATE content_image_providers SET api_key_enc = $1 WHERE id = $2 AND api_key_enc = $3', [u.to, u.id, u.from]);
  return { resealed: updates.length, unreadable: unreadable.length };
}

/** Image providers of a workspace, keys encrypted at rest; `open` builds the client. */
export class ImageProviderStore {
  constructor(
    private readonly database: Database,
    private readonly secretKey: string,
    /** Every client `open` builds goes through it (cloud mode: internal base URLs refused). */
    private readonly guard?: EgressGuard,
  ) {}

  async create(workspaceId: string, input: ImageProviderInput): Promise<ImageProviderView> {
    if (input.kind !== 'comfyui' && !input.apiKey) {
      throw new CreatorFlowError('IMAGE_PROVIDER_KEY_REQUIRED', `A ${input.kind} image provider needs an API key`, { status: 400 });
    }
    if (input.kind !== 'comfyui' && !input.model) {
      throw new CreatorFlowError('IMAGE_PROVIDER_MODEL_REQUIRED', `A ${input.kind} image provider needs a model name, e.g. Kwai-Kolors/Kolors or gpt-image-1`, { status: 400 });
    }
    const existing = await this.database.db.select({ id: t.id }).from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.name, input.name)));
    if (existing.length) throw new ConflictError('IMAGE_PROVIDER_EXISTS', `An image provider named '${input.name}' already exists`);
    const any = await this.database.db.select({ id: t.id }).from(t).where(eq(t.workspaceId, workspaceId)).limit(1);
    const isDefault = input.isDefault ?? any.length === 0;
    if (isDefault) await this.database.db.update(t).set({ isDefault: false }).where(eq(t.workspaceId, workspaceId));
    const [row] = await this.database.db
      .insert(t)
      .values({
        id: newUuid(),
        workspaceId,
        name: input.name,
        kind: input.kind,
        baseUrl: input.baseUrl.replace(/\/$/, ''),
        model: input.model ?? null,
        workflow: input.workflow ?? null,
        apiKeyEnc: input.apiKey ? imageKeyBox(this.secretKey).seal(input.apiKey) : null,
        apiKeyHint: input.apiKey ? maskSecret(input.apiKey) : null,
        isDefault,
      })
      .returning();
    return view(row!);
  }

  async list(workspaceId: string): Promise<ImageProviderView[]> {
    const rows = await this.database.db.select().from(t).where(eq(t.workspaceId, workspaceId)).orderBy(desc(t.isDefault), asc(t.name));
    return rows.map(view);
  }

  /** Removes a provider; when it was the default, the oldest one left becomes the default. */
  async remove(workspaceId: string, name: string): Promise<void> {
    const [gone] = await this.database.db.delete(t).where(and(eq(t.workspaceId, workspaceId), eq(t.name, name))).returning();
    if (!gone) throw new NotFoundError('Image provider', name);
    if (!gone.isDefault) return;
    const [next] = await this.database.db.select({ id: t.id }).from(t).where(eq(t.workspaceId, workspaceId)).orderBy(asc(t.createdAt)).limit(1);
    if (next) await this.database.db.update(t).set({ isDefault: true }).where(eq(t.id, next.id));
  }

  /** The named provider, else the workspace default; a clear 409 when none is set up. */
  async open(workspaceId: string, name?: string): Promise<ImageProvider> {
    const rows = await this.database.db
      .select()
      .from(t)
      .where(name ? and(eq(t.workspaceId, workspaceId), eq(t.name, name)) : eq(t.workspaceId, workspaceId))
      .orderBy(desc(t.isDefault), asc(t.createdAt))
      .limit(1);
    const row = rows[0];
    if (!row) {
      throw new CreatorFlowError(
        'IMAGE_PROVIDER_NOT_CONFIGURED',
        name ? `No image provider named '${name}' in this workspace` : 'No image provider is set up: add ComfyUI or an OpenAI-compatible images API (SiliconFlow, OpenAI, …) in 模型管理 → 图像服务, or with POST /api/images/providers',
        { status: 409 },
      );
    }
    if (row.kind === 'comfyui') return new ComfyUiProvider({ baseUrl: row.baseUrl, defaultWorkflow: row.workflow ?? undefined, id: row.name, guard: this.guard });
    return new OpenAiImagesProvider({
      baseUrl: row.baseUrl,
      apiKey: row.apiKeyEnc ? imageKeyBox(this.secretKey).open(row.apiKeyEnc) : '',
      model: row.model ?? '',
      dialect: row.kind === 'siliconflow' ? 'siliconflow' : 'openai',
      id: row.name,
      guard: this.guard,
    });
  }
}

function view(row: typeof t.$inferSelect): ImageProviderView {
  return { id: row.id, name: row.name, kind: row.kind, baseUrl: row.baseUrl, model: row.model, workflow: row.workflow, apiKeyHint: row.apiKeyHint, isDefault: row.isDefault };
}
