-- 账号矩阵 for MCN teams (issue 13 item 9): accounts in groups (by client,
-- niche or person), and per-member permission to publish with an account.
-- An account with no rows in publish_account_members may be used by every
-- editor of the workspace; once it has rows, only those members (and the
-- workspace's owners and admins) may publish with it or change it.
CREATE TABLE publish_account_groups (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'client' CHECK (kind IN ('client', 'niche', 'person', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE publish_account_group_members (
  group_id uuid NOT NULL REFERENCES publish_account_groups(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES publish_accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, account_id)
);
CREATE INDEX publish_account_group_members_account_idx ON publish_account_group_members (account_id);

CREATE TABLE publish_account_members (
  account_id uuid NOT NULL REFERENCES publish_accounts(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, user_id)
);

-- Today's posts per account are counted from finished jobs.
CREATE INDEX publish_jobs_account_finished_idx ON publish_jobs (account_id, status, finished_at);
