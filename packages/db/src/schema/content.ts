// Tables of the content domain. Migrations: packages/db/migrations/04xx (see README there for number ranges).
import { boolean, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An image generation backend of a workspace; the API key is AES-256-GCM encrypted and never returned. */
export const contentImageProviders = pgTable(
  'content_image_providers',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['comfyui', 'openai', 'siliconflow'] }).notNull(),
    baseUrl: text('base_url').notNull(),
    model: text('model'),
    workflow: text('workflow'),
    apiKeyEnc: text('api_key_enc'),
    apiKeyHint: text('api_key_hint'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.workspaceId, t.name), index('content_image_providers_workspace_idx').on(t.workspaceId)],
);
