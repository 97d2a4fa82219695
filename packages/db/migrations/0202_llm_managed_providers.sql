-- Providers the operator seeded from the server environment (OPENAI_API_KEY, …).
-- In cloud mode they are read-only to workspace admins: their base URL cannot be
-- changed, so the operator's key is only ever sent where the operator pointed it.
ALTER TABLE llm_providers ADD COLUMN managed boolean NOT NULL DEFAULT false;
