-- A client may retry a create (the offline outbox re-sends after a lost answer)
-- with the same Idempotency-Key; the key is kept on the row so the retry finds
-- the record it already made instead of making a second one. Unique per workspace.
ALTER TABLE ideas ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX ideas_idempotency_key_idx ON ideas (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
ALTER TABLE works ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX works_idempotency_key_idx ON works (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
