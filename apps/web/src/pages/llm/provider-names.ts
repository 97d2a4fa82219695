import { useQuery } from '@tanstack/react-query';
import { llmApi } from '../../api/llm.ts';

/**
 * A provider's display name from its id: models and groups name providers by id
 * (`provider:model`), but a person knows "深度求索-测试", not `deepseek-k3f9`.
 */
export function useProviderNames(): (id: string) => string {
  const providers = useQuery({ queryKey: ['llm-providers'], queryFn: llmApi.providers });
  const byId = new Map((providers.data?.providers ?? []).map((p) => [p.name, p.display_name]));
  return (id) => byId.get(id) ?? id;
}
