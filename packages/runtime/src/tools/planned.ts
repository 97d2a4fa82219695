import { z } from 'zod';
import { CreatorFlowError, type ToolDefinition } from '@creatorflow/core';

/**
 * A tool of a domain that is not built yet (tools/registry.ts registers one
 * only when no real tool of that name exists). Declaring it lets graphs that use it
 * validate (with a warning naming who provides it) and makes a run fail at
 * that node with TOOL_UNAVAILABLE — never a made-up result. The real
 * registration (same name, `universal` runtime) replaces this one.
 */
export function plannedTool(name: string, description: string, providedBy: string): ToolDefinition<Record<string, unknown>, unknown> {
  const reason = `not installed yet — ${providedBy} provides it`;
  return {
    name,
    description,
    input: z.record(z.string(), z.unknown()),
    output: z.unknown(),
    runtime: 'universal',
    available: () => ({ available: false, reason }),
    run: async () => {
      throw new CreatorFlowError('TOOL_UNAVAILABLE', `tool '${name}' is ${reason}`, { status: 422 });
    },
  };
}

/**
 * [name, description, who provides it] of each tool a shipped graph may use before its domain exists.
 * None today: every tool the graphs in graphs/ use is real. An entry whose tool became real must go
 * (tool-wiring.test.ts fails on one), else the list says something untrue.
 */
export const PLANNED_TOOLS: ReadonlyArray<readonly [name: string, description: string, providedBy: string]> = [];
