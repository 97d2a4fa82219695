-- Amounts keep the currency they were given in: a model price typed in 元 per
-- million tokens stays in 元, a budget of ¥50 stays ¥50 when the rate moves.
-- The cost ledger (llm_usage.cost_cents, run costs) stays in US cents; a stored
-- CNY amount is converted with the workspace's rate where it is compared.
-- Existing rows were entered as US amounts: 'USD'.
ALTER TABLE llm_models ADD COLUMN price_currency text NOT NULL DEFAULT 'USD' CHECK (price_currency IN ('USD', 'CNY'));
ALTER TABLE llm_limits ADD COLUMN budget_currency text NOT NULL DEFAULT 'USD' CHECK (budget_currency IN ('USD', 'CNY'));
ALTER TABLE llm_gateway_keys ADD COLUMN budget_currency text NOT NULL DEFAULT 'USD' CHECK (budget_currency IN ('USD', 'CNY'));

-- 元 per US dollar, set in 设置; no row: the default rate (packages/llm/src/money.ts).
CREATE TABLE llm_exchange_rates (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  cny_per_usd double precision NOT NULL CHECK (cny_per_usd > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
