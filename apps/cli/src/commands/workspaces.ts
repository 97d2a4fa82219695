import type { Command } from 'commander';
import type { ApiClient } from '../api-client.ts';
import { withClient, type Connection } from './connection.ts';
import type { CommandModule } from './types.ts';

type CommonOptions = Connection;

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Options every command here takes: where CreatorFlow is and which workspace. */
function withConnection(command: Command): Command {
  return command
    .option('--home <dir>', 'local data directory (default ~/.creatorflow or CREATORFLOW_HOME)')
    .option('--url <url>', 'cloud server URL (or CREATORFLOW_URL); with --token / CREATORFLOW_TOKEN')
    .option('--token <token>', 'API token for --url')
    .option('--json', 'print JSON');
}

/** Every page of a list endpoint. */
async function all<T>(client: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await client.request<Page<T>>('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/** `--workspace`, else the caller's default (personal) workspace. */
async function workspaceOf(client: ApiClient, opts: CommonOptions): Promise<string> {
  if (opts.workspace) return opts.workspace;
  const me = await client.request<{ default_workspace_id: string | null }>('GET', '/api/auth/me');
  if (!me.default_workspace_id) throw new Error('No default workspace: pass --workspace ID (see `creatorflow workspaces list`).');
  return me.default_workspace_id;
}

/** Prints rows as aligned columns. */
export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '-' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => [...row[i]!].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

const print = (opts: CommonOptions, value: unknown, text: () => string) =>
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : text());

export const workspacesCommands: CommandModule = (program) => {
  const workspaces = program.command('workspaces').description('Workspaces you belong to / 工作区');

  withConnection(workspaces.command('list').description('List your workspaces')).action(async (opts: CommonOptions) => {
    const rows = await withClient(opts, (client) => all<Record<string, unknown>>(client, '/api/workspaces'));
    print(opts, rows, () => table(rows, ['id', 'name', 'kind', 'role']));
  });

  withConnection(workspaces.command('create').description('Create a team workspace').argument('<name>', 'workspace name')).action(
    async (name: string, opts: CommonOptions) => {
      const created = await withClient(opts, (client) => client.request<Record<string, unknown>>('POST', '/api/workspaces', { name }));
      print(opts, created, () => `Created workspace ${String(created.name)} (${String(created.id)})\n`);
    },
  );

  const tokens = program.command('tokens').description('Personal API tokens / API 令牌');

  withConnection(
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

  withConnection(tokens.command('list').description('List API tokens').option('--workspace <id>', 'workspace (default: your personal one)')).action(
    async (opts: CommonOptions) => {
      const rows = await withClient(opts, async (client) => all<Record<string, unknown>>(client, `/api/workspaces/${await workspaceOf(client, opts)}/tokens`));
      print(opts, rows, () => table(rows, ['id', 'name', 'prefix', 'role', 'expires_at', 'last_used_at', 'revoked_at']));
    },
  );

  withConnection(
    tokens.command('revoke').description('Revoke an API token').argument('<id>', 'token id').option('--workspace <id>', 'workspace (default: your personal one)'),
  ).action(async (id: string, opts: CommonOptions) => {
    await withClient(opts, async (client) => client.request('DELETE', `/api/workspaces/${await workspaceOf(client, opts)}/tokens/${encodeURIComponent(id)}`));
    print(opts, { revoked: id }, () => `Revoked ${id}\n`);
  });
};
