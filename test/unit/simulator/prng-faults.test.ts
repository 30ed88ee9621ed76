// The seeded random streams and the fault injector built on them.
import { describe, expect, it } from 'vitest';
import { FaultInjector, faultRates } from '../../../main/simulator/faults.ts';
import { Prng, randomStreams } from '../../../main/simulator/prng.ts';

describe('Prng', () => {
  it('repeats for the same seed and stream, and differs between streams and seeds', () => {
    const draw = (seed: number, stream: string) => {
      const p = new Prng(seed, stream);
      return Array.from({ length: 20 }, () => p.next());
    };
    expect(draw(1, 'faults')).toEqual(draw(1, 'faults'));
    expect(draw(1, 'faults')).not.toEqual(draw(2, 'faults'));
    expect(draw(1, 'faults')).not.toEqual(draw(1, 'ids'));
    expect(draw(3, 'x').every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('spreads values evenly and makes version-4 UUIDs', () => {
    const p = new Prng(9, 'spread');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(p.next() * 10)]!++;
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
    const ids = new Set(Array.from({ length: 500 }, () => p.uuid()));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps kinds of choice apart: drawing ids does not move the fault sequence', () => {
    const a = randomStreams(4);
    const b = randomStreams(4);
    for (let i = 0; i < 50; i++) b.ids.uuid();
    expect(Array.from({ length: 10 }, () => a.faults.next())).toEqual(Array.from({ length: 10 }, () => b.faults.next()));
  });
});

describe('FaultInjector', () => {
  it('decides at the configured rates', () => {
    const injector = new FaultInjector(new Prng(5, 'faults'), faultRates({ throttleRate: 0.3, faultRate: 0.2, resetRate: 0.1 }));
    const n = 20_000;
    const counts = { none: 0, reset: 0, throttle: 0, fault: 0 };
    for (let i = 0; i < n; i++) counts[injector.decide()]++;
    expect(counts.reset / n).toBeCloseTo(0.1, 1);
    expect(counts.throttle / n).toBeCloseTo(0.9 * 0.3, 1);
    expect(counts.fault / n).toBeCloseTo(0.9 * 0.7 * 0.2, 1);
    const items = { none: 0, throttle: 0, fault: 0 };
    for (let i = 0; i < n; i++) items[injector.decideItem()]++;
    expect(items.throttle / n).toBeCloseTo(0.3, 1);
  });

  it('draws the same amount whatever the outcome, so a seed fixes the n-th request\'s fate', () => {
    const rates = faultRates({ throttleRate: 0.3, faultRate: 0.2, resetRate: 0.1 });
    const a = new FaultInjector(new Prng(6, 'faults'), rates);
    const b = new FaultInjector(new Prng(6, 'faults'), faultRates({ resetRate: 1 }));
    // b resets its first 25 requests while a answers them variously; afterwards both agree again.
    const first = Array.from({ length: 25 }, () => a.decide());
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(Array.from({ length: 25 }, () => b.decide()).every((d) => d === 'reset')).toBe(true);
    b.rates = rates;
    expect(Array.from({ length: 100 }, () => b.decide())).toEqual(Array.from({ length: 100 }, () => a.decide()));
  });

  it('never faults at rate 0 and refuses rates outside 0..1', () => {
    const quiet = new FaultInjector(new Prng(7, 'faults'), faultRates({}));
    expect(Array.from({ length: 1000 }, () => quiet.decide()).every((d) => d === 'none')).toBe(true);
    expect(() => faultRates({ throttleRate: 1.2 })).toThrow(RangeError);
    expect(() => faultRates({ retryAfterSeconds: 0.5 })).toThrow(RangeError);
  });
});
