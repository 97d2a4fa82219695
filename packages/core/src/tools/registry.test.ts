import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolRegistry, type ToolDefinition } from './registry.ts';

const tool = (name: string, extra: Partial<ToolDefinition<{ q: string }, string>> = {}): ToolDefinition<{ q: string }, string> => ({
  name,
  description: name,
  input: z.object({ q: z.string() }),
  output: z.string(),
  runtime: 'universal',
  run: async ({ q }) => `${name}:${q}`,
  ...extra,
});
const ctx = { workspaceId: 'ws', runtime: 'local' as const, signal: new AbortController().signal };

describe('ToolRegistry', () => {
  it('prefers the registration for the current runtime over the universal one', async () => {
    const registry = new ToolRegistry().register(tool('search')).register(tool('search', { runtime: 'cloud', run: async () => 'cloud' }));
    const cloud = registry.resolve('search', 'cloud');
    const local = registry.resolve('search', 'local');
    expect(cloud.ok && (await cloud.tool.invoke({ q: 'x' }, ctx))).toBe('cloud');
    expect(local.ok && (await local.tool.invoke({ q: 'x' }, ctx))).toBe('search:x');
  });

  it('uses the fallback when a tool cannot run here', async () => {
    const registry = new ToolRegistry()
      .register(tool('browser_fetch', { runtime: 'local', fallback: 'http_fetch' }))
      .register(tool('http_fetch'));
    const resolution = registry.resolve('browser_fetch', 'cloud');
    expect(resolution.ok && resolution.tool.implementation).toBe('http_fetch@universal');
  });

  it('says why a known tool is unavailable and suggests names for unknown ones', () => {
    const registry = new ToolRegistry().register(tool('save_work', { available: () => ({ available: false, reason: 'the library is not installed' }) }));
    expect(registry.status('save_work', 'local')).toEqual({ available: false, reason: 'the library is not installed' });
    expect(registry.status('save_wrk', 'local')).toBeUndefined();
    const unknown = registry.resolve('save_wrk', 'local');
    expect(!unknown.ok && unknown.reason).toBe("unknown tool 'save_wrk' — did you mean 'save_work'?");
  });

  it('validates input and output with the zod schemas', async () => {
    const registry = new ToolRegistry().register(tool('bad', { run: async () => 42 as unknown as string }));
    const resolved = registry.resolve('bad', 'local');
    if (!resolved.ok) throw new Error('expected a tool');
    await expect(resolved.tool.invoke({ q: 1 }, ctx)).rejects.toThrow(/invalid arguments: q/);
    await expect(resolved.tool.invoke({ q: 'x' }, ctx)).rejects.toThrow(/does not match its output schema/);
  });
});
