import { api } from './client.ts';
import type { ApiBody, ApiResponse } from './schema.ts';

export type LlmPreset = ApiResponse<'/api/llm/presets'>['presets'][number];
export type LlmProvider = ApiResponse<'/api/llm/providers'>['providers'][number];
export type LlmModel = ApiResponse<'/api/llm/models'>['models'][number];
export type LlmGroup = ApiResponse<'/api/llm/groups'>['groups'][number];
type ListedMember = LlmGroup['members'][number];
/** A member as the group editor holds it: one just added has no breaker state yet. */
export type GroupMember = Omit<ListedMember, 'circuit' | 'cooling_ms'> & Partial<Pick<ListedMember, 'circuit' | 'cooling_ms'>>;
export type LlmKey = ApiResponse<'/api/llm/keys'>['keys'][number];
export type UsageBucket = ApiResponse<'/api/llm/usage'>['usage'][number];
export type ConnectionTest = ApiResponse<'/api/llm/providers/{name}/test', 'post'>;

export const llmApi = {
  presets: () => api<ApiResponse<'/api/llm/presets'>>('/api/llm/presets'),
  providers: () => api<ApiResponse<'/api/llm/providers'>>('/api/llm/providers'),
  models: () => api<ApiResponse<'/api/llm/models'>>('/api/llm/models'),
  groups: () => api<ApiResponse<'/api/llm/groups'>>('/api/llm/groups'),
  keys: () => api<ApiResponse<'/api/llm/keys'>>('/api/llm/keys'),
  usage: (groupBy: string) => api<ApiResponse<'/api/llm/usage'>>('/api/llm/usage', { query: { group_by: groupBy } }),
  addProvider: (body: ApiBody<'/api/llm/providers'>) => api<ApiResponse<'/api/llm/providers', 'post', 201>>('/api/llm/providers', { body }),
  testProvider: (name: string) => api<ConnectionTest>(`/api/llm/providers/${encodeURIComponent(name)}/test`, { body: {} }),
  createKey: (body: ApiBody<'/api/llm/keys'>) => api<ApiResponse<'/api/llm/keys', 'post', 201>>('/api/llm/keys', { body }),
};
