-- Newest-first access to a workspace's search documents. A very common word
-- (小红书 in 44 % of documents) finds its newest matches by walking this index
-- and testing each row, instead of sorting every match; see docs/decisions/0401.
CREATE INDEX search_documents_recent_idx ON search_documents (workspace_id, created_at DESC);
