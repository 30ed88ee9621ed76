// One retry policy for every request RoomReady sends to Microsoft 365 (Graph and Exchange Online):
// the service's Retry-After is honoured on 429/503, other transient failures back off exponentially
// with full jitter, every wait has a cap, every request a maximum number of attempts, and the whole
// run an overall deadline and a cancellation signal. A request that may have changed something
// (a POST that creates) is never repeated after an ambiguous failure unless the caller says it is
// idempotent: the engine re-reads the tenant instead, which is how duplicates are avoided.
import { TransportError } from './transport.ts';
import { DeadlineError } from './types.ts';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions {
  /** Attempts per request, the first included. Default 6. */
  maxAttempts?: number;
  /** The first backoff ceiling; doubles with every retry. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff wait (full jitter picks uniformly below it). Default 30 s. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the request gives up instead. Default 5 min. */
  maxRetryAfterMs?: number;
  /** One attempt that has not answered after this long is abandoned (an ambiguous failure). Default 2 min. */
  attemptTimeoutMs?: number;
  /** All attempts of one request together, waits included. Default 10 min. */
  requestTimeoutMs?: number;
  /** The run's overall deadline, an instant on `now()`; shared by every request of the run. */
  deadline?: number;
  /** Cancels every wait and every attempt in flight. */
  signal?: AbortSignal;
  /** Injectable for tests: the clock, the sleep and the jitter source. */
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  /** Told before every wait, e.g. to show "throttled by Graph, waiting 3 s". */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  label: string;
  /** The attempt that just failed, from 1. */
  attempt: number;
  delayMs: number;
  reason: string;
}

/** What the caller knows about a request: whether sending it twice does the same as sending it once. */
export interface RequestIntent {
  /** For messages and events, e.g. "GET /users/room@contoso.com"; never a body or a secret. */
  label: string;
  /**
   * true for reads and for writes that set absolute values (PATCH, Set-*): repeating them is harmless,
   * so they are retried after 5xx and connection failures too. false for writes that create
   * something: those are retried only when the service refused them outright (429/503 with
   * Retry-After), never after a connection reset, where they may or may not have been executed.
   */
  idempotent: boolean;
}

/** The parts of an answer the policy looks at. */
export interface RetryableAnswer {
  status: number;
  retryAfter?: string | null;
}

export interface RetryOutcome<T> {
  result: T;
  /** How many attempts were made, the successful or final one included. */
  attempts: number;
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses that mean "refused, not executed" when they come with a Retry-After. */
const REFUSED_STATUSES = new Set([429, 503]);

/** Retry-After as seconds (integer or decimal, as the services send it) or an HTTP date; undefined when unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names a day of the week; anything else Date.parse accepts is not a Retry-After.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

type Decision = { retry: false } | { retry: true; delayMs: number; reason: string };

export class RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly attemptTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly deadline: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 6);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 120_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 600_000;
    this.deadline = options.deadline;
    this.signal = options.signal;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.onRetry = options.onRetry;
  }

  /** The same policy with some options changed (e.g. a run's deadline and signal). */
  with(options: RetryOptions): RetryPolicy {
    return new RetryPolicy({
      maxAttempts: this.maxAttempts,
      baseDelayMs: this.baseDelayMs,
      maxDelayMs: this.maxDelayMs,
      maxRetryAfterMs: this.maxRetryAfterMs,
      attemptTimeoutMs: this.attemptTimeoutMs,
      requestTimeoutMs: this.requestTimeoutMs,
      ...(this.deadline !== undefined ? { deadline: this.deadline } : {}),
      ...(this.signal ? { signal: this.signal } : {}),
      now: this.now,
      sleep: this.sleep,
      random: this.random,
      ...(this.onRetry ? { onRetry: this.onRetry } : {}),
      ...options,
    });
  }

  /** Full jitter: uniformly below min(cap, base * 2^retryIndex). retryIndex 0 is the first retry. */
  backoffMs(retryIndex: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(retryIndex, 30));
    return Math.floor(this.random() * ceiling);
  }

  /** The wait before retrying after an answer, or undefined when the answer is final. */
  decideForAnswer(answer: RetryableAnswer, intent: RequestIntent, attempt: number): Decision {
    if (!RETRYABLE_STATUSES.has(answer.status)) return { retry: false };
    if (attempt >= this.maxAttempts) return { retry: false };
    const retryAfterMs = parseRetryAfter(answer.retryAfter, this.now());
    const refused = REFUSED_STATUSES.has(answer.status) && retryAfterMs !== undefined;
    if (!intent.idempotent && !refused) return { retry: false };
    if (retryAfterMs !== undefined) {
      if (retryAfterMs > this.maxRetryAfterMs) return { retry: false };
      return { retry: true, delayMs: retryAfterMs, reason: `${answer.status} with Retry-After` };
    }
    return { retry: true, delayMs: this.backoffMs(attempt - 1), reason: `${answer.status}` };
  }

  /** After a connection-level failure: only idempotent requests are repeated. */
  decideForFailure(intent: RequestIntent, attempt: number, reason: string): Decision {
    if (!intent.idempotent || attempt >= this.maxAttempts) return { retry: false };
    return { retry: true, delayMs: this.backoffMs(attempt - 1), reason };
  }

  /** The instant after which no request of this policy may wait or start. */
  private effectiveDeadline(requestStartedAt: number): number {
    const perRequest = requestStartedAt + this.requestTimeoutMs;
    return this.deadline === undefined ? perRequest : Math.min(perRequest, this.deadline);
  }

  private throwIfCancelled(label: string): void {
    if (this.signal?.aborted) throw new DeadlineError(`${label}: cancelled`);
  }

  /**
   * Waits `delayMs` before a retry, unless the deadline would pass first or the run is cancelled:
   * both end the wait with DeadlineError (there is no point waiting for an answer nobody will use).
   */
  async wait(delayMs: number, label: string, deadline = this.deadline): Promise<void> {
    this.throwIfCancelled(label);
    if (deadline !== undefined && this.now() + delayMs > deadline) {
      throw new DeadlineError(`${label}: the deadline passes before the next attempt (it would wait ${formatMs(delayMs)})`);
    }
    try {
      await this.sleep(delayMs, this.signal);
    } catch (error) {
      if (this.signal?.aborted) throw new DeadlineError(`${label}: cancelled`);
      throw error;
    }
    this.throwIfCancelled(label);
  }

  /**
   * Runs `attempt` until its answer is final. `attempt` gets a signal that ends this one attempt (the
   * attempt timeout, the deadline or cancellation). Returns the last answer, successful or not (the
   * caller turns a failure into its own error); rethrows a TransportError the policy would not
   * repeat; throws DeadlineError when the deadline or cancellation stops it.
   */
  async run<T>(attempt: (signal: AbortSignal, attemptNumber: number) => Promise<T>, inspect: (result: T) => RetryableAnswer, intent: RequestIntent): Promise<RetryOutcome<T>> {
    const deadline = this.effectiveDeadline(this.now());
    for (let attemptNumber = 1; ; attemptNumber++) {
      this.throwIfCancelled(intent.label);
      const remaining = deadline - this.now();
      if (remaining <= 0) throw new DeadlineError(`${intent.label}: the deadline passed`);

      const controller = new AbortController();
      let timedOutBy: 'attempt' | 'deadline' | undefined;
      const budget = Math.min(this.attemptTimeoutMs, remaining);
      const timer = setTimeout(() => {
        timedOutBy = budget < this.attemptTimeoutMs ? 'deadline' : 'attempt';
        controller.abort(new Error('attempt timed out'));
      }, budget);
      const onCancel = () => controller.abort(this.signal?.reason);
      this.signal?.addEventListener('abort', onCancel, { once: true });

      let decision: Decision;
      let outcome: { result: T } | { error: unknown };
      try {
        const result = await attempt(controller.signal, attemptNumber);
        outcome = { result };
      } catch (error) {
        outcome = { error };
      } finally {
        clearTimeout(timer);
        this.signal?.removeEventListener('abort', onCancel);
      }

      if ('result' in outcome) {
        decision = this.decideForAnswer(inspect(outcome.result), intent, attemptNumber);
        if (!decision.retry) return { result: outcome.result, attempts: attemptNumber };
      } else {
        const { error } = outcome;
        if (this.signal?.aborted) throw new DeadlineError(`${intent.label}: cancelled`);
        if (timedOutBy === 'deadline') throw new DeadlineError(`${intent.label}: the deadline passed while waiting for an answer`);
        const ambiguous =
          error instanceof TransportError
            ? error
            : timedOutBy === 'attempt'
              ? new TransportError(`${intent.label}: no answer after ${formatMs(this.attemptTimeoutMs)}`, intent.label, 'ETIMEDOUT')
              : undefined;
        if (!ambiguous) throw error;
        decision = this.decideForFailure(intent, attemptNumber, ambiguous.code ?? 'connection failure');
        if (!decision.retry) throw ambiguous;
      }

      this.onRetry?.({ label: intent.label, attempt: attemptNumber, delayMs: decision.delayMs, reason: decision.reason });
      await this.wait(decision.delayMs, intent.label, deadline);
    }
  }
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** A policy from options, or the one given. */
export function retryPolicy(retry: RetryPolicy | RetryOptions | undefined): RetryPolicy {
  return retry instanceof RetryPolicy ? retry : new RetryPolicy(retry);
}
