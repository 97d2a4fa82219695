import { VERSION } from '@creatorflow/server';
import { openClient } from '../api-client.ts';
import { serveSidecar } from '../sidecar/server.ts';
import { withConnection, type Connection } from './connection.ts';
import type { CommandModule } from './types.ts';

export const sidecarCommands: CommandModule = (program) => {
  const sidecar = program
    .command('sidecar')
    .description('Serve JSON-RPC 2.0 over stdio for a desktop shell (docs/sidecar.md) / 桌面壳的 JSON-RPC 接口');
  // stdout carries the protocol: no --json.
  withConnection(sidecar, { json: false })
    .action(async (opts: Connection) => {
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
