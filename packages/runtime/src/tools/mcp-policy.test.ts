import { describe, expect, it } from 'vitest';
import { assertStdioAllowed, mcpChildEnv, parseStdioAllow, stdioRefusal } from './mcp-policy.ts';

const cloud = { mode: 'cloud' as const, stdioAllow: ['npx -y @modelcontextprotocol/server-everything'] };

describe('MCP stdio policy', () => {
  it('lets a local install run the user\'s own command', () => {
    expect(stdioRefusal({ mode: 'local', stdioAllow: [] }, { command: 'bash', args: ['-c', 'id'] })).toBeUndefined();
  });

  it('refuses in cloud mode any command line that is not allowed exactly', () => {
    expect(stdioRefusal(cloud, { command: 'bash', args: ['-c', 'env'] })).toMatch(/CREATORFLOW_MCP_STDIO_ALLOW/);
    // The same program with other arguments is another command.
    expect(stdioRefusal(cloud, { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything', '--evil'] })).toMatch(/not one of them/);
    expect(stdioRefusal(cloud, { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] })).toBeUndefined();
  });

  it('answers 403 MCP_STDIO_NOT_ALLOWED when it refuses', () => {
    expect(() => assertStdioAllowed(cloud, { command: 'sh' })).toThrow(expect.objectContaining({ code: 'MCP_STDIO_NOT_ALLOWED', status: 403 }));
  });

  it('gives the child only the variables it needs, never the server\'s settings', () => {
    const env = mcpChildEnv({ PATH: '/usr/bin', HOME: '/home/u', LANG: 'zh_CN.UTF-8', CREATORFLOW_JWT_SECRET: 's', DATABASE_URL: 'postgres://', REDIS_URL: 'redis://', DEEPSEEK_API_KEY: 'sk' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/u', LANG: 'zh_CN.UTF-8' });
  });

  it('reads the allow-list as a JSON array or one command line per line', () => {
    expect(parseStdioAllow('["node /opt/a.js", "uvx mcp-server-time"]')).toEqual(['node /opt/a.js', 'uvx mcp-server-time']);
    expect(parseStdioAllow('node  /opt/a.js\n\nuvx mcp-server-time\n')).toEqual(['node /opt/a.js', 'uvx mcp-server-time']);
    expect(parseStdioAllow(undefined)).toEqual([]);
    expect(() => parseStdioAllow('["node /opt/a.js"')).toThrow();
  });
});
