import type { LlmService } from '@creatorflow/llm';
import type { GatewayPrincipal } from './gateway-auth.ts';

/** GET /v1/models: the key's usable names — group aliases first, then `provider:model` for chat models. */
export async function listGatewayModels(llm: LlmService, principal: GatewayPrincipal): Promise<Record<string, unknown>> {
  const config = await llm.workspaceConfig(principal.workspaceId);
  const names: Array<{ id: string; owned_by: string }> = [...config.groups.keys()].map((alias) => ({ id: alias, owned_by: 'creatorflow-group' }));
  for (const model of config.models) {
    const provider = config.providers.get(model.providerId);
    if (provider?.enabled) names.push({ id: `${provider.name}:${model.model}`, owned_by: provider.name });
  }
  const allowed = principal.allowedModels;
  return {
    object: 'list',
    data: names.filter((n) => allowed.length === 0 || allowed.includes(n.id)).map((n) => ({ id: n.id, object: 'model', created: 0, owned_by: n.owned_by })),
  };
}
