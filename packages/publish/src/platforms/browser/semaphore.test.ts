import { describe, expect, it } from 'vitest';
import { KeyedSemaphores, Semaphore } from './semaphore.ts';

describe('semaphores behind the browser caps', () => {
  it('lets 3 jobs of one user run and makes the others wait in order', async () => {
    const users = new KeyedSemaphores(3);
    const releases = await Promise.all([1, 2, 3].map(() => users.get('u1').acquire()));
    const order: number[] = [];
    const fourth = users.get('u1').acquire().then((r) => (order.push(4), r));
    const fifth = users.get('u1').acquire().then((r) => (order.push(5), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    expect(users.get('u1').waiting).toBe(2);
    expect(users.get('u2').inUse).toBe(0);
    releases[0]!();
    releases[1]!();
    await Promise.all([fourth, fifth]);
    expect(order).toEqual([4, 5]);
  });

  it('gives up waiting when the job is cancelled', async () => {
    const s = new Semaphore(1);
    await s.acquire();
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(s.waiting).toBe(0);
  });
});
