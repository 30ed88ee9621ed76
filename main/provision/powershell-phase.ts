// The on-premises steps of a room, run for real where PowerShell exists (an admin machine with the
// Exchange Management Shell, the ActiveDirectory module or the Skype for Business Server shell): the
// room's generated script for that runtime goes to a private temporary file, the runner streams its
// ROOMREADY-RESULT lines back, and each becomes the step's outcome. Passwords travel on the
// script's standard input (-PasswordsFromInput), never on its command line or on disk.
import fs from 'node:fs';
import path from 'node:path';
import type { Site } from '../../shared/model.ts';
import { ON_PREMISES_RUNTIMES, stepNeedsPassword, type RoomPlan, type Runtime, type Step } from '../../shared/plan.ts';
import { generateScript, withUtf8Bom, type ScriptResult } from '../../shared/powershell.ts';
import { runPowerShellScript, type PowerShellExecutable, type ScriptOutcome } from '../tenant/powershell.ts';
import type { StepOutcome, StepStatus } from './types.ts';

/** Runtimes whose scripts RoomReady runs itself when PowerShell is there. */
export { ON_PREMISES_RUNTIMES };

export interface PowerShellSetup {
  executable: PowerShellExecutable | string;
  /** A private folder for the scripts while they run (removed afterwards). */
  workDir: string;
  generator: { name: string; version: string };
  /** Per script. Default 30 minutes. */
  timeoutMs?: number;
  /**
   * Scripts running at once, across rooms (default 4): each is a PowerShell process with its modules
   * loaded, talking to a domain controller or an on-premises server, which a run of hundreds of rooms
   * must not flood.
   */
  concurrency?: number;
}

export const DEFAULT_SCRIPT_CONCURRENCY = 4;

const STATUSES: ReadonlySet<string> = new Set<StepStatus>(['passed', 'changed', 'would-change', 'failed', 'pending', 'skipped']);

function fromResult(result: ScriptResult, step: Step): StepOutcome {
  const status = (STATUSES.has(result.status) ? result.status : 'failed') as StepStatus;
  return {
    room: step.target,
    step: step.id,
    status,
    changes: result.changes.map((change) => ({ property: change.property, before: change.before, after: change.after })),
    message: result.message,
    ...(result.remediation ? { remediation: result.remediation } : {}),
  };
}

function unreported(step: Step, outcome: ScriptOutcome): StepOutcome {
  // Not the right shell (or no PowerShell at all): the step is still the admin's to run.
  const manual = outcome.ending === 'wrong-shell' || outcome.ending === 'not-started';
  return {
    room: step.target,
    step: step.id,
    status: manual ? 'manual' : 'failed',
    changes: [],
    message: `The ${step.runtime} script did not report this step: ${outcome.summary}`,
    remediation: step.remediation,
  };
}

export interface PhaseContext {
  dryRun: boolean;
  passwordFor(upn: string): Promise<string>;
  signal?: AbortSignal;
}

/** Runs `steps` (one runtime's phase of one room) through PowerShell; one outcome per step, in order. */
export async function runPhaseWithPowerShell(plan: RoomPlan, site: Site, runtime: Runtime, steps: readonly Step[], setup: PowerShellSetup, context: PhaseContext): Promise<StepOutcome[]> {
  const upn = plan.room.upn;
  fs.mkdirSync(setup.workDir, { recursive: true, mode: 0o700 });
  const script = path.join(setup.workDir, `${upn.toLowerCase().replace(/[^a-z0-9@._-]/g, '_')}-${runtime}.ps1`);
  fs.writeFileSync(script, withUtf8Bom(generateScript({ site, runtime, plans: [plan], generator: setup.generator })), { mode: 0o600 });
  try {
    const needsPassword = !context.dryRun && steps.some(stepNeedsPassword);
    const input = needsPassword ? `${upn}\t${await context.passwordFor(upn)}\n\n` : undefined;
    const run = runPowerShellScript({
      executable: setup.executable,
      script,
      args: needsPassword ? ['-PasswordsFromInput'] : [],
      whatIf: context.dryRun,
      timeoutMs: setup.timeoutMs ?? 30 * 60_000,
      ...(context.signal ? { signal: context.signal } : {}),
      ...(input !== undefined ? { input } : {}),
    });
    const outcome = await run.finished;
    // Stopped by the run's cancellation: nothing to record, the next run does the phase again.
    context.signal?.throwIfAborted();
    const byStep = new Map(outcome.results.filter((result) => result.room.toLowerCase() === upn.toLowerCase()).map((result) => [result.step, result]));
    return steps.map((step) => {
      const result = byStep.get(step.id);
      return result ? fromResult(result, step) : unreported(step, outcome);
    });
  } finally {
    fs.rmSync(script, { force: true });
  }
}
