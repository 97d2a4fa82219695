-- Public-opinion reports from a BettaFish server (BETTAFISH_URL). BettaFish keeps only its last
-- few tasks in memory (and answers "completed" for a task it forgot), so the finished report is
-- stored here once, and the row says which stage of BettaFish's flow the report is in.
CREATE TABLE bettafish_reports (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  topic text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('searching', 'generating', 'completed', 'failed')),
  task_id text,
  progress integer NOT NULL DEFAULT 0,
  error_code text,
  error_message text,
  html text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX bettafish_reports_ws_idx ON bettafish_reports (workspace_id, created_at DESC);

-- The BettaFish server a workspace connected in the UI (BETTAFISH_URL, set by whoever runs
-- CreatorFlow, takes precedence). In cloud mode its requests go through the egress guard.
CREATE TABLE bettafish_connections (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  url text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
