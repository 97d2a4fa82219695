-- Publishing: platform accounts, the credential vault, publish jobs and their attempts.

-- One vault per workspace. The key is derived from the master password
-- (PBKDF2-SHA256); `verifier` is a constant encrypted under that key so a
-- wrong password is detected without touching any credential.
CREATE TABLE publish_vaults (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  kdf text NOT NULL,
  iterations integer NOT NULL CHECK (iterations >= 600000),
  salt text NOT NULL,
  verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE publish_accounts (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  platform text NOT NULL,
  name text NOT NULL,
  nickname text,
  avatar_url text,
  credential_mode text NOT NULL CHECK (credential_mode IN ('local', 'sync', 'oauth')),
  login_status text NOT NULL DEFAULT 'unknown' CHECK (login_status IN ('unknown', 'logged_in', 'expired', 'error')),
  login_checked_at timestamptz,
  settings jsonb NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, platform, name)
);

-- Encrypted secrets. `location` local = encrypted with the master-password key;
-- cloud = the synced/OAuth copy encrypted with the server key.
CREATE TABLE publish_credentials (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES publish_accounts(id) ON DELETE CASCADE,
  kind text NOT NULL,
  location text NOT NULL CHECK (location IN ('local', 'cloud')),
  ciphertext text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, kind, location)
);
CREATE INDEX publish_credentials_ws_idx ON publish_credentials (workspace_id, location);

CREATE TABLE publish_jobs (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid,
  batch_id uuid,
  work_id text NOT NULL,
  account_id uuid NOT NULL REFERENCES publish_accounts(id) ON DELETE CASCADE,
  platform text NOT NULL,
  content jsonb NOT NULL,
  methods jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('scheduled', 'queued', 'running', 'published', 'needs_action', 'failed', 'cancelled')),
  run_at timestamptz NOT NULL,
  late_policy text NOT NULL DEFAULT 'run' CHECK (late_policy IN ('run', 'ask')),
  attempt_count integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  result_url text,
  result_post_id text,
  action jsonb,
  error_code text,
  error_message text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publish_jobs_ws_idx ON publish_jobs (workspace_id, created_at);
CREATE INDEX publish_jobs_due_idx ON publish_jobs (status, run_at);

-- One row per try. Written BEFORE the final publish action (status
-- 'submitting') so a crash leaves evidence and the retry reconciles first.
CREATE TABLE publish_attempts (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL,
  job_id uuid NOT NULL REFERENCES publish_jobs(id) ON DELETE CASCADE,
  number integer NOT NULL,
  method text NOT NULL CHECK (method IN ('official_api', 'browser', 'assist')),
  status text NOT NULL CHECK (status IN ('running', 'submitting', 'succeeded', 'failed', 'needs_action', 'reconciled')),
  started_at timestamptz NOT NULL,
  submitted_at timestamptz,
  finished_at timestamptz,
  duration_ms integer,
  error_code text,
  error_message text,
  retryable boolean,
  screenshot text,
  result_url text,
  result_post_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX publish_attempts_job_idx ON publish_attempts (job_id, number);

CREATE TABLE publish_events (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL,
  job_id uuid NOT NULL REFERENCES publish_jobs(id) ON DELETE CASCADE,
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publish_events_job_idx ON publish_events (job_id, id);
