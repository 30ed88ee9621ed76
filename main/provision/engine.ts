// Provisioning a site: every room's plan (shared/plan.ts), step by step, with ensure semantics
// (live-steps.ts). Rooms run side by side up to a bound; a room's steps run in order. A failed step
// stops the rest of that room; a step waiting for replication makes the rest of the room wait too.
// With a journal, a run that was killed resumes where it stopped, without repeating finished steps.
import type { Site } from '../../shared/model.ts';
import { planRoom, type RoomPlan, type Step } from '../../shared/plan.ts';
import { scriptFileName } from '../../shared/powershell.ts';
import type { ExchangeGateway, GraphGateway } from '../tenant/types.ts';
import type { Journal } from './journal.ts';
import { runLiveStep, SkuLedger, type LiveContext } from './live-steps.ts';
import { createLimiter, type Limiter } from '../tenant/limiter.ts';
import { realSleep } from '../tenant/retry.ts';
import { DEFAULT_SCRIPT_CONCURRENCY, ON_PREMISES_RUNTIMES, runPhaseWithPowerShell, type PowerShellSetup } from './powershell-phase.ts';
import { GroupLedger } from './group-ledger.ts';
import { RoomListLedger } from './room-list-ledger.ts';
import { roomStatus, type ProvisionEvent, type RoomOutcome, type StepOutcome } from './types.ts';

export interface ProvisionOptions {
  /** Only the rooms that passed validation. */
  site: Site;
  graph: GraphGateway;
  exchange: ExchangeGateway;
  /** Read and compare only (preflight's change plan). No journal is written. */
  dryRun?: boolean;
  journal?: Journal;
  /** Rooms worked on at the same time. Default 64 (DEFAULT_CONCURRENCY). */
  concurrency?: number;
  passwordFor(upn: string): Promise<string>;
  replication?: { timeoutMs: number; pollMs: number };
  /**
   * Where PowerShell exists (an admin machine on the domain): the on-premises phases (Active
   * Directory, Exchange Server, Skype for Business Server) run through it, a room's phase at a time.
   * Without it they are reported as manual, with the script to run.
   */
  powershell?: PowerShellSetup;
  onEvent?(event: ProvisionEvent): void;
  signal?: AbortSignal;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface ProvisionResult {
  rooms: RoomOutcome[];
  /** The journal run this was (absent for a dry run). */
  run?: { id: string; resumed: boolean };
}

/**
 * A room spends most of its time waiting: for answers (its steps read, write and read back, one
 * request at a time) and for replication (a new room sleeps between polls longer than it talks).
 * The connection's limiter, not this number, bounds the requests in flight (16 by default), so it
 * takes several rooms per limiter slot to keep the slots busy: with 8 rooms most slots sat idle
 * (bench/provision); rooms beyond this only queue at the limiter.
 */
export const DEFAULT_CONCURRENCY = 64;
const DEFAULT_REPLICATION = { timeoutMs: 10 * 60_000, pollMs: 5_000 };

/**
 * Runs `work` over `items` with at most `limit` at once, keeping results in order. When one fails
 * (cancellation), no new item starts and the ones in flight are waited for before the error is
 * rethrown: nothing is still writing (or journalling) once the run has returned.
 */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (next < items.length && !stopped) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

function scriptsOf(plan: RoomPlan): Map<Step['runtime'], string> {
  const scripts = new Map<Step['runtime'], string>();
  plan.phases.forEach((phase, index) => {
    if (phase.runtime !== 'manual') scripts.set(phase.runtime, `rooms/${plan.room.upn.toLowerCase()}/${scriptFileName(index, phase.runtime)}`);
  });
  return scripts;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What every room of a run shares; the rest of a LiveContext is the room's own. */
type SharedContext = Omit<LiveContext, 'scriptFor' | 'userReads'>;

async function provisionRoom(plan: RoomPlan, options: ProvisionOptions, shared: SharedContext, scriptRuns: Limiter | undefined): Promise<RoomOutcome> {
  const upn = plan.room.upn;
  options.onEvent?.({ type: 'room-started', room: upn });
  const scripts = scriptsOf(plan);
  const context: LiveContext = { ...shared, scriptFor: (runtime) => scripts.get(runtime), userReads: new Map() };
  const outcomes: StepOutcome[] = [];
  // What a PowerShell phase reported for its steps (one script run covers the whole phase).
  const reported = new Map<string, StepOutcome>();
  let blockedBy: StepOutcome | undefined;
  for (const step of plan.steps) {
    let result: StepOutcome;
    const done = options.dryRun ? undefined : options.journal?.finishedOutcome(upn, step.id);
    if (done) {
      result = done;
    } else if (reported.has(step.id)) {
      // The script ran this step along with the phase's first: what it did is what happened.
      result = reported.get(step.id)!;
      options.onEvent?.({ type: 'step-started', room: upn, step: step.id, title: step.title });
      if (!options.dryRun) options.journal?.record(result);
    } else if (blockedBy) {
      const status = blockedBy.status === 'pending' ? 'pending' : 'skipped';
      result = { room: upn, step: step.id, status, changes: [], message: `Waits for ${blockedBy.step}, which is ${blockedBy.status}.` };
    } else {
      options.onEvent?.({ type: 'step-started', room: upn, step: step.id, title: step.title });
      try {
        if (options.powershell && scriptRuns && ON_PREMISES_RUNTIMES.has(step.runtime)) {
          for (const phaseOutcome of await runPhase(plan, step, options, options.powershell, scriptRuns)) reported.set(phaseOutcome.step, phaseOutcome);
          result = reported.get(step.id)!;
        } else {
          result = await runLiveStep(step, context);
        }
      } catch (error) {
        if (options.signal?.aborted) throw error;
        result = { room: upn, step: step.id, status: 'failed', changes: [], message: errorMessage(error), remediation: step.remediation };
      }
      if (!options.dryRun) options.journal?.record(result);
    }
    if (!blockedBy && (result.status === 'failed' || result.status === 'pending')) blockedBy = result;
    outcomes.push(result);
    options.onEvent?.({ type: 'step-finished', outcome: result });
  }
  const outcome: RoomOutcome = { upn, status: roomStatus(outcomes), steps: outcomes };
  options.onEvent?.({ type: 'room-finished', outcome });
  return outcome;
}

/** Runs the rest of `step`'s phase (the steps no earlier run finished) as one PowerShell script. */
function runPhase(plan: RoomPlan, step: Step, options: ProvisionOptions, setup: PowerShellSetup, scripts: Limiter): Promise<StepOutcome[]> {
  const phase = plan.phases.find((candidate) => candidate.steps.includes(step))!;
  const from = phase.steps.indexOf(step);
  const steps = phase.steps.slice(from).filter((later) => options.dryRun || !options.journal?.finishedOutcome(plan.room.upn, later.id));
  const context = { dryRun: options.dryRun ?? false, passwordFor: options.passwordFor, ...(options.signal ? { signal: options.signal } : {}) };
  return scripts.run(() => runPhaseWithPowerShell(plan, options.site, step.runtime, steps, setup, context), options.signal);
}

export async function provisionSite(options: ProvisionOptions): Promise<ProvisionResult> {
  const plans = options.site.rooms.map((room) => planRoom(room, options.site));
  const run = options.dryRun ? undefined : options.journal?.startRun(options.site.name);
  const shared: SharedContext = {
    graph: options.graph,
    exchange: options.exchange,
    dryRun: options.dryRun ?? false,
    passwordFor: options.passwordFor,
    skus: new SkuLedger(options.graph),
    roomLists: new RoomListLedger(options.exchange, options.signal),
    groups: new GroupLedger(options.graph, options.signal),
    replication: options.replication ?? DEFAULT_REPLICATION,
    sleep: options.sleep ?? realSleep,
    ...(options.signal ? { signal: options.signal } : {}),
    created: new Set(),
    wouldCreate: new Set(),
  };
  try {
    const scriptRuns = options.powershell ? createLimiter(options.powershell.concurrency ?? DEFAULT_SCRIPT_CONCURRENCY) : undefined;
    const rooms = await pool(plans, options.concurrency ?? DEFAULT_CONCURRENCY, (plan) => provisionRoom(plan, options, shared, scriptRuns));
    if (!options.dryRun) await options.journal?.finishRun();
    return { rooms, ...(run ? { run } : {}) };
  } finally {
    if (!options.dryRun) await options.journal?.flush();
  }
}
