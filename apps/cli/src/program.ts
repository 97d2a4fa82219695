import { Command } from 'commander';
import { VERSION } from '@creatorflow/server';
import { systemCommands } from './commands/system.ts';
import { contentCommands } from './commands/content.ts';
import { workspacesCommands } from './commands/workspaces.ts';
import { runtimeCommands } from './commands/runtime.ts';
import { llmCommands } from './commands/llm.ts';
import { publishCommands } from './commands/publish.ts';
import { libraryCommands } from './commands/library.ts';
import { sidecarCommands } from './commands/sidecar.ts';
import { cloudCommands } from './commands/cloud.ts';
import { syncCommands } from './commands/sync.ts';
import { trendsCommands } from './commands/trends.ts';
import { metricsCommands } from './commands/metrics.ts';
import type { CommandModule } from './commands/types.ts';

const MODULES: CommandModule[] = [llmCommands, systemCommands, contentCommands, workspacesCommands, runtimeCommands, publishCommands, libraryCommands, sidecarCommands, cloudCommands, syncCommands, trendsCommands, metricsCommands];

export function buildProgram(): Command {
  const program = new Command('creatorflow')
    .description('创流 CreatorFlow — AI workbench for content creators')
    .version(VERSION, '-v, --version', 'print the version')
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const register of MODULES) register(program);
  return program;
}
