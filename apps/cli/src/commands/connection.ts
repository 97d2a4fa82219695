import type { Command } from 'commander';
import { openClient, type ApiClient } from '../api-client.ts';

/** Options every API-talking command takes. */
export interface Connection {
  home?: string;
  url?: string;
  token?: string;
  workspace?: string;
  json?: boolean;
}

/** Adds the connection options (`--home`, `--url`, `--token`, `--workspace`, `--json`). */
export function withConnection(command: Command, jsonHelp = 'print JSON'): Command {
  return command
    .option('--home <dir>', 'local data directory (default ~/.creatorflow or CREATORFLOW_HOME)')
    .option('--url <url>', 'cloud server URL (or CREATORFLOW_URL); with --token / CREATORFLOW_TOKEN')
    .option('--token <token>', 'API token for --url')
    .option('--workspace <id>', 'workspace id (default: your personal workspace)')
    .option('--json', jsonHelp);
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
