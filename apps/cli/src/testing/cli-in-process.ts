import { vi } from 'vitest';
import { Command } from 'commander';
import type { CommandModule } from '../commands/types.ts';

/**
 * Test helper: runs one CLI command in this process against `home` (the client
 * talks to a running server there, or opens a private one) and returns what it printed.
 */
export async function runInProcess(commands: CommandModule, home: string, ...args: string[]): Promise<string> {
  const program = new Command('creatorflow').exitOverride();
  commands(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'creatorflow', ...args, '--home', home]);
  } finally {
    spy.mockRestore();
  }
  return out;
}
