-- A provider's display name is whatever the person typed ("深度求索-测试"); `name`
-- stays the short Latin id used in `provider:model` and URLs, derived from it
-- when the display name is not one. NULL: the display name is the id.
ALTER TABLE llm_providers ADD COLUMN display_name text;
