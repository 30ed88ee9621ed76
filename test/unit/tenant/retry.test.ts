// The retry policy on its own: Retry-After parsing, full-jitter backoff under its cap, which answers
// and failures are repeated for idempotent and non-idempotent requests, attempts, deadline and
// cancellation. Time is injected; nothing here sleeps for real.
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, RetryPolicy } from '../../../main/tenant/retry.ts';
import { TransportError } from '../../../main/tenant/transport.ts';
import { DeadlineError } from '../../../main/tenant/types.ts';
import { fakeTime } from './local-server.ts';

const READ = { label: 'GET /users/x', idempotent: true };
const CREATE = { label: 'POST /users', idempotent: false };

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T09:00:00Z');
  it('reads seconds, decimal seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:59:00 GMT', now)).toBe(0);
  });
  it('ignores what is not a Retry-After', () => {
    for (const value of [undefined, null, '', '-1', 'soon', '2026-03-02']) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('backoff', () => {
  it('is uniformly below a ceiling that doubles and stops at the cap', () => {
    const highest = new RetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 });
    expect([0, 1, 2, 3, 4, 10].map((retry) => highest.backoffMs(retry))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(new RetryPolicy({ random: () => 0 }).backoffMs(5)).toBe(0);
  });
});

describe('decisions', () => {
  const policy = new RetryPolicy({ maxAttempts: 4, random: () => 0.5, baseDelayMs: 1000, maxRetryAfterMs: 60_000, now: () => 0 });
  it('repeats reads after 429, 5xx and 408; not after other 4xx', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) expect(policy.decideForAnswer({ status }, READ, 1).retry).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 501]) expect(policy.decideForAnswer({ status }, READ, 1).retry).toBe(false);
  });
  it('repeats a create only when refused with Retry-After', () => {
    expect(policy.decideForAnswer({ status: 429, retryAfter: '3' }, CREATE, 1)).toEqual({ retry: true, delayMs: 3000, reason: '429 with Retry-After' });
    expect(policy.decideForAnswer({ status: 503, retryAfter: '3' }, CREATE, 1).retry).toBe(true);
    expect(policy.decideForAnswer({ status: 503 }, CREATE, 1).retry).toBe(false);
    expect(policy.decideForAnswer({ status: 500, retryAfter: '3' }, CREATE, 1).retry).toBe(false);
    expect(policy.decideForFailure(CREATE, 1, 'ECONNRESET').retry).toBe(false);
    expect(policy.decideForFailure(READ, 1, 'ECONNRESET').retry).toBe(true);
  });
  it('stops at the last attempt, and when Retry-After is longer than it will wait', () => {
    expect(policy.decideForAnswer({ status: 503 }, READ, 4).retry).toBe(false);
    expect(policy.decideForAnswer({ status: 429, retryAfter: '61' }, READ, 1).retry).toBe(false);
  });
});

describe('run', () => {
  const answers = (...statuses: (number | 'reset')[]) => {
    let index = 0;
    return async () => {
      const next = statuses[Math.min(index++, statuses.length - 1)]!;
      if (next === 'reset') throw new TransportError('POST example: socket hang up', 'https://example', 'ECONNRESET');
      return { status: next };
    };
  };
  const inspect = (answer: { status: number }) => ({ status: answer.status, retryAfter: answer.status === 429 ? '2' : null });

  it('returns the first final answer with the number of attempts', async () => {
    const time = fakeTime();
    const policy = new RetryPolicy({ now: time.now, sleep: time.sleep, random: () => 0.5, baseDelayMs: 100 });
    await expect(policy.run(answers(429, 'reset', 503, 200), inspect, READ)).resolves.toEqual({ result: { status: 200 }, attempts: 4 });
    expect(time.waits).toEqual([2000, 100, 200]);
  });

  it('rethrows a reset of a create at once', async () => {
    const time = fakeTime();
    const policy = new RetryPolicy({ now: time.now, sleep: time.sleep });
    await expect(policy.run(answers('reset', 200), inspect, CREATE)).rejects.toBeInstanceOf(TransportError);
    expect(time.waits).toEqual([]);
  });

  it('gives the last answer back after the maximum attempts', async () => {
    const time = fakeTime();
    const policy = new RetryPolicy({ now: time.now, sleep: time.sleep, maxAttempts: 3 });
    await expect(policy.run(answers(503), inspect, READ)).resolves.toEqual({ result: { status: 503 }, attempts: 3 });
  });

  it('turns a hung attempt into an ambiguous failure after the attempt timeout', async () => {
    const policy = new RetryPolicy({ attemptTimeoutMs: 20, maxAttempts: 2, sleep: async () => undefined });
    let calls = 0;
    const hang = (signal: AbortSignal) => {
      calls++;
      return new Promise<{ status: number }>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    await expect(policy.run(hang, inspect, READ)).rejects.toMatchObject({ name: 'TransportError', code: 'ETIMEDOUT' });
    expect(calls).toBe(2);
  });

  it('ends with DeadlineError once the request’s own time is up', async () => {
    const time = fakeTime();
    const policy = new RetryPolicy({ now: time.now, sleep: time.sleep, requestTimeoutMs: 5000 });
    await expect(policy.run(answers(429), inspect, READ)).rejects.toBeInstanceOf(DeadlineError);
    expect(time.waits).toEqual([2000, 2000]);
  });

  it('does not start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const policy = new RetryPolicy({ signal: controller.signal });
    await expect(
      policy.run(
        async () => {
          calls++;
          return { status: 200 };
        },
        inspect,
        READ,
      ),
    ).rejects.toBeInstanceOf(DeadlineError);
    expect(calls).toBe(0);
  });

  it('keeps its settings when given a run’s deadline and signal', () => {
    const controller = new AbortController();
    const base = new RetryPolicy({ maxAttempts: 9, baseDelayMs: 7 });
    const forRun = base.with({ deadline: 123, signal: controller.signal });
    expect(forRun).toMatchObject({ maxAttempts: 9, baseDelayMs: 7, deadline: 123, signal: controller.signal });
  });
});
