-- Own-post metrics: the posts we follow, their collection schedule, time series
-- per post and per account, and the comments of own posts with their sentiment.

-- One row per published post we collect numbers for: adopted from a published
-- publish job, or added by hand with its link. The schedule lives on the row
-- (next_collect_at, checkpoint) so it survives restarts and is claimed with
-- FOR UPDATE SKIP LOCKED by whichever server copy ticks first.
CREATE TABLE metric_posts (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id uuid REFERENCES publish_accounts(id) ON DELETE SET NULL,
  platform text NOT NULL,
  platform_post_id text,
  url text,
  title text NOT NULL DEFAULT '',
  kind text,
  tags jsonb NOT NULL DEFAULT '[]',
  source text NOT NULL CHECK (source IN ('publish_job', 'manual')),
  publish_job_id uuid UNIQUE,
  published_at timestamptz NOT NULL,
  checkpoint integer NOT NULL DEFAULT 0,
  next_collect_at timestamptz,
  lease_until timestamptz,
  last_collected_at timestamptz,
  last_error_code text,
  last_error_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, platform, platform_post_id)
);
CREATE INDEX metric_posts_ws_idx ON metric_posts (workspace_id, published_at DESC);
CREATE INDEX metric_posts_due_idx ON metric_posts (next_collect_at) WHERE next_collect_at IS NOT NULL;

-- Cumulative numbers of one post at one moment (counters are totals so far, as the platforms report them).
CREATE TABLE metric_snapshots (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES metric_posts(id) ON DELETE CASCADE,
  platform text NOT NULL,
  collected_at timestamptz NOT NULL,
  views bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  favorites bigint,
  coins bigint,
  danmaku bigint,
  extra jsonb NOT NULL DEFAULT '{}',
  source text NOT NULL
);
CREATE INDEX metric_snapshots_post_idx ON metric_snapshots (post_id, collected_at);
CREATE INDEX metric_snapshots_ws_idx ON metric_snapshots (workspace_id, collected_at);

-- Followers (and other account-level numbers) of an account at one moment.
CREATE TABLE metric_account_snapshots (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES publish_accounts(id) ON DELETE CASCADE,
  platform text NOT NULL,
  collected_at timestamptz NOT NULL,
  followers bigint,
  extra jsonb NOT NULL DEFAULT '{}',
  source text NOT NULL
);
CREATE INDEX metric_account_snapshots_idx ON metric_account_snapshots (workspace_id, account_id, collected_at);

-- Comments of own posts and their sentiment (llm or lexicon), questions flagged.
CREATE TABLE metric_comments (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES metric_posts(id) ON DELETE CASCADE,
  platform_comment_id text NOT NULL,
  author text,
  body text NOT NULL,
  likes integer NOT NULL DEFAULT 0,
  commented_at timestamptz,
  sentiment text CHECK (sentiment IN ('very_negative', 'negative', 'neutral', 'positive', 'very_positive')),
  sentiment_score real,
  sentiment_by text CHECK (sentiment_by IN ('llm', 'lexicon')),
  is_question boolean NOT NULL DEFAULT false,
  collected_at timestamptz NOT NULL,
  UNIQUE (post_id, platform_comment_id)
);
CREATE INDEX metric_comments_ws_idx ON metric_comments (workspace_id, post_id);
