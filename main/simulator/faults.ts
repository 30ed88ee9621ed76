// Fault injection for service requests (Graph, Exchange, and each item of a Graph $batch).
// Every decision draws the same number of values from the faults stream, whatever the outcome,
// so the n-th service request meets the same fate for the same seed.
import type { Prng } from './prng.ts';

export interface FaultRates {
  /** Share answered 429 with Retry-After (0 to 1). */
  throttleRate: number;
  /** Share answered 503 with Retry-After (0 to 1). */
  faultRate: number;
  /** Share whose connection is reset without an answer (0 to 1). */
  resetRate: number;
  /** Seconds in Retry-After. */
  retryAfterSeconds: number;
}

export type FaultDecision = 'none' | 'reset' | 'throttle' | 'fault';

function rate(value: number | undefined, name: string): number {
  const r = value ?? 0;
  if (!Number.isFinite(r) || r < 0 || r > 1) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  return r;
}

export function faultRates(options: { throttleRate?: number; faultRate?: number; resetRate?: number; retryAfterSeconds?: number }): FaultRates {
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) throw new RangeError(`retryAfterSeconds must be a whole number of seconds, got ${options.retryAfterSeconds}`);
  return {
    throttleRate: rate(options.throttleRate, 'throttleRate'),
    faultRate: rate(options.faultRate, 'faultRate'),
    resetRate: rate(options.resetRate, 'resetRate'),
    retryAfterSeconds,
  };
}

export class FaultInjector {
  constructor(
    private readonly random: Prng,
    public rates: FaultRates,
  ) {}

  /** For a whole HTTP request: a reset, a 429, a 503, or nothing. */
  decide(): FaultDecision {
    const [reset, throttle, fault] = [this.random.next(), this.random.next(), this.random.next()];
    if (reset < this.rates.resetRate) return 'reset';
    if (throttle < this.rates.throttleRate) return 'throttle';
    if (fault < this.rates.faultRate) return 'fault';
    return 'none';
  }

  /** For one item inside a $batch: there is no connection of its own to reset. */
  decideItem(): Exclude<FaultDecision, 'reset'> {
    const [throttle, fault] = [this.random.next(), this.random.next()];
    if (throttle < this.rates.throttleRate) return 'throttle';
    if (fault < this.rates.faultRate) return 'fault';
    return 'none';
  }
}
