import { Command } from 'commander';
import { loadConfig, openApp, startCloud, startLocal, type RunningInstance } from '@creatorflow/server';
import { migrate, openDatabase, pgliteDirIn, redactUrl } from '@creatorflow/db';
import { lockHome } from '@creatorflow/server';
import type { CommandModule } from './types.ts';

function onSignals(instance: RunningInstance): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal} received, stopping…\n`);
    instance.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export const systemCommands: CommandModule = (program) => {
  program
    .command('start')
    .description('Start CreatorFlow in local mode (embedded database, web UI on 127.0.0.1) / 本地模式启动')
    .option('-p, --port <port>', 'port to listen on', (v) => Number(v))
    .option('--home <dir>', 'data directory (default ~/.creatorflow or CREATORFLOW_HOME)')
    .option('--config <file>', 'JSON config file')
    .option('--open', 'open the app in its own Chrome/Edge/Chromium window (else the default browser) / 在应用窗口中打开')
    .action(async (opts: { port?: number; home?: string; config?: string; open?: boolean }) => {
      const config = loadConfig({ mode: 'local', port: opts.port, home: opts.home, configFile: opts.config });
      const instance = await startLocal(config);
      onSignals(instance);
      if (opts.open && instance.openUrl) {
        const opened = await openApp({ url: instance.openUrl, browser: config.chromiumPath }).catch((error: unknown) => {
          process.stderr.write(`could not open a browser (${(error as Error).message}); open the link below yourself / 请手动打开下面的链接\n`);
          return undefined;
        });
        if (opened) process.stderr.write(opened.how === 'app-window' ? `opened an app window with ${opened.command}\n` : 'opened the app in your default browser\n');
      }
      process.stdout.write(
        `创流 CreatorFlow ${instance.ctx.version} is running in local mode\n` +
          `  Open:   ${instance.openUrl}\n` +
          `  API:    ${instance.url}/api  (docs: ${instance.url}/api/docs)\n` +
          `  Home:   ${config.home}\n` +
          `Press Ctrl-C to stop.\n`,
      );
    });

  program
    .command('server')
    .description('Start a stateless cloud-mode API server (needs DATABASE_URL and REDIS_URL)')
    .option('-p, --port <port>', 'port to listen on', (v) => Number(v))
    .option('--host <host>', 'address to bind (default 0.0.0.0)')
    .option('--config <file>', 'JSON config file')
    .action(async (opts: { port?: number; host?: string; config?: string }) => {
      const config = loadConfig({ mode: 'cloud', port: opts.port, host: opts.host, configFile: opts.config });
      const instance = await startCloud(config);
      onSignals(instance);
      process.stdout.write(`创流 CreatorFlow ${instance.ctx.version} cloud server listening on ${instance.url}\n`);
    });

  program
    .command('migrate')
    .description('Apply database migrations (cloud: DATABASE_URL; local: the home database)')
    .option('--home <dir>', 'local data directory')
    .option('--config <file>', 'JSON config file')
    .action(async (opts: { home?: string; config?: string }) => {
      // DATABASE_URL (env or config file) means the cloud database; otherwise the local home's PGlite.
      const config = loadConfig({ mode: 'local', home: opts.home, configFile: opts.config });
      const url = config.databaseUrl;
      const lock = url ? undefined : lockHome(config.home, 'creatorflow migrate');
      try {
        const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: pgliteDirIn(config.home) }, {
          migrate: false,
        });
        try {
          const applied = await migrate(database);
          process.stdout.write(
            `${url ? `PostgreSQL ${redactUrl(url)}` : `PGlite in ${config.home}`}: ` +
              (applied.length ? `applied ${applied.join(', ')}\n` : 'up to date.\n'),
          );
        } finally {
          await database.close();
        }
      } finally {
        lock?.release();
      }
    });
};

export { Command };
