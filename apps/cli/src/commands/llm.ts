import type { CommandModule } from './types.ts';
import { withClient, withConnection, type Connection } from './connection.ts';
import { print, table } from './output.ts';


const list = (value: string | undefined) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** `creatorflow keys …`, `creatorflow providers …`, `creatorflow usage`: the LLM gateway from the terminal. */
export const llmCommands: CommandModule = (program) => {
  const keys = program.command('keys').description('LLM gateway keys (sk-cf-…) / 网关密钥');

  withConnection(keys.command('create').description('Create a gateway key; it is shown once'))
    .requiredOption('--name <name>', 'what the key is for')
    .option('--models <list>', 'comma-separated group aliases or provider:model the key may use (default: all)')
    .option('--budget <usd>', 'lifetime spend budget in US dollars', Number)
    .option('--expires <iso>', 'expiry time, e.g. 2026-12-31T00:00:00Z')
    .action(async (opts: Connection & { name: string; models?: string; budget?: number; expires?: string }) => {
      const created = await withClient(opts, (client) =>
        client.request<Record<string, unknown>>('POST', '/api/llm/keys', {
          name: opts.name,
          allowed_models: list(opts.models),
          budget_cents: opts.budget === undefined ? undefined : Math.round(opts.budget * 100 * 1e6) / 1e6,
          expires_at: opts.expires,
        }),
      );
      print(opts, created, () => `Created gateway key ${String(created.name)} (${String(created.id)})\n\n  ${String(created.key)}\n\nStore it now: it is not shown again. Use it as OPENAI_API_KEY with base URL <server>/v1.\n`);
    });

  withConnection(keys.command('list').description('List gateway keys')).action(async (opts: Connection) => {
    const body = await withClient(opts, (client) => client.request<{ keys: Array<Record<string, unknown>> }>('GET', '/api/llm/keys'));
    const rows = body.keys.map((k) => ({ ...k, allowed_models: (k.allowed_models as string[]).join(',') || 'all', status: k.revoked_at ? 'revoked' : 'active' }));
    print(opts, body.keys, () => table(rows, ['id', 'name', 'prefix', 'allowed_models', 'budget_cents', 'expires_at', 'status', 'last_used_at']));
  });

  withConnection(keys.command('revoke').description('Revoke a gateway key').argument('<id>', 'key id (see `keys list`)')).action(async (id: string, opts: Connection) => {
    const revoked = await withClient(opts, (client) => client.request<Record<string, unknown>>('DELETE', `/api/llm/keys/${encodeURIComponent(id)}`));
    print(opts, revoked, () => `Revoked ${id}\n`);
  });

  const providers = program.command('providers').description('LLM providers / 模型服务商');

  withConnection(providers.command('list').description('List providers (keys masked)')).action(async (opts: Connection) => {
    const body = await withClient(opts, (client) => client.request<{ providers: Array<Record<string, unknown>> }>('GET', '/api/llm/providers'));
    print(opts, body.providers, () => table(body.providers, ['name', 'display_name', 'preset', 'wire', 'base_url', 'api_key', 'enabled']));
  });

  withConnection(providers.command('add').description('Add a provider from a preset').argument('<preset>', 'openai, anthropic, deepseek, qwen, zhipu, moonshot, doubao, siliconflow, ollama or custom'))
    .option('--name <name>', 'any display name ("深度求索-测试"); an id for provider:model is derived when it is not one (default: the preset id)')
    .option('--base-url <url>', 'base URL (required for custom)')
    .option('--api-key <key>', 'API key (or set it in the environment variable named by --api-key-env)')
    .option('--api-key-env <name>', 'read the API key from this environment variable, keeping it out of shell history')
    .option('--wire <format>', 'openai or anthropic (custom only)')
    .action(async (preset: string, opts: Connection & { name?: string; baseUrl?: string; apiKey?: string; apiKeyEnv?: string; wire?: string }) => {
      const apiKey = opts.apiKey ?? (opts.apiKeyEnv ? process.env[opts.apiKeyEnv] : undefined);
      const created = await withClient(opts, (client) =>
        client.request<Record<string, unknown>>('POST', '/api/llm/providers', { preset, name: opts.name, base_url: opts.baseUrl, api_key: apiKey, wire: opts.wire }),
      );
      print(opts, created, () => `Added provider ${String(created.display_name)} as ${String(created.name)} (${String(created.base_url)})\n${created.became_default ? 'The `default` model group now uses it.\n' : ''}`);
    });

  withConnection(providers.command('test').description('Test a provider connection').argument('<name>', 'provider name')).action(async (name: string, opts: Connection) => {
    const result = await withClient(opts, (client) => client.request<{ ok: boolean; status: number | null; latency_ms: number; models: string[]; error?: string }>('POST', `/api/llm/providers/${encodeURIComponent(name)}/test`));
    print(opts, result, () =>
      result.ok ? `OK ${name}: HTTP ${result.status} in ${result.latency_ms} ms, ${result.models.length} models listed\n` : `FAILED ${name}: ${result.error ?? `HTTP ${result.status}`} (${result.latency_ms} ms)\n`,
    );
    if (!result.ok) process.exitCode = 1;
  });

  withConnection(program.command('usage').description('LLM usage and cost / 用量与费用'))
    .option('--by <dims>', 'group by: day, model, key, user, provider, group (comma-separated)', 'day,model')
    .option('--days <n>', 'how many days back', Number, 30)
    .action(async (opts: Connection & { by: string; days: number }) => {
      const from = new Date(Date.now() - opts.days * 86_400_000).toISOString();
      const body = await withClient(opts, (client) => client.request<{ usage: Array<Record<string, unknown>> }>('GET', `/api/llm/usage?group_by=${encodeURIComponent(opts.by)}&from=${encodeURIComponent(from)}`));
      const dims = opts.by.split(',').map((d) => (d === 'key' ? 'key_id' : d === 'user' ? 'user_id' : d));
      const rows = body.usage.map((u) => ({ ...u, cost_usd: (Number(u.cost_cents) / 100).toFixed(4) }));
      print(opts, body.usage, () => table(rows, [...dims, 'requests', 'errors', 'input_tokens', 'output_tokens', 'cost_usd', 'avg_latency_ms']));
    });
};
