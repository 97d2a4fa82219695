import { describe, expect, it } from 'vitest';
import { lazy, onFirstUse } from './lazy.ts';

describe('lazy', () => {
  it('loads once, on first use, and shares the result', async () => {
    let loads = 0;
    const get = lazy(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
  });

  it('forgets a failed load so the next call tries again', async () => {
    let calls = 0;
    const get = lazy(async () => {
      calls += 1;
      if (calls === 1) throw new Error('transient');
      return 'ok';
    });
    await expect(get()).rejects.toThrow('transient');
    await expect(get()).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});

describe('onFirstUse', () => {
  it('runs the loader only when first called, then returns the same value', () => {
    let loads = 0;
    const get = onFirstUse(() => ({ n: ++loads }));
    expect(loads).toBe(0);
    const a = get();
    expect(get()).toBe(a);
    expect(loads).toBe(1);
  });

  it('tries again after a loader that threw', () => {
    let calls = 0;
    const get = onFirstUse(() => {
      calls += 1;
      if (calls === 1) throw new Error('missing');
      return calls;
    });
    expect(() => get()).toThrow('missing');
    expect(get()).toBe(2);
  });
});
