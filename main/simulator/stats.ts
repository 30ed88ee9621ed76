// Request counters. reads/writes count requests a service handler answered (so a request that was
// throttled, failed or reset counts only under throttled/faults/resets); tokens counts every
// request to the token endpoint.
import type { SimulatorStats } from './contract.ts';

export type RequestKind = keyof SimulatorStats;

export class StatsCounter {
  private counts: SimulatorStats = StatsCounter.zero();

  static zero(): SimulatorStats {
    return { reads: 0, writes: 0, tokens: 0, throttled: 0, faults: 0, resets: 0 };
  }

  count(kind: RequestKind): void {
    this.counts[kind]++;
  }

  snapshot(): SimulatorStats {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = StatsCounter.zero();
  }
}
