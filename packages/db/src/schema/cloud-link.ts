import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Migration 0700: device-code sign-in requests (cloud side). */
export const deviceAuthorizations = pgTable('device_authorizations', {
  id: uuid('id').primaryKey(),
  deviceCodeHash: text('device_code_hash').notNull().unique(),
  userCode: text('user_code').notNull().unique(),
  clientName: text('client_name').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'denied', 'used'] }).notNull(),
  userId: uuid('user_id'),
  workspaceId: uuid('workspace_id'),
  role: text('role', { enum: ['owner', 'admin', 'editor', 'viewer'] }),
  intervalSeconds: integer('interval_seconds').notNull(),
  lastPolledAt: ts('last_polled_at'),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Migration 0700: the cloud a local workspace is linked to (local side; the token is not here). */
export const cloudLinks = pgTable('cloud_links', {
  workspaceId: uuid('workspace_id').primaryKey(),
  cloudUrl: text('cloud_url').notNull(),
  cloudWorkspaceId: uuid('cloud_workspace_id').notNull(),
  cloudWorkspaceName: text('cloud_workspace_name').notNull(),
  cloudUserEmail: text('cloud_user_email').notNull(),
  cloudTokenId: uuid('cloud_token_id').notNull(),
  tokenStore: text('token_store', { enum: ['keychain', 'file'] }).notNull(),
  linkedAt: ts('linked_at').notNull().defaultNow(),
});
