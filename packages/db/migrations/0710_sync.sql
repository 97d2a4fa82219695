-- Sync between a local install and its paired cloud workspace (packages/sync).

-- Cloud side: the change feed of a workspace. One row per record (kind, id) with its
-- revision (bumped on every accepted change) and its place in the feed (seq, from one
-- sequence; writers of a workspace hold its advisory lock so seqs commit in order and a
-- pull cursor never skips a record). payload NULL is a tombstone: deletes sync too.
CREATE SEQUENCE sync_feed_seq;
CREATE TABLE sync_feed (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL,
  record_id text NOT NULL,
  rev integer NOT NULL CHECK (rev >= 1),
  seq bigint NOT NULL,
  payload jsonb,
  hash text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, kind, record_id)
);
CREATE INDEX sync_feed_seq_idx ON sync_feed (workspace_id, seq);

-- Local side: for each record, the cloud revision this copy is based on and the hash of
-- its content when it was last in step with the cloud (a different hash now = changed here).
CREATE TABLE sync_journal (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL,
  record_id text NOT NULL,
  base_rev integer NOT NULL,
  synced_hash text,
  PRIMARY KEY (workspace_id, kind, record_id)
);

-- Local side: records changed on both sides. Both versions are kept until the user picks one.
CREATE TABLE sync_conflicts (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL,
  record_id text NOT NULL,
  mine jsonb,
  cloud jsonb,
  cloud_rev integer NOT NULL,
  detected_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, kind, record_id)
);

-- Local side: the pull cursor and what the last round did, per linked workspace.
CREATE TABLE sync_state (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  cursor bigint NOT NULL DEFAULT 0,
  last_sync_at timestamptz,
  last_error_code text,
  last_error_message text,
  last_pulled integer NOT NULL DEFAULT 0,
  last_pushed integer NOT NULL DEFAULT 0
);

-- Local side: asset blobs still to move, by content hash (deduplicated: one row per hash and
-- direction however many assets share it); a row leaves when its transfer finished, so a
-- stopped transfer resumes with what is left.
CREATE TABLE sync_blob_queue (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  sha256 text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  blob_key text NOT NULL,
  size bigint NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, sha256, direction)
);
