import { CreatorFlowError } from '@creatorflow/core';

/**
 * Who may start which MCP server process. A stdio MCP server is a program the
 * run spawns: on a desktop that is the user's own machine and choice, but on a
 * cloud worker it would run as the worker, beside its secrets. So in cloud
 * mode only command lines the operator listed (`CREATORFLOW_MCP_STDIO_ALLOW`)
 * may be spawned; a workspace user can never choose the program.
 */
export interface McpPolicy {
  mode: 'local' | 'cloud';
  /** Exact command lines (`command arg1 arg2`, single spaces) the operator allows in cloud mode. */
  stdioAllow: readonly string[];
}

export interface StdioCommand {
  command?: string;
  args?: readonly string[];
}

/** The command line a stdio server would run, as the allow-list spells it. */
export function stdioCommandLine(server: StdioCommand): string {
  return [server.command ?? '', ...(server.args ?? [])].join(' ').trim();
}

/** Why this stdio server may not be spawned under the policy, or undefined when it may. */
export function stdioRefusal(policy: McpPolicy, server: StdioCommand): string | undefined {
  if (!server.command) return 'a stdio MCP server needs a command';
  if (policy.mode === 'local') return undefined;
  const line = stdioCommandLine(server);
  if (policy.stdioAllow.includes(line)) return undefined;
  return `stdio MCP servers run on the cloud worker, so only commands the operator allows in CREATORFLOW_MCP_STDIO_ALLOW may be used; '${line}' is not one of them (use an http MCP server instead)`;
}

/** Throws MCP_STDIO_NOT_ALLOWED (403) when the policy refuses the command. */
export function assertStdioAllowed(policy: McpPolicy, server: StdioCommand): void {
  const reason = stdioRefusal(policy, server);
  if (reason) throw new CreatorFlowError('MCP_STDIO_NOT_ALLOWED', reason, { status: 403 });
}

/**
 * Variables an MCP child may see: what a program needs to find executables,
 * write temporary files and speak UTF-8 — never the server's own settings
 * (JWT secret, secret key, database and Redis URLs, provider keys).
 */
const CHILD_ENV_NAMES = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE'];

export function mcpChildEnv(parent: Record<string, string | undefined> = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of CHILD_ENV_NAMES) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Parses the operator's allow-list: a JSON array of command lines, or one command line per line. */
export function parseStdioAllow(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  const text = String(value).trim();
  if (text.startsWith('[')) {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('CREATORFLOW_MCP_STDIO_ALLOW must be a JSON array of command lines');
    return parseStdioAllow(parsed);
  }
  return text.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
}
