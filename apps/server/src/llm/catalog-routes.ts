import { z } from 'zod';
import { NotFoundError } from '@creatorflow/core';
import {
  adoptAsDefaultGroup,
  createProvider,
  deleteGroup,
  deleteModel,
  deleteProvider,
  listGroups,
  listModels,
  listProviders,
  presetById,
  providerPresets,
  putGroup,
  putModel,
  testConnection,
  updateProvider,
} from '@creatorflow/llm';
import { resolveScope } from '../auth/scope.ts';
import type { RoutePlugin } from '../http/types.ts';
import { noContent } from '../contract/responses.ts';
import { currency, connectionTestJson, connectionTestSchema, groupHealthSchema, groupJson, groupSchema, modelJson, modelSchema, presetJson, presetSchema, providerJson, providerSchema } from './dto.ts';

const tags = ['llm'];
const providerBody = z.object({
  preset: z.string().min(1),
  name: z.string().min(1).max(60).optional().describe('Any display name ("深度求索-测试"); when it is not an id (letters, digits, . _ -) the id is derived from it'),
  display_name: z.string().min(1).max(60).optional().describe('A display name given apart from the id in `name`'),
  base_url: z.string().url().optional(),
  wire: z.enum(['openai', 'anthropic']).optional(),
  api_key: z.string().min(1).optional(),
  enabled: z.boolean().optional(),
});
const providerPatch = z.object({ base_url: z.string().url().optional(), api_key: z.string().min(1).nullable().optional(), enabled: z.boolean().optional() });
const nameParams = z.object({ name: z.string().min(1) });
const modelBody = z.object({
  provider: z.string().min(1),
  model: z.string().min(1),
  currency: currency.optional().describe('The currency of input, output and cached_input; a new model defaults to USD'),
  input: z.number().min(0).optional(),
  output: z.number().min(0).optional(),
  cached_input: z.number().min(0).optional(),
  context_window: z.number().int().min(0).optional(),
  max_output: z.number().int().min(0).optional(),
  capabilities: z.array(z.enum(['chat', 'tools', 'vision', 'json', 'embeddings'])).optional(),
});
const groupBody = z.object({
  description: z.string().max(500).optional(),
  members: z.array(z.object({ provider: z.string().min(1), model: z.string().min(1), tier: z.number().int().min(1).optional(), weight: z.number().int().min(1).optional() })).min(1),
});

/** Providers (keys masked), model catalog and model groups of the caller's workspace. */
export const llmCatalogRoutes: RoutePlugin = async (app, ctx) => {
  const { database, llm, secretKey, egress } = ctx;
  const changed = (workspaceId: string) => llm.store.invalidate(workspaceId);

  app.get('/api/llm/presets', { schema: { tags, summary: 'Provider presets and their well-known models', response: { 200: z.object({ presets: z.array(presetSchema) }) } } }, async () => ({
    presets: providerPresets().map(presetJson),
  }));

  app.get('/api/llm/providers', { schema: { tags, summary: 'Providers (API keys masked)', response: { 200: z.object({ providers: z.array(providerSchema) }) } } }, async (request) => {
    const scope = await resolveScope(database, request, 'editor');
    await llm.workspaceConfig(scope.workspaceId); // seeds from the environment on first use
    return { providers: (await listProviders(database, scope.workspaceId)).map(providerJson) };
  });

  app.post('/api/llm/providers', {
    schema: { tags, summary: 'Add a provider', body: providerBody, response: { 201: providerSchema.extend({ became_default: z.boolean().describe('It became the default model group (there was no working one)') }) } },
  }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    const b = request.body;
    if (b.base_url) await egress.validate(b.base_url);
    const view = await createProvider(database.db, secretKey, scope.workspaceId, { preset: b.preset, name: b.name, displayName: b.display_name, baseUrl: b.base_url, wire: b.wire, apiKey: b.api_key, enabled: b.enabled });
    const chatModel = presetById(b.preset)?.defaultModel;
    const becameDefault = chatModel ? await adoptAsDefaultGroup(database.db, scope.workspaceId, { providerId: view.id, model: chatModel }, `Set when ${view.displayName} was added`) : false;
    changed(scope.workspaceId);
    return reply.code(201).send({ ...providerJson(view), became_default: becameDefault });
  });

  app.patch('/api/llm/providers/:name', { schema: { tags, summary: 'Change a provider', params: nameParams, body: providerPatch, response: { 200: providerSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const b = request.body;
    if (b.base_url) await egress.validate(b.base_url);
    const view = await updateProvider(database, secretKey, scope.workspaceId, request.params.name, { baseUrl: b.base_url, apiKey: b.api_key, enabled: b.enabled }, { managedReadOnly: ctx.mode === 'cloud' });
    changed(scope.workspaceId);
    return providerJson(view);
  });

  app.delete('/api/llm/providers/:name', { schema: { tags, summary: 'Remove a provider, its models and group members', params: nameParams, response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    await deleteProvider(database, scope.workspaceId, request.params.name, { managedReadOnly: ctx.mode === 'cloud' });
    changed(scope.workspaceId);
    return reply.code(204).send();
  });

  app.post('/api/llm/providers/:name/test', { schema: { tags, summary: 'Test the connection (lists the upstream models)', params: nameParams, response: { 200: connectionTestSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    changed(scope.workspaceId);
    const config = await llm.workspaceConfig(scope.workspaceId);
    const provider = config.providersByName.get(request.params.name);
    if (!provider) throw new NotFoundError('Provider', request.params.name);
    // A clear refusal before the key is put on the wire; the guarded dispatcher re-checks at connect time.
    await egress.check(provider.baseUrl);
    const member = { id: `${provider.id}/`, providerId: provider.id, provider: provider.name, wire: provider.wire, baseUrl: provider.baseUrl, apiKey: provider.apiKey, model: '', tier: 1, weight: 1, prices: { input: 0, output: 0, cachedInput: 0 }, maxOutput: 0 };
    return connectionTestJson(await testConnection(member, 10_000, llm.dispatcher));
  });

  app.get('/api/llm/models', { schema: { tags, summary: 'Model catalog with prices per million tokens, each in the currency it was entered in', response: { 200: z.object({ models: z.array(modelSchema) }) } } }, async (request) => {
    const scope = await resolveScope(database, request, 'editor');
    return { models: (await listModels(database, scope.workspaceId)).map(modelJson) };
  });

  app.put('/api/llm/models', { schema: { tags, summary: 'Add or edit a model (prices, limits, capabilities)', body: modelBody, response: { 200: modelSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const b = request.body;
    const view = await putModel(database, scope.workspaceId, b.provider, b.model, { currency: b.currency, input: b.input, output: b.output, cachedInput: b.cached_input, contextWindow: b.context_window, maxOutput: b.max_output, capabilities: b.capabilities });
    changed(scope.workspaceId);
    return modelJson(view);
  });

  app.delete('/api/llm/models', { schema: { tags, summary: 'Remove a model from the catalog', querystring: z.object({ provider: z.string().min(1), model: z.string().min(1) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    await deleteModel(database, scope.workspaceId, request.query.provider, request.query.model);
    changed(scope.workspaceId);
    return reply.code(204).send();
  });

  app.get('/api/llm/groups', {
    schema: { tags, summary: 'Model groups with members, tiers, weights and member health', response: { 200: z.object({ groups: z.array(groupHealthSchema) }) } },
  }, async (request) => {
    const scope = await resolveScope(database, request, 'editor');
    const config = await llm.workspaceConfig(scope.workspaceId);
    const groups = await listGroups(database, scope.workspaceId);
    return {
      groups: groups.map((g) => ({
        ...groupJson(g),
        members: groupJson(g).members.map((m) => {
          const id = `${config.providersByName.get(m.provider)?.id}/${m.model}`;
          return { ...m, circuit: llm.health.state(id), cooling_ms: llm.health.coolingFor(id, Date.now()) };
        }),
      })),
    };
  });

  app.put('/api/llm/groups/:alias', { schema: { tags, summary: 'Create or replace a model group', params: z.object({ alias: z.string().min(1) }), body: groupBody, response: { 200: groupSchema } } }, async (request) => {
    const scope = await resolveScope(database, request, 'admin');
    const view = await putGroup(database, scope.workspaceId, request.params.alias, request.body);
    changed(scope.workspaceId);
    return groupJson(view);
  });

  app.delete('/api/llm/groups/:alias', { schema: { tags, summary: 'Remove a model group', params: z.object({ alias: z.string().min(1) }), response: noContent } }, async (request, reply) => {
    const scope = await resolveScope(database, request, 'admin');
    await deleteGroup(database, scope.workspaceId, request.params.alias);
    changed(scope.workspaceId);
    return reply.code(204).send();
  });
};
