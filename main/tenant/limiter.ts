// Bounded concurrency: a counting semaphore that every request of a gateway goes through, so a run
// over hundreds of rooms never has more than `limit` requests in flight against a service. The
// engine shares one limiter across all rooms (and may share one between Graph and Exchange). A slot
// is held for one attempt only, not during a retry's wait, so a throttled request does not block
// the others.
import { DeadlineError } from './types.ts';

export interface Limiter {
  readonly limit: number;
  /** Requests holding a slot now. */
  readonly active: number;
  /** Requests waiting for a slot. */
  readonly queued: number;
  /** Runs `task` once a slot is free; a cancelled `signal` takes it out of the queue (DeadlineError). */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Waiter {
  grant: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a limiter needs at least one slot, not ${limit}`);
  let active = 0;
  const waiting: Waiter[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) {
      next.signal?.removeEventListener('abort', next.onAbort);
      next.grant(); // the slot passes straight to the next waiter: `active` stays the same
    } else {
      active--;
    }
  };

  const acquire = (signal: AbortSignal | undefined): Promise<void> => {
    if (signal?.aborted) return Promise.reject(new DeadlineError('cancelled while waiting for a free connection'));
    if (active < limit) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        signal,
        onAbort: () => {
          const index = waiting.indexOf(waiter);
          if (index >= 0) waiting.splice(index, 1);
          reject(new DeadlineError('cancelled while waiting for a free connection'));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      waiting.push(waiter);
    });
  };

  return {
    limit,
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
