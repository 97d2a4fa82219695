import type { Command } from 'commander';

/** Adds one domain's commands to the program. */
export type CommandModule = (program: Command) => void;
