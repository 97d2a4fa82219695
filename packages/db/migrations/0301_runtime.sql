-- Graphs (versioned per workspace), runs with their checkpoint, the event log, human answers, the cost ledger,
-- and per-workspace MCP servers.
CREATE TABLE graphs (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  version integer NOT NULL,
  source text NOT NULL,
  definition jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name, version)
);

CREATE TABLE runs (
  id text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  graph_name text NOT NULL,
  graph_version integer,
  graph jsonb NOT NULL,
  inputs jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'waiting', 'completed', 'failed', 'cancelled')),
  trace_id text NOT NULL,
  route jsonb,
  budget jsonb,
  checkpoint jsonb,
  output jsonb,
  error jsonb,
  usage jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_seq bigint NOT NULL DEFAULT 0,
  cancel_requested boolean NOT NULL DEFAULT false,
  -- The one process executing the run right now, with a lease it renews.
  locked_by text,
  lease_until timestamptz,
  idempotency_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX runs_workspace_idx ON runs (workspace_id, created_at DESC);
CREATE UNIQUE INDEX runs_idempotency_idx ON runs (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE run_events (
  run_id text NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  workspace_id uuid NOT NULL,
  type text NOT NULL,
  node text,
  span_id text NOT NULL,
  trace_id text NOT NULL,
  ts timestamptz NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE run_human_responses (
  run_id text NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  request_id text NOT NULL,
  workspace_id uuid NOT NULL,
  idempotency_key text NOT NULL,
  data jsonb NOT NULL,
  responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, request_id)
);

CREATE TABLE cost_ledger (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  run_id text NOT NULL,
  user_id uuid,
  graph_name text NOT NULL,
  node text NOT NULL,
  model text NOT NULL,
  provider text,
  input_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  estimated_cents numeric(14, 6) NOT NULL DEFAULT 0,
  actual_cents numeric(14, 6) NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('ok', 'error')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cost_ledger_run_idx ON cost_ledger (run_id);
CREATE INDEX cost_ledger_workspace_idx ON cost_ledger (workspace_id, created_at DESC);

CREATE TABLE mcp_servers (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  transport text NOT NULL CHECK (transport IN ('stdio', 'http')),
  command text,
  args jsonb NOT NULL DEFAULT '[]'::jsonb,
  url text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);
