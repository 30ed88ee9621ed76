// The semaphore every request goes through: never more than `limit` tasks at once, first come
// first served, and a cancelled waiter leaves the queue without taking (or leaking) a slot.
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../main/tenant/limiter.ts';
import { DeadlineError } from '../../../main/tenant/types.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once, in the order they came', async () => {
    const limiter = createLimiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.queued).toBe(3);
    gates[1]!.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('takes a cancelled waiter out of the queue with DeadlineError', async () => {
    const limiter = createLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ranCancelled = false;
    const cancelled = limiter.run(async () => {
      ranCancelled = true;
    }, controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(DeadlineError);
    expect(limiter.queued).toBe(0);
    gate.resolve();
    await first;
    expect(ranCancelled).toBe(false);
    expect(limiter.active).toBe(0);
  });

  it('needs at least one slot', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
