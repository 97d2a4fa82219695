-- Niche alerts: where they go (channels), what trips them (rules), which items tripped a rule
-- (hits: one per rule and item, the dedupe), the digests sent (one per rule and push window),
-- and in-app notifications (every digest and weekly report lands here whatever the channels).
CREATE TABLE alert_channels (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('feishu', 'dingtalk', 'wecom', 'webhook', 'email')),
  -- Webhook URLs carry the bot's key; URL and signing secret are sealed with the server key.
  target_sealed text NOT NULL,
  secret_sealed text,
  target_hint text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE alert_rules (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  niche text NOT NULL,
  top_n integer,
  min_velocity double precision,
  window_start text,
  window_end text,
  utc_offset_minutes integer NOT NULL DEFAULT 480,
  channel_ids uuid[] NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE alert_hits (
  rule_id uuid NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  item_id uuid NOT NULL,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  reason text NOT NULL,
  payload jsonb NOT NULL,
  found_at timestamptz NOT NULL,
  digest_id uuid,
  PRIMARY KEY (rule_id, item_id)
);
CREATE INDEX alert_hits_pending_idx ON alert_hits (rule_id) WHERE digest_id IS NULL;

CREATE TABLE alert_digests (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  rule_id uuid REFERENCES alert_rules(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('alert', 'weekly_report')),
  -- The rule's id, or 'weekly' for the weekly report: one digest per scope and window.
  scope text NOT NULL,
  window_key text NOT NULL,
  title text NOT NULL,
  lines jsonb NOT NULL,
  deliveries jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, scope, window_key)
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('alert', 'weekly_report', 'bettafish')),
  title text NOT NULL,
  lines jsonb NOT NULL DEFAULT '[]',
  link text,
  data jsonb,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_ws_idx ON notifications (workspace_id, created_at DESC);
