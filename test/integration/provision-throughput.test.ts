// bench/provision in small: the engine against the one-request-at-a-time baseline on the same
// fresh site (teams-online create, room lists, Places metadata, time zone, licences), each on a
// fresh simulated tenant with latency and replication lag. A regression in the engine's concurrency
// (rooms or requests in flight) or in its requests per room fails here, not only in the benchmark.
import { describe, expect, it } from 'vitest';
import { runTrial, type TrialResult, type TrialSettings } from '../../bench/provision-trial.ts';

const settings: TrialSettings = {
  rooms: 16,
  latencyMs: 20,
  replicationLagMs: 250,
  // The CLI's wait (5 s between polls) would make this test wait for nothing; the schedule is the same.
  replication: { timeoutMs: 10_000, pollMs: 100 },
};

const requestsPerRoom = (result: TrialResult) => result.readsPerRoom + result.writesPerRoom;

describe('provision throughput', () => {
  it('the engine is several times faster than one request at a time, with no more requests per room', { timeout: 60_000 }, async () => {
    const engine = await runTrial('engine', settings);
    const baseline = await runTrial('baseline', settings);

    // Both finish every room (replication waits included): speed that leaves rooms behind is no speed.
    expect(engine.problems).toEqual([]);
    expect(baseline.problems).toEqual([]);
    expect(engine.statuses).toEqual({ passed: settings.rooms });
    expect(baseline.statuses).toEqual({ passed: settings.rooms });

    // The baseline really is one request at a time; the engine keeps many in flight.
    expect(baseline.peakInFlight).toBe(1);
    expect(engine.peakInFlight).toBeGreaterThanOrEqual(10);

    const ratio = baseline.wallMs / engine.wallMs;
    console.log(
      `provision throughput, ${settings.rooms} rooms at ${settings.latencyMs} ms: engine ${engine.wallMs.toFixed(0)} ms, baseline ${baseline.wallMs.toFixed(0)} ms, ` +
        `ratio ${ratio.toFixed(1)}x; requests per room ${requestsPerRoom(engine).toFixed(2)} vs ${requestsPerRoom(baseline).toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThanOrEqual(5);

    // Working side by side must not cost requests (no races on shared objects, no polling storms).
    expect(requestsPerRoom(engine)).toBeLessThanOrEqual(requestsPerRoom(baseline));
    expect(engine.writesPerRoom).toBeLessThanOrEqual(baseline.writesPerRoom);
  });
});
