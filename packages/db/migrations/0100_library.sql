-- Library domain: ideas, works with versions, assets, knowledge base, search documents.

CREATE TABLE ideas (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  text text NOT NULL,
  link text,
  tags text[] NOT NULL DEFAULT '{}',
  source text,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'used', 'archived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ideas_workspace_idx ON ideas (workspace_id, created_at DESC, id DESC);

CREATE TABLE works (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('article', 'note', 'video_script', 'post')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  cover_asset_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  platforms text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'scheduled', 'published', 'archived')),
  version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX works_workspace_idx ON works (workspace_id, updated_at DESC, id DESC);

CREATE TABLE work_versions (
  work_id uuid NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  version integer NOT NULL,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  title text NOT NULL,
  body text NOT NULL,
  cover_asset_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  platforms text[] NOT NULL DEFAULT '{}',
  status text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (work_id, version)
);

CREATE TABLE idea_works (
  idea_id uuid NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  work_id uuid NOT NULL REFERENCES works(id) ON DELETE CASCADE,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, work_id)
);
CREATE INDEX idea_works_work_idx ON idea_works (work_id);

CREATE TABLE assets (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  type text NOT NULL CHECK (type IN ('image', 'video', 'audio', 'document')),
  storage text NOT NULL CHECK (storage IN ('local', 'cloud')),
  name text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  blob_key text NOT NULL,
  thumb_key text,
  width integer,
  height integer,
  duration_ms integer,
  tags text[] NOT NULL DEFAULT '{}',
  extracted_text text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, sha256)
);
CREATE INDEX assets_workspace_idx ON assets (workspace_id, created_at DESC, id DESC);

CREATE TABLE knowledge_sources (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('markdown', 'text', 'html', 'url', 'pdf', 'docx')),
  title text NOT NULL,
  url text,
  content text NOT NULL,
  chunk_count integer NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_sources_workspace_idx ON knowledge_sources (workspace_id, created_at DESC, id DESC);

CREATE TABLE knowledge_chunks (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  source_id uuid NOT NULL REFERENCES knowledge_sources(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  heading text,
  content text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, seq)
);

-- One row per searchable thing. `tsv` holds jieba-segmented text parsed with the
-- 'simple' configuration (docs/decisions/0401); title/body keep the original text for snippets.
CREATE TABLE search_documents (
  kind text NOT NULL CHECK (kind IN ('idea', 'work', 'asset', 'knowledge')),
  ref_id uuid NOT NULL,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  parent_id uuid,
  title text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  tsv tsvector NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE INDEX search_documents_workspace_idx ON search_documents (workspace_id, kind, created_at);
