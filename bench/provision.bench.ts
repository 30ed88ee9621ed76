// bench/provision: `roomready provision` of a fresh teams-online site (create, room lists, Places
// metadata, time zone, licences) against the simulated tenant with 100 ms latency and replication
// lag, against a sequential baseline measured in the same process: one request at a time, rooms one
// after another. Prints time, rooms per minute, requests per room, peak memory and the throughput
// ratio (target: at least 10x the baseline at 200 rooms).
//   npm run bench:provision      (or: node --expose-gc --import tsx bench/provision.bench.ts [rooms])
// The baseline at 200 rooms takes tens of minutes (every request and every replication wait in a
// row): that is the point. For a quick look: `... provision.bench.ts 20` or `--rooms 20`.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runTrial, type TrialResult, type TrialSettings } from './provision-trial.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rooms: { type: 'string' },
    'latency-ms': { type: 'string' },
    'replication-lag-ms': { type: 'string' },
    'engine-only': { type: 'boolean' },
  },
});

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not ${JSON.stringify(value)}`);
  return n;
}

const settings: TrialSettings = {
  rooms: count(values.rooms ?? positionals[0], 'rooms', 200),
  latencyMs: count(values['latency-ms'], '--latency-ms', 100),
  replicationLagMs: count(values['replication-lag-ms'], '--replication-lag-ms', 3_000),
};
if (settings.rooms < 1) throw new Error('rooms must be at least 1');

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function line(result: TrialResult): string {
  const statuses = Object.entries(result.statuses)
    .map(([status, rooms]) => `${rooms} ${status}`)
    .join(', ');
  return [
    `${result.mode.padEnd(8)} ${seconds(result.wallMs)}`,
    `${result.roomsPerMinute.toFixed(1)} rooms/min`,
    `${(result.readsPerRoom + result.writesPerRoom).toFixed(2)} requests/room (${result.readsPerRoom.toFixed(2)} reads, ${result.writesPerRoom.toFixed(2)} writes)`,
    `rooms: ${statuses}`,
    `at most ${result.peakInFlight} request(s) in flight`,
    `peak RSS ${mib(result.peakRssBytes)}, heap ${mib(result.peakHeapBytes)} (the simulated tenant included: same process)`,
  ].join('; ');
}

/** A run that leaves any room short of `passed` does not count: say why and fail. */
function requireFinished(result: TrialResult): void {
  if (result.problems.length === 0) return;
  console.error(`${result.mode}: ${result.problems.length} step(s) did not finish:\n  ${result.problems.slice(0, 10).join('\n  ')}`);
  process.exitCode = 1;
}

console.log(
  `bench/provision: node ${process.version}, ${os.cpus().length} cores; ${settings.rooms} rooms, teams-online create, ` +
    `${settings.latencyMs} ms latency, ${settings.replicationLagMs} ms replication lag${typeof globalThis.gc === 'function' ? '' : ' (run with --expose-gc for cleaner memory figures)'}`,
);
// The engine first: its figures come in seconds, the baseline's in minutes.
const engine = await runTrial('engine', settings);
console.log(line(engine));
requireFinished(engine);
if (!values['engine-only']) {
  const baseline = await runTrial('baseline', settings);
  console.log(line(baseline));
  requireFinished(baseline);
  const requests = (result: TrialResult) => result.readsPerRoom + result.writesPerRoom;
  console.log(
    `throughput ratio engine/baseline ${(baseline.wallMs / engine.wallMs).toFixed(1)}x (target 10x); ` +
      `requests per room ${requests(engine).toFixed(2)} vs ${requests(baseline).toFixed(2)}`,
  );
}
