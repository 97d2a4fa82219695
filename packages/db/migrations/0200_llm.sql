-- LLM layer: providers, model catalog, model groups, gateway keys, limits, usage.
CREATE TABLE llm_providers (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  preset text NOT NULL,
  wire text NOT NULL CHECK (wire IN ('openai', 'anthropic')),
  base_url text NOT NULL,
  api_key_enc text,
  api_key_hint text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE llm_models (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  provider_id uuid NOT NULL REFERENCES llm_providers(id) ON DELETE CASCADE,
  model text NOT NULL,
  input_price double precision NOT NULL DEFAULT 0,
  output_price double precision NOT NULL DEFAULT 0,
  cached_input_price double precision NOT NULL DEFAULT 0,
  context_window integer NOT NULL DEFAULT 8192,
  max_output integer NOT NULL DEFAULT 4096,
  capabilities jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, provider_id, model)
);

CREATE TABLE llm_groups (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  alias text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, alias)
);

CREATE TABLE llm_group_members (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES llm_groups(id) ON DELETE CASCADE,
  provider_id uuid NOT NULL REFERENCES llm_providers(id) ON DELETE CASCADE,
  model text NOT NULL,
  tier integer NOT NULL DEFAULT 1,
  weight integer NOT NULL DEFAULT 1 CHECK (weight > 0)
);
CREATE INDEX llm_group_members_group_idx ON llm_group_members (group_id);

CREATE TABLE llm_gateway_keys (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  key_prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  allowed_models jsonb NOT NULL DEFAULT '[]'::jsonb,
  budget_cents double precision,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_gateway_keys_workspace_idx ON llm_gateway_keys (workspace_id);

CREATE TABLE llm_limits (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('key', 'user', 'workspace', 'model')),
  subject text NOT NULL,
  rpm integer,
  tpm integer,
  concurrency integer,
  budget_cents double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, scope, subject)
);

CREATE TABLE llm_usage (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key_id uuid,
  user_id uuid,
  run_id text,
  trace_id text,
  source text NOT NULL CHECK (source IN ('gateway', 'internal')),
  endpoint text NOT NULL,
  group_alias text NOT NULL,
  provider text,
  model text,
  input_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cached_input_tokens integer NOT NULL DEFAULT 0,
  cost_cents double precision NOT NULL DEFAULT 0,
  latency_ms integer NOT NULL,
  ttft_ms integer,
  attempts integer NOT NULL DEFAULT 1,
  stream boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
  http_status integer NOT NULL,
  error_class text,
  created_at timestamptz NOT NULL
);
CREATE INDEX llm_usage_workspace_time_idx ON llm_usage (workspace_id, created_at);
CREATE INDEX llm_usage_key_time_idx ON llm_usage (key_id, created_at);

CREATE TABLE llm_workspace_state (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
