-- The LLM interest filter of a niche (issue 14 item 3): one verdict per workspace, niche and
-- story (hash of the normalised title, so the same story on another list is not asked again),
-- and the rows of the last 24 h are the niche's budget.
CREATE TABLE trend_interest (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  niche text NOT NULL,
  title_hash text NOT NULL,
  relevant boolean NOT NULL,
  tag text,
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, niche, title_hash)
);
CREATE INDEX trend_interest_budget_idx ON trend_interest (workspace_id, created_at);
