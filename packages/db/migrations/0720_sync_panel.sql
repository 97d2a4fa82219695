-- Sync panel and auto sync (issue 16): what the last round moved per kind, what started it,
-- and whether this workspace syncs on its own (periodically and after local changes).
ALTER TABLE sync_state ADD COLUMN last_counts jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE sync_state ADD COLUMN last_trigger text;
ALTER TABLE sync_state ADD COLUMN auto_sync boolean NOT NULL DEFAULT true;
