-- Content domain: image generation providers per workspace (ComfyUI, OpenAI-compatible images APIs).
CREATE TABLE content_image_providers (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('comfyui', 'openai', 'siliconflow')),
  base_url text NOT NULL,
  model text,
  workflow text,
  api_key_enc text,
  api_key_hint text,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);
CREATE INDEX content_image_providers_workspace_idx ON content_image_providers (workspace_id);
