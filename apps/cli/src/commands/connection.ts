import type { Command } from 'commander';
import { openClient, type ApiClient } from '../api-client.ts';

/**
 * The CLI's one set of connection helpers: the options a command that talks to
 * CreatorFlow takes, opening and closing its client, the page shape of list
 * routes, and which workspace a command acts in. Commands import these; none
 * keeps its own copy.
 */

/** Options every API-talking command takes. */
export interface Connection {
  home?: string;
  url?: string;
  token?: string;
  workspace?: string;
  json?: boolean;
}

const HOME_HELP = 'local data directory (default ~/.creatorflow or CREATORFLOW_HOME)';

export interface ConnectionOptions {
  /** Help of `--json`; false for a command without JSON output (the sidecar speaks JSON-RPC). */
  json?: string | false;
  /**
   * Whether to add `--workspace` (the workspace the client acts in). Off for commands whose own
   * `--workspace` names the workspace they act on (`creatorflow tokens`) and for `workspaces` itself.
   */
  workspace?: boolean;
}

/** Adds the connection options (`--home`, `--url`, `--token`, `--workspace`, `--json`). */
export function withConnection(command: Command, options: string | ConnectionOptions = {}): Command {
  const o: ConnectionOptions = typeof options === 'string' ? { json: options } : options;
  command
    .option('--home <dir>', HOME_HELP)
    .option('--url <url>', 'cloud server URL (or CREATORFLOW_URL); with --token / CREATORFLOW_TOKEN')
    .option('--token <token>', 'API token for --url');
  if (o.workspace !== false) command.option('--workspace <id>', 'workspace id (default: your personal workspace)');
  if (o.json !== false) command.option('--json', o.json ?? 'print JSON');
  return command;
}

/** Commands about this install only (cloud link, sync): `--home` and `--json`, no remote server. */
export function withHome(command: Command): Command {
  return command.option('--home <dir>', HOME_HELP).option('--json', 'print JSON');
}

/** Opens a client for the command, runs `fn`, and always closes it. */
export async function withClient<T>(opts: Connection, fn: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = await openClient({ home: opts.home, url: opts.url, token: opts.token, workspace: opts.workspace });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** One page of a list route (`{ items, next_cursor }`, apps/server/src/http/pagination.ts). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Every page of a list route, 200 at a time. */
export async function allPages<T>(client: ApiClient, path: string): Promise<T[]> {
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
export async function workspaceOf(client: ApiClient, opts: Pick<Connection, 'workspace'>): Promise<string> {
  if (opts.workspace) return opts.workspace;
  const me = await client.request<{ default_workspace_id: string | null }>('GET', '/api/auth/me');
  if (!me.default_workspace_id) throw new Error('No default workspace: pass --workspace ID (see `creatorflow workspaces list`).');
  return me.default_workspace_id;
}
