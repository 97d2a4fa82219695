-- Durable background jobs (DbJobQueue executes them; BullJobQueue mirrors BullMQ state here).
-- Jobs are infrastructure, not workspace data: the payload carries the workspace where it matters.
CREATE TABLE jobs (
  queue text NOT NULL,
  id text NOT NULL,
  backend text NOT NULL DEFAULT 'db' CHECK (backend IN ('db', 'bull')),
  data jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  run_at timestamptz NOT NULL,
  attempt integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 1,
  backoff_ms integer NOT NULL DEFAULT 1000,
  group_key text,
  locked_by text,
  lease_until timestamptz,
  cancel_requested boolean NOT NULL DEFAULT false,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (queue, id)
);
CREATE INDEX jobs_ready_idx ON jobs (queue, run_at) WHERE status = 'queued';
CREATE INDEX jobs_running_idx ON jobs (queue, group_key) WHERE status = 'running';
