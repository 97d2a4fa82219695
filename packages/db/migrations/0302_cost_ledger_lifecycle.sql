-- The cost ledger gets the design's fields: when a call started and completed, and its status as
-- success / failed / cancelled. A row is written when the call starts ('started', with its estimate)
-- and rewritten when it ends; one still 'started' after its run moved on is a call cut off by a
-- crash, made again by the resumed run (at-least-once), so its estimate is counted, not lost.
ALTER TABLE cost_ledger DROP CONSTRAINT cost_ledger_status_check;
UPDATE cost_ledger SET status = CASE status WHEN 'ok' THEN 'success' ELSE 'failed' END;
ALTER TABLE cost_ledger ADD CONSTRAINT cost_ledger_status_check CHECK (status IN ('started', 'success', 'failed', 'cancelled'));
ALTER TABLE cost_ledger ADD COLUMN started_at timestamptz;
ALTER TABLE cost_ledger ADD COLUMN completed_at timestamptz;
UPDATE cost_ledger SET started_at = created_at, completed_at = created_at;
ALTER TABLE cost_ledger ALTER COLUMN started_at SET NOT NULL;
ALTER TABLE cost_ledger ALTER COLUMN started_at SET DEFAULT now();
CREATE INDEX cost_ledger_workspace_started_idx ON cost_ledger (workspace_id, started_at DESC);
DROP INDEX cost_ledger_workspace_idx;
