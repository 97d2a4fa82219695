import type { MethodContext } from '../adapter.ts';

/**
 * A method context over an in-memory secret store for adapter tests against
 * the fake open APIs: records every read (kind, why) the way the vault audits
 * them, and every write (token rotation).
 */
export function memoryContext(o: { platform: string; settings: Record<string, unknown>; secrets: Record<string, Record<string, unknown>> }) {
  const reads: Array<{ kind: string; why: string }> = [];
  const writes: Array<{ kind: string; secret: Record<string, unknown> }> = [];
  const progress: string[] = [];
  let submits = 0;
  const ctx: MethodContext = {
    account: { id: `acc-${o.platform}`, workspaceId: 'ws', platform: o.platform, name: 'main', settings: { oauth: { connected: true }, ...o.settings } },
    readSecret: async (kind, why) => {
      reads.push({ kind, why });
      return o.secrets[kind];
    },
    writeSecret: async (kind, secret) => {
      writes.push({ kind, secret });
      o.secrets[kind] = secret;
    },
    signal: new AbortController().signal,
    beforeSubmit: async () => void (submits += 1),
    progress: (step) => void progress.push(step),
  };
  return { ctx, reads, writes, progress, submits: () => submits };
}
