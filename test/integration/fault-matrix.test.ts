// The fault matrix of live provisioning (issue 3, §3 and §7): a site of ten new Teams Rooms
// (teams-online, create, two room lists, a licence each) provisioned against the simulated tenant
//   1. through storms of 429s (Retry-After 0 and 1 s), 503s, connection resets and a mix, at rates
//      the retry policy's default attempts get through; then beyond that budget (half the requests
//      refused; an outage mid-run), where runs may fail rooms but repeated runs converge;
//   2. by the real CLI in a child process killed with SIGKILL at seeded points, five times in a row
//      (and a journal line torn as a crash mid-append leaves it), then resumed until it finishes;
//   3. with the engine's signal aborted mid-run;
//   4. through a replication lag longer than the replication timeout, with faults.
// Every case ends with the same proof, read from the simulator's own state and again through the
// validation checks: one user and one room mailbox per UPN and nothing else added, every property
// as the site wants it, one licence unit per room, each room in its list once; and a later run
// over the finished site writes nothing. FAULT_MATRIX_VERBOSE=1 prints what each case met.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validateRooms } from '../../main/checks/validate.ts';
import { provisionSite, type ProvisionResult } from '../../main/provision/engine.ts';
import { Journal } from '../../main/provision/journal.ts';
import type { StepOutcome } from '../../main/provision/types.ts';
import { TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { startSimulator, type RunningSimulator, type SimulatorOptions, type TenantSnapshot } from '../../main/simulator/index.ts';
import { Prng } from '../../main/simulator/prng.ts';
import { readSecretVault } from '../../main/workspace/secret-vault.ts';
import type { Site } from '../../shared/model.ts';
import {
  connectForStorm,
  desiredStateProblems,
  extraObjects,
  faultRooms,
  faultSite,
  journalLines,
  LICENSE,
  roomSignsIn,
  roomsCsv,
  type StormConnection,
} from '../support/fault-matrix.ts';

const ROOMS = 10;
const PASSWORD = 'Practice-Password-42!';
const passwordFor = async () => PASSWORD;
/** Replication waits for a site whose Entra accounts appear (almost) at once. */
const REPLICATION = { timeoutMs: 3_000, pollMs: 20 };
const VERBOSE = process.env.FAULT_MATRIX_VERBOSE === '1';

let simulator: RunningSimulator | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await simulator?.stop();
  simulator = undefined;
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A simulated tenant with the sample data and enough Teams Rooms Pro units for the site. */
async function tenant(options: SimulatorOptions): Promise<RunningSimulator> {
  simulator = await startSimulator(options);
  simulator.tenant.setSku(LICENSE, { prepaidUnits: 40 });
  return simulator;
}

const notDone = (rooms: ProvisionResult['rooms']) =>
  rooms.flatMap((room) => room.steps).filter((step) => step.status !== 'changed' && step.status !== 'passed').map((step) => `${step.room} ${step.step}: ${step.status}: ${step.message}`);

function provision(connection: StormConnection, site: Site, extra: Partial<Parameters<typeof provisionSite>[0]> = {}) {
  return provisionSite({ site, graph: connection.graph, exchange: connection.exchange, passwordFor, replication: REPLICATION, ...extra });
}

/** The site is in the tenant exactly as wanted, and nothing else was added. */
async function expectDesiredState(sim: RunningSimulator, site: Site, before: TenantSnapshot): Promise<void> {
  const after = sim.tenant.snapshot();
  expect(desiredStateProblems(after, site)).toEqual([]);
  expect(extraObjects(before, after, site)).toEqual([]);
  // The validation checks (main/checks), a second reader of the same state through the gateways.
  const faults = sim.tenant.faults();
  sim.tenant.setFaults({ throttleRate: 0, faultRate: 0, resetRate: 0 });
  // The sample's MFA policy excludes the "Teams Rooms" group: the admin adds the new rooms to it, as
  // preflight's conditional-access finding asks (validation fails the check until then).
  for (const room of site.rooms) sim.tenant.addGroupMember(TEAMS_ROOMS_GROUP, room.upn);
  const report = await validateRooms(await connectForStorm(sim), site);
  sim.tenant.setFaults(faults);
  // Graph does not return forceChangePasswordNextSignIn: unknown, never passed (checks.test.ts).
  const undecidable = new Set(['account.no-forced-change']);
  const problems = report.rooms.flatMap((room) => room.results.filter((result) => result.status !== 'passed' && !(result.status === 'unknown' && undecidable.has(result.id))).map((result) => `${room.upn} ${result.id}: ${result.status}: ${result.message}`));
  expect(problems).toEqual([]);
  expect(report.rooms).toHaveLength(site.rooms.length);
}

// ---------------------------------------------------------------------------------------------
// 1. Storms
//
// The retry policy's default is 6 attempts per request: a request fails when all 6 meet a fault,
// probability p^6 for a fault rate p. A run of this site makes about N = 220 requests, so it loses
// a room with probability about N·p^6: 0.07 % at p = 0.12, 0.25 % at 0.15, 5 % at 0.25, 16 % at
// 0.30 (measured while this was written: 3 of 60 runs at 0.25; 2 of about 200 at 0.15; none of
// 40 at 0.12). So the storms below refuse 12 % of requests (one in eight: the simulator refuses
// about 30 per run, some requests two or three times in a row) and a run must still finish;
// beyond that budget (50 %), runs may fail rooms and repeated runs must converge instead.
// The fault stream is seeded; which request meets which fault follows their order of arrival,
// which concurrency can vary, so the seed fixes the rates and the stream rather than every fate.
// Waits keep their kind but are short: backoff ceilings of a few ms, and Retry-After slept 50×
// faster (the policy's own decision, 1000 ms, is checked in `retries`).

interface Storm extends Pick<SimulatorOptions, 'throttleRate' | 'faultRate' | 'resetRate' | 'retryAfterSeconds'> {
  name: string;
  seed: number;
}

const STORMS: Storm[] = [
  { name: '429s with Retry-After: 0', seed: 101, throttleRate: 0.12, retryAfterSeconds: 0 },
  { name: '429s with Retry-After: 1', seed: 102, throttleRate: 0.12, retryAfterSeconds: 1 },
  { name: '503s with Retry-After: 1', seed: 103, faultRate: 0.12, retryAfterSeconds: 1 },
  { name: 'connection resets', seed: 104, resetRate: 0.12 },
  { name: 'a mix of 429s, 503s and resets', seed: 105, throttleRate: 0.05, faultRate: 0.04, resetRate: 0.04, retryAfterSeconds: 1 },
];

describe('storms: every room passes, once, as wanted', () => {
  it.each(STORMS)('$name', async ({ name, seed, ...rates }) => {
    const sim = await tenant({ seed, replicationLagMs: 30 });
    const site = faultSite(faultRooms(ROOMS, `mtr-storm${seed}`));
    const before = sim.tenant.snapshot();
    const connection = await connectForStorm(sim);
    sim.tenant.setFaults(rates);

    const result = await provision(connection, site);
    const stats = sim.stats();
    const attempts = stats.reads + stats.writes + stats.throttled + stats.faults + stats.resets;
    if (VERBOSE) console.log(`${name}: ${JSON.stringify(stats)}, ${connection.retries.length} retries, lost writes ${JSON.stringify(connection.lostWrites)}`);

    expect(notDone(result.rooms)).toEqual([]);
    expect(result.rooms.map((room) => room.status)).toEqual(site.rooms.map(() => 'passed'));
    await expectDesiredState(sim, site, before);

    // It was a storm: the simulator refused about the share it was asked to (at least half the
    // expected count; the injector tries a reset first, then a 429, then a 503), every kind asked
    // for happened, and the policy retried each refusal, waiting what the service asked for.
    const [reset, throttle, fault] = [rates.resetRate ?? 0, rates.throttleRate ?? 0, rates.faultRate ?? 0];
    const expected = (reset + (1 - reset) * throttle + (1 - reset) * (1 - throttle) * fault) * attempts;
    expect(stats.resets + stats.throttled + stats.faults, `${JSON.stringify(stats)}, ${Math.round(expected)} expected`).toBeGreaterThan(expected / 2);
    expect([stats.resets > 0, stats.throttled > 0, stats.faults > 0]).toEqual([reset > 0, throttle > 0, fault > 0]);
    expect(stats.reads + stats.writes).toBeGreaterThan(200);
    const afterRetryAfter = connection.retries.filter((retry) => retry.reason.endsWith('with Retry-After'));
    expect(afterRetryAfter.length).toBe(stats.throttled + stats.faults);
    expect(new Set(afterRetryAfter.map((retry) => retry.delayMs))).toEqual(new Set(afterRetryAfter.length > 0 ? [(rates.retryAfterSeconds ?? 1) * 1000] : []));
    if (rates.resetRate) {
      // Resets hit writes too, the ambiguous case: the engine looked before writing again.
      expect(connection.lostWrites.length).toBeGreaterThan(0);
    }

    // A second run in the same storm reads, finds everything done and writes nothing.
    connection.counts.writes = 0;
    const again = await provision(connection, site);
    expect(notDone(again.rooms)).toEqual([]);
    expect(again.rooms.flatMap((room) => room.steps).every((step) => step.status === 'passed')).toBe(true);
    expect(connection.counts.writes).toBe(0);
  });
});

describe('beyond the retry budget: faults that exhaust it', () => {
  it('half the requests refused: rooms fail only by exhausted retries, nothing is ever made twice, and repeated runs converge on the desired state', async () => {
    const sim = await tenant({ seed: 106, replicationLagMs: 30, throttleRate: 0.5, resetRate: 0.05, retryAfterSeconds: 0 });
    const site = faultSite(faultRooms(ROOMS, 'mtr-beyond'));
    const before = sim.tenant.snapshot();
    const connection = await connectForStorm(sim);
    const history: string[] = [];
    for (let run = 1; ; run++) {
      const result = await provision(connection, site);
      const failed = result.rooms.flatMap((room) => room.steps).filter((step) => step.status === 'failed');
      history.push(`run ${run}: ${failed.length} step(s) failed (${failed.map((step) => step.step).join(', ')}), ${result.rooms.filter((room) => room.status === 'passed').length} room(s) passed`);
      // What failed ran out of attempts (or of connections), and nothing else went wrong.
      expect(failed.filter((step) => !/gave up after 6 attempts|other side closed|socket/i.test(step.message)).map((step) => `${step.room} ${step.step}: ${step.message}`)).toEqual([]);
      expect(notDone(result.rooms).filter((line) => !/: (failed|skipped): /.test(line))).toEqual([]);
      // Never a duplicate, not even half-way.
      const snapshot = sim.tenant.snapshot();
      for (const room of site.rooms) {
        const upn = room.upn.toLowerCase();
        expect(snapshot.users.filter((user) => user.userPrincipalName.toLowerCase() === upn).length, room.upn).toBeLessThanOrEqual(1);
        expect(snapshot.mailboxes.filter((mailbox) => mailbox.primarySmtpAddress.toLowerCase() === upn).length, room.upn).toBeLessThanOrEqual(1);
        expect(snapshot.roomLists.flatMap((list) => list.members).filter((member) => member.toLowerCase() === upn).length, room.upn).toBeLessThanOrEqual(1);
      }
      expect(snapshot.roomLists.length).toBeLessThanOrEqual(before.roomLists.length + 2);
      // Each run rereads every room, so even a finished site loses a read or two to the storm in
      // most runs: what must converge is the tenant, which a room keeps once its writes are done.
      if (desiredStateProblems(snapshot, site).length === 0) break;
      // Each attempt has even odds, so how many runs it takes varies with the order requests meet
      // the storm (which the machine's load changes): the bound is about convergence, not speed.
      expect(run, history.join('\n')).toBeLessThan(10);
    }
    if (VERBOSE) console.log(`beyond the budget: ${history.join('; ')}; ${JSON.stringify(sim.stats())}`);
    expect(sim.stats().throttled).toBeGreaterThan(sim.stats().reads);
    await expectDesiredState(sim, site, before);
    // The storm over, a run over the finished site writes nothing.
    sim.tenant.setFaults({ throttleRate: 0, resetRate: 0 });
    connection.counts.writes = 0;
    expect(notDone((await provision(connection, site)).rooms)).toEqual([]);
    expect(connection.counts.writes).toBe(0);
  });

  it('an outage mid-run (every request 503) fails only the steps caught in it; the rest of the run and a re-run finish', async () => {
    const sim = await tenant({ seed: 107, replicationLagMs: 30, retryAfterSeconds: 0 });
    const site = faultSite(faultRooms(ROOMS, 'mtr-outage'));
    const before = sim.tenant.snapshot();
    const connection = await connectForStorm(sim);
    // Rooms one at a time, so that the outage catches one room. It starts with the first licence
    // step (whose first request is the run's first read of the subscriptions) and ends when that
    // step has given up.
    const running = new Set<string>();
    const caught = new Set<string>();
    let outage: 'before' | 'on' | 'after' = 'before';
    let trigger = '';
    const result = await provision(connection, site, {
      concurrency: 1,
      onEvent: (event) => {
        if (event.type === 'step-started') {
          running.add(`${event.room} ${event.step}`);
          if (outage === 'before' && event.step === 'entra.license') {
            outage = 'on';
            trigger = event.room;
            sim.tenant.setFaults({ faultRate: 1 });
          }
          if (outage === 'on') for (const key of running) caught.add(key);
        } else if (event.type === 'step-finished') {
          running.delete(`${event.outcome.room} ${event.outcome.step}`);
          if (outage === 'on' && event.outcome.step === 'entra.license' && event.outcome.room === trigger) {
            outage = 'after';
            sim.tenant.setFaults({ faultRate: 0 });
          }
        }
      },
    });
    expect(outage).toBe('after');
    const failed = result.rooms.flatMap((room) => room.steps).filter((step) => step.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((step) => !caught.has(`${step.room} ${step.step}`)).map((step) => `${step.room} ${step.step}: ${step.message}`)).toEqual([]);
    // Only the room caught in it; the subscriptions are read again for the rooms after it.
    expect(result.rooms.filter((room) => room.status !== 'passed').map((room) => room.upn)).toEqual([trigger]);
    const again = await provision(connection, site);
    expect(notDone(again.rooms)).toEqual([]);
    await expectDesiredState(sim, site, before);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The real CLI, killed at seeded points, then resumed

const BIN = fileURLToPath(new URL('../../bin/roomready.mjs', import.meta.url));
const PASSPHRASE = 'fault-matrix-passphrase-2468';

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Simulator writes answered while this process ran (until its kill or its end). */
  writes: number;
}

/** Runs `roomready` in a child process; with `kill`, SIGKILLs it once `kill.when()` holds, after a further delay. */
async function roomready(sim: RunningSimulator, cwd: string, args: string[], kill?: { when: () => boolean; delayMs: number }): Promise<CliRun> {
  const base = sim.stats().writes;
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ROOMREADY_PASSPHRASE: PASSPHRASE }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let closed = false;
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      closed = true;
      resolve({ code, signal });
    }),
  );
  let writesAtKill: number | undefined;
  if (kill) {
    while (!closed && !kill.when()) await sleep(1);
    if (!closed) {
      await sleep(kill.delayMs);
      writesAtKill = sim.stats().writes - base;
      child.kill('SIGKILL');
    }
  }
  const { code, signal } = await done;
  return { code, signal, stdout, stderr, writes: writesAtKill ?? sim.stats().writes - base };
}

/** How many write requests the site takes when nothing goes wrong: the same engine, in process, on a tenant of its own. */
async function writesToProvision(site: Site, options: SimulatorOptions): Promise<number> {
  const calibration = await startSimulator(options);
  try {
    calibration.tenant.setSku(LICENSE, { prepaidUnits: 40 });
    const connection = await connectForStorm(calibration);
    expect(notDone((await provision(connection, site)).rooms)).toEqual([]);
    return connection.counts.writes;
  } finally {
    await calibration.stop();
  }
}

describe('killed at random points, then resumed: the real CLI', () => {
  it('five SIGKILLs during the work, then a run that finishes: no duplicate, no lost room, the desired state, and a last run that writes nothing', async () => {
    const sim = await tenant({ seed: 201, latencyMs: 20, replicationLagMs: 300, deviceCodeIntervalSeconds: 0 });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-fault-matrix-'));
    const site = faultSite(faultRooms(ROOMS, 'mtr-killed'));
    fs.writeFileSync(path.join(scratch, 'rooms.csv'), roomsCsv(site.rooms));
    const journalPath = path.join(scratch, 'rooms.journal.jsonl');
    const args = ['provision', 'rooms.csv', '--simulator', sim.url, '--journal', 'rooms.journal.jsonl', '--passwords', 'rooms.vault', '--replication-timeout', '10', '--json'];
    const before = sim.tenant.snapshot();

    // Seeded kill points spread over the work: the k-th kill once the site's writes so far (all
    // processes together) pass a point drawn in the k-th sixth of what the site takes, plus 0 to
    // 19 ms. A resumed process redoes a little (the request in flight when its predecessor died),
    // so the writes so far only run ahead of the progress: every point is reached before the end.
    const total = await writesToProvision(site, { seed: 201, replicationLagMs: 300 });
    const siteBase = sim.stats().writes;
    const random = new Prng(201, 'kills');
    const landings: string[] = [`the site takes ${total} writes`];
    let journalText = '';
    for (let kill = 1; kill <= 5; kill++) {
      const soFar = sim.stats().writes - siteBase;
      const at = Math.max(soFar + 2, Math.floor((total * (kill - 1 + 0.2 + 0.6 * random.next())) / 6));
      const point = { when: () => sim.stats().writes - siteBase >= at, delayMs: random.int(20) };
      const run = await roomready(sim, scratch, args, point);
      const text = fs.readFileSync(journalPath, 'utf8');
      const steps = journalLines(text).filter((line) => line.type === 'step');
      landings.push(`kill ${kill} at site write ${at} (+${point.delayMs} ms), after ${run.writes} writes of its own: ${steps.length} steps journalled, the last ${steps.at(-1)?.room} ${steps.at(-1)?.step} ${steps.at(-1)?.status}`);
      // Killed while working: the process did not finish on its own, and it had written.
      expect(run.signal, `${landings.join('\n')}\n${run.stderr}`).toBe('SIGKILL');
      expect(run.writes).toBeGreaterThanOrEqual(2);
      // Append-only: what earlier processes journalled is still there, byte for byte; and it opens.
      expect(text.startsWith(journalText)).toBe(true);
      expect(text.length).toBeGreaterThan(journalText.length);
      expect(() => Journal.open(journalPath)).not.toThrow();
      journalText = text;
      if (kill === 3) {
        // A crash in the middle of an append (power lost while a line is written; a SIGKILL does not
        // cut a write short) leaves a torn last line. The next process must cut it off rather than
        // append after it; every complete line must still parse (journalLines) and open.
        const last = text.trimEnd().split('\n').at(-1)!;
        fs.appendFileSync(journalPath, last.slice(0, Math.floor(last.length / 2)));
        landings.push('  (last journal line torn here)');
      }
      // Never a duplicate, even between two kills.
      for (const room of site.rooms) {
        const upn = room.upn.toLowerCase();
        const snapshot = sim.tenant.snapshot();
        expect(snapshot.users.filter((user) => user.userPrincipalName.toLowerCase() === upn).length, room.upn).toBeLessThanOrEqual(1);
        expect(snapshot.mailboxes.filter((mailbox) => mailbox.primarySmtpAddress.toLowerCase() === upn).length, room.upn).toBeLessThanOrEqual(1);
      }
    }
    if (VERBOSE) console.log(landings.join('\n'));

    const final = await roomready(sim, scratch, args);
    expect(final.code, final.stderr).toBe(0);
    const result = JSON.parse(final.stdout) as { rooms: Array<{ upn: string; status: string; steps: Array<{ id: string; status: string }> }>; requests: { writes: number } };
    expect(result.rooms.map((room) => `${room.upn}: ${room.status}`)).toEqual(site.rooms.map((room) => `${room.upn}: passed`));

    // One run, resumed by every process after the first, finished by the last.
    const lines = journalLines(fs.readFileSync(journalPath, 'utf8'));
    const started = lines.filter((line) => line.type === 'run-started');
    expect(started).toHaveLength(1);
    expect(final.stderr).toContain(`Resumed the interrupted run ${started[0]!.run}`);
    expect(lines.filter((line) => line.type === 'run-finished').map((line) => line.run)).toEqual([started[0]!.run]);
    // Finished work was not done again: no step reached its state twice in the run.
    const finished = new Map<string, number>();
    for (const line of lines) if (line.type === 'step' && (line.status === 'passed' || line.status === 'changed')) finished.set(`${line.room} ${line.step}`, (finished.get(`${line.room} ${line.step}`) ?? 0) + 1);
    expect([...finished].filter(([, count]) => count > 1)).toEqual([]);
    expect(finished.size).toBe(result.rooms.reduce((sum, room) => sum + room.steps.length, 0));

    await expectDesiredState(sim, site, before);
    // The passwords kept in the vault are the ones the rooms have: each console can sign in with its own.
    const vault = await readSecretVault(path.join(scratch, 'rooms.vault'), PASSPHRASE);
    expect(Object.keys(vault).map((upn) => upn.toLowerCase()).sort()).toEqual(site.rooms.map((room) => room.upn.toLowerCase()).sort());
    for (const room of site.rooms) {
      expect(await roomSignsIn(sim, room.upn, vault[room.upn]!), room.upn).toEqual({ ok: true });
    }

    // A last run over the finished site: a new run, reads only.
    const writesBefore = sim.stats().writes;
    const last = await roomready(sim, scratch, args);
    expect(last.code, last.stderr).toBe(0);
    const lastResult = JSON.parse(last.stdout) as typeof result;
    expect(lastResult.requests.writes).toBe(0);
    expect(lastResult.rooms.flatMap((room) => room.steps).every((step) => step.status === 'passed')).toBe(true);
    expect(sim.stats().writes).toBe(writesBefore);
    expect(last.stderr).not.toContain('Resumed');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// 3. Cancellation

describe('cancellation: aborting the signal stops the run at once, and a later run completes', () => {
  // wired: the signal also reaches the connection's retry policy (waits and requests in flight are
  // cut short); engine only: as `roomready provision` does on Ctrl+C, where only the engine knows.
  it.each([
    { wiring: 'engine and connection', wired: true, seed: 301, throttleRate: 0.15, retryAfterSeconds: 1 },
    { wiring: 'engine only', wired: false, seed: 302, throttleRate: 0, retryAfterSeconds: 0 },
  ])('signal given to the $wiring', async ({ wired, seed, throttleRate, retryAfterSeconds }) => {
    const sim = await tenant({ seed, latencyMs: 15, replicationLagMs: 30, throttleRate, retryAfterSeconds });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-fault-matrix-'));
    const journalPath = path.join(scratch, 'site.journal.jsonl');
    const site = faultSite(faultRooms(ROOMS, `mtr-cancel${seed}`));
    const before = sim.tenant.snapshot();
    const controller = new AbortController();
    // Retry-After slept as asked (compress 1): a cancelled run must not sit out a 1 s wait.
    const connection = await connectForStorm(sim, { compress: 1, ...(wired ? { signal: controller.signal } : {}) });

    // Abort in the middle of the work: once a third of the site's writes have left.
    let abortedAt = 0;
    const run = provision(connection, site, {
      journal: Journal.open(journalPath),
      signal: controller.signal,
      onEvent: () => {
        if (abortedAt === 0 && connection.writeTimes.length >= 30) {
          abortedAt = performance.now();
          controller.abort(new Error('stopped by the test'));
        }
      },
    });
    await expect(run).rejects.toThrow();
    const stoppedAfterMs = performance.now() - abortedAt;
    expect(abortedAt).toBeGreaterThan(0);
    const writesAtAbort = connection.writeTimes.filter((time) => time <= abortedAt).length;
    // Let anything still running in the background show itself.
    await sleep(1_500);
    const lateWrites = connection.writeTimes.filter((time) => time > abortedAt).length;
    if (VERBOSE) console.log(`cancel (${wired ? 'wired' : 'engine only'}): stopped ${Math.round(stoppedAfterMs)} ms after the abort, ${writesAtAbort} writes before, ${lateWrites} after; ${JSON.stringify(sim.stats())}`);
    expect(lateWrites).toBe(0);
    expect(stoppedAfterMs).toBeLessThan(wired ? 250 : 500);
    expect(sim.stats().writes).toBeLessThanOrEqual(writesAtAbort);
    // It stopped part-way: some rooms are not finished.
    expect(desiredStateProblems(sim.tenant.snapshot(), site).length).toBeGreaterThan(0);

    // A later run (a new connection, no signal) resumes from the journal and completes.
    const later = await provision(await connectForStorm(sim), site, { journal: Journal.open(journalPath) });
    expect(later.run?.resumed).toBe(true);
    expect(notDone(later.rooms)).toEqual([]);
    expect(later.rooms.flatMap((room) => room.steps).some((step: StepOutcome) => step.fromJournal)).toBe(true);
    await expectDesiredState(sim, site, before);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Replication lag longer than the replication timeout, with faults

describe('replication lag with faults', () => {
  it('Graph steps end pending, never failed, also in a second run while the lag lasts; after flushReplication a run completes', async () => {
    const sim = await tenant({ seed: 401, replicationLagMs: 10 * 60_000, throttleRate: 0.1, resetRate: 0.05, retryAfterSeconds: 0 });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-fault-matrix-'));
    const journalPath = path.join(scratch, 'site.journal.jsonl');
    const site = faultSite(faultRooms(ROOMS, 'mtr-lagging'));
    const before = sim.tenant.snapshot();
    const connection = await connectForStorm(sim);
    const short = { timeoutMs: 150, pollMs: 20 };

    for (const attempt of ['first run', 'second run, still lagging']) {
      const result = await provision(connection, site, { journal: Journal.open(journalPath), replication: short });
      for (const room of result.rooms) {
        const statuses = Object.fromEntries(room.steps.map((step) => [step.step, step.status]));
        expect(room.steps.filter((step) => step.status === 'failed' || step.status === 'skipped').map((step) => `${attempt}: ${step.room} ${step.step}: ${step.message}`)).toEqual([]);
        expect(room.status, attempt).toBe('pending');
        expect(statuses['exchange.room-mailbox'], attempt).toMatch(/^(changed|passed)$/);
        expect(statuses['exchange.calendar-processing'], attempt).toMatch(/^(changed|passed)$/);
        for (const graphStep of ['entra.sign-in', 'entra.password-never-expires', 'entra.usage-location', 'entra.license']) expect(statuses[graphStep], `${attempt} ${graphStep}`).toBe('pending');
      }
    }
    // Nothing reached Entra ID yet, and nothing was created twice.
    const lagging = sim.tenant.snapshot();
    expect(lagging.skus.find((sku) => sku.skuPartNumber === LICENSE)!.consumedUnits).toBe(before.skus.find((sku) => sku.skuPartNumber === LICENSE)!.consumedUnits);
    expect(lagging.mailboxes.length).toBe(before.mailboxes.length + ROOMS);

    sim.tenant.flushReplication();
    const done = await provision(connection, site, { journal: Journal.open(journalPath) });
    expect(notDone(done.rooms)).toEqual([]);
    await expectDesiredState(sim, site, before);
    const stats = sim.stats();
    expect(stats.throttled).toBeGreaterThan(0);
    expect(stats.resets).toBeGreaterThan(0);
  });
});
