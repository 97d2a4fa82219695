-- Device-code sign-in of a desktop install to a cloud deployment (RFC 8628 style).
-- A row exists before anyone is signed in, so it belongs to a workspace only once
-- a signed-in user approved it (user_id, workspace_id, role).
CREATE TABLE device_authorizations (
  id uuid PRIMARY KEY,
  device_code_hash text NOT NULL UNIQUE,
  user_code text NOT NULL UNIQUE,
  client_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used')),
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
  role text CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
  interval_seconds integer NOT NULL,
  last_polled_at timestamptz,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_authorizations_expires_idx ON device_authorizations (expires_at);

-- The cloud workspace a local workspace is linked to (local side). The cloud token
-- itself lives in the OS keychain or a 0600 file (token_store), never in this table.
CREATE TABLE cloud_links (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  cloud_url text NOT NULL,
  cloud_workspace_id uuid NOT NULL,
  cloud_workspace_name text NOT NULL,
  cloud_user_email text NOT NULL,
  cloud_token_id uuid NOT NULL,
  token_store text NOT NULL CHECK (token_store IN ('keychain', 'file')),
  linked_at timestamptz NOT NULL DEFAULT now()
);
