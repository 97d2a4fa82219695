import { Command } from 'commander';
import { systemCommands } from './commands/system.ts';
import { contentCommands } from './commands/content.ts';
import { workspacesCommands } from './commands/workspaces.ts';
import type { CommandModule } from './commands/types.ts';

const MODULES: CommandModule[] = [systemCommands, contentCommands, workspacesCommands];

export function buildProgram(): Command {
  const program = new Command('creatorflow')
    .description('创流 CreatorFlow — AI workbench for content creators')
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const register of MODULES) register(program);
  return program;
}
