-- Insights domain, trends: hot-list sources, every snapshot of every list, niches and topic suggestions.
-- Built-in lists are public and shared by all workspaces (workspace_id NULL); user-defined sources and
-- everything they produce belong to one workspace.
CREATE TABLE trend_custom_sources (
  id text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  tier_minutes integer NOT NULL CHECK (tier_minutes IN (2, 5, 10, 30, 60)),
  spec jsonb NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

-- Health and scheduling of one source; the lease makes one refresher per source across server copies.
CREATE TABLE trend_source_state (
  source_id text PRIMARY KEY,
  workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_error_at timestamptz,
  last_error_code text,
  last_error text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  item_count integer NOT NULL DEFAULT 0,
  next_due_at timestamptz NOT NULL DEFAULT now(),
  lease_owner text,
  lease_until timestamptz
);

CREATE TABLE trend_items (
  id uuid PRIMARY KEY,
  source_id text NOT NULL,
  workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  title text NOT NULL,
  url text NOT NULL,
  summary text,
  norm_title text NOT NULL,
  keywords text[] NOT NULL DEFAULT '{}',
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  best_rank integer NOT NULL,
  last_rank integer NOT NULL,
  last_hot double precision,
  snapshot_count integer NOT NULL DEFAULT 0,
  on_list boolean NOT NULL DEFAULT true,
  UNIQUE (source_id, item_key)
);
CREATE INDEX trend_items_current_idx ON trend_items (on_list, last_seen_at DESC);
CREATE INDEX trend_items_workspace_idx ON trend_items (workspace_id);

CREATE TABLE trend_snapshots (
  item_id uuid NOT NULL REFERENCES trend_items(id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  rank integer NOT NULL,
  hot_value double precision,
  PRIMARY KEY (item_id, seen_at)
);
CREATE INDEX trend_snapshots_seen_idx ON trend_snapshots (seen_at);

CREATE TABLE trend_niches (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  rules text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE trend_suggestions (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  niche text NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'thin')),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trend_suggestions_workspace_idx ON trend_suggestions (workspace_id, created_at DESC);
