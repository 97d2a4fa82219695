import { VERSION } from '@creatorflow/server';
import { openClient } from '../api-client.ts';
import { serveSidecar } from '../sidecar/server.ts';
import type { CommandModule } from './types.ts';

export const sidecarCommands: CommandModule = (program) => {
  program
    .command('sidecar')
    .description('Serve JSON-RPC 2.0 over stdio for a desktop shell (docs/sidecar.md) / 桌面壳的 JSON-RPC 接口')
    .option('--home <dir>', 'local data directory (default ~/.creatorflow or CREATORFLOW_HOME)')
    .option('--url <url>', 'a cloud server instead of the local runtime (with CREATORFLOW_TOKEN)')
    .option('--token <token>', 'API token for --url')
    .option('--workspace <id>', 'workspace id (default: your personal workspace)')
    .action(async (opts: { home?: string; url?: string; token?: string; workspace?: string }) => {
      // stdout carries the protocol only: anything a library prints goes to stderr instead.
      console.log = console.info = console.debug = console.error;
      const client = await openClient({ home: opts.home, url: opts.url, token: opts.token, workspace: opts.workspace });
      try {
        await serveSidecar({ input: process.stdin, output: process.stdout, client, version: VERSION });
      } finally {
        await client.close();
      }
    });
};
