import type { Command } from 'commander';
import { allPages, withClient, withConnection, workspaceOf, type Connection } from './connection.ts';
import { print, table } from './output.ts';
import type { CommandModule } from './types.ts';

type CommonOptions = Connection;

/** `workspaces` and `tokens` name the workspace they act on with their own `--workspace`. */
const connection = (command: Command): Command => withConnection(command, { workspace: false });

export const workspacesCommands: CommandModule = (program) => {
  const workspaces = program.command('workspaces').description('Workspaces you belong to / 工作区');

  connection(workspaces.command('list').description('List your workspaces')).action(async (opts: CommonOptions) => {
    const rows = await withClient(opts, (client) => allPages<Record<string, unknown>>(client, '/api/workspaces'));
    print(opts, rows, () => table(rows, ['id', 'name', 'kind', 'role']));
  });

  connection(workspaces.command('create').description('Create a team workspace').argument('<name>', 'workspace name')).action(
    async (name: string, opts: CommonOptions) => {
      const created = await withClient(opts, (client) => client.request<Record<string, unknown>>('POST', '/api/workspaces', { name }));
      print(opts, created, () => `Created workspace ${String(created.name)} (${String(created.id)})\n`);
    },
  );

  const tokens = program.command('tokens').description('Personal API tokens / API 令牌');

  connection(
    tokens
      .command('create')
      .description('Create an API token (printed once)')
      .requiredOption('--name <name>', 'what the token is for')
      .option('--role <role>', 'role ceiling: owner | admin | editor | viewer (default: your role)')
      .option('--expires-days <days>', 'days until it expires (default: never)', (v) => Number(v))
      .option('--workspace <id>', 'workspace (default: your personal one)'),
  ).action(async (opts: CommonOptions & { name: string; role?: string; expiresDays?: number }) => {
    const created = await withClient(opts, async (client) => {
      const ws = await workspaceOf(client, opts);
      return client.request<Record<string, unknown>>('POST', `/api/workspaces/${ws}/tokens`, {
        name: opts.name,
        ...(opts.role ? { role: opts.role } : {}),
        ...(opts.expiresDays ? { expires_in_days: opts.expiresDays } : {}),
      });
    });
    print(
      opts,
      created,
      () =>
        `Token ${String(created.name)} (${String(created.id)}, role ${String(created.role)}, expires ${String(created.expires_at ?? 'never')}):\n` +
        `  ${String(created.token)}\n` +
        'Store it now: it is not shown again. Use it as `Authorization: Bearer …`.\n',
    );
  });

  connection(tokens.command('list').description('List API tokens').option('--workspace <id>', 'workspace (default: your personal one)')).action(
    async (opts: CommonOptions) => {
      const rows = await withClient(opts, async (client) => allPages<Record<string, unknown>>(client, `/api/workspaces/${await workspaceOf(client, opts)}/tokens`));
      print(opts, rows, () => table(rows, ['id', 'name', 'prefix', 'role', 'expires_at', 'last_used_at', 'revoked_at']));
    },
  );

  connection(
    tokens.command('revoke').description('Revoke an API token').argument('<id>', 'token id').option('--workspace <id>', 'workspace (default: your personal one)'),
  ).action(async (id: string, opts: CommonOptions) => {
    await withClient(opts, async (client) => client.request('DELETE', `/api/workspaces/${await workspaceOf(client, opts)}/tokens/${encodeURIComponent(id)}`));
    print(opts, { revoked: id }, () => `Revoked ${id}\n`);
  });
};
