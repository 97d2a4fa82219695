import { api } from './client.ts';

export interface LlmPreset {
  id: string;
  name: string;
  wire: 'openai' | 'anthropic';
  base_url: string;
  key_optional?: boolean;
  default_model?: string;
}

export interface LlmProvider {
  id: string;
  name: string;
  preset: string;
  wire: 'openai' | 'anthropic';
  base_url: string;
  api_key: string | null;
  enabled: boolean;
}

export interface LlmModel {
  provider: string;
  model: string;
  input: number;
  output: number;
  cached_input: number;
  context_window: number;
  max_output: number;
  capabilities: string[];
}

export interface GroupMember {
  provider: string;
  model: string;
  tier: number;
  weight: number;
  circuit?: string;
}

export interface LlmGroup {
  alias: string;
  description: string | null;
  members: GroupMember[];
}

export interface LlmKey {
  id: string;
  name: string;
  prefix: string;
  allowed_models: string[];
  budget_cents: number | null;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
}

export interface UsageBucket {
  day?: string;
  model?: string | null;
  key_id?: string | null;
  requests: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  cost_cents: number;
  avg_latency_ms: number;
}

export interface ConnectionTest {
  ok: boolean;
  status: number | null;
  latency_ms: number;
  models: string[];
  error?: string;
}

export const llmApi = {
  presets: () => api<{ presets: LlmPreset[] }>('/api/llm/presets'),
  providers: () => api<{ providers: LlmProvider[] }>('/api/llm/providers'),
  models: () => api<{ models: LlmModel[] }>('/api/llm/models'),
  groups: () => api<{ groups: LlmGroup[] }>('/api/llm/groups'),
  keys: () => api<{ keys: LlmKey[] }>('/api/llm/keys'),
  usage: (groupBy: string) => api<{ usage: UsageBucket[] }>('/api/llm/usage', { query: { group_by: groupBy } }),
};
