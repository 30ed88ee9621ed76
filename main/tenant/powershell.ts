// Runs RoomReady's generated on-premises scripts where PowerShell exists (a Windows admin box, or
// pwsh anywhere): finds the executable, starts the script non-interactively, streams its output,
// reads the structured result lines (shared/powershell/results.ts) into step results as they come,
// passes -WhatIf when asked, and stops it (the whole process tree) on cancel or timeout. The exit
// codes are the scripts' own: 0 done, 1 some step failed, 2 wrong shell (nothing was changed).
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { RESULT_PREFIX, parseResultLine, type ScriptResult } from '../../shared/powershell.ts';
import { formatMs } from './retry.ts';

export interface PowerShellExecutable {
  path: string;
  /** pwsh (PowerShell 7, "Core") or powershell.exe (Windows PowerShell 5.1, "Desktop"). */
  edition: 'core' | 'desktop';
}

export interface FindPowerShellOptions {
  /** A path from RoomReady's settings; when given it must work, nothing else is tried. */
  configured?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

function editionOf(executable: string): PowerShellExecutable['edition'] {
  return /^pwsh/i.test(path.basename(executable)) ? 'core' : 'desktop';
}

async function isExecutable(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    await access(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PowerShell 7 first (it runs every script RoomReady generates), then Windows PowerShell. */
export async function findPowerShell(options: FindPowerShellOptions = {}): Promise<PowerShellExecutable | undefined> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  if (options.configured !== undefined) {
    if (await isExecutable(options.configured, platform)) return { path: options.configured, edition: editionOf(options.configured) };
    throw new Error(`The PowerShell set in RoomReady's settings (${options.configured}) does not exist or cannot be run.`);
  }
  const directories = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter((directory) => directory !== '');
  const names = platform === 'win32' ? ['pwsh.exe', 'powershell.exe'] : ['pwsh'];
  for (const name of names) {
    for (const directory of directories) {
      const candidate = path.join(directory, name);
      if (await isExecutable(candidate, platform)) return { path: candidate, edition: editionOf(candidate) };
    }
  }
  if (platform === 'win32' && env.SystemRoot) {
    const inbox = path.join(env.SystemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
    if (await isExecutable(inbox, platform)) return { path: inbox, edition: 'desktop' };
  }
  return undefined;
}

export type ScriptEvent =
  | { type: 'result'; result: ScriptResult }
  | { type: 'output'; stream: 'stdout' | 'stderr'; line: string }
  /** A line that starts like a result but does not parse: a bug, or output cut short. */
  | { type: 'malformed'; line: string };

export type ScriptEnding = 'ok' | 'step-failures' | 'wrong-shell' | 'timed-out' | 'cancelled' | 'not-started' | 'unexpected-exit';

export interface ScriptOutcome {
  ending: ScriptEnding;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** What happened, in plain words, for the progress view and the report. */
  summary: string;
  results: ScriptResult[];
  malformed: string[];
  /** The last lines of standard error (for the summary of an unexpected exit). */
  stderrTail: string[];
}

export interface RunScriptOptions {
  executable: string | PowerShellExecutable;
  /** The .ps1 file to run. */
  script: string;
  /** The script's own arguments, e.g. ['-Room', 'room@contoso.com', '-SkipConnect']. */
  args?: readonly string[];
  /** Adds -WhatIf: the script reports what it would change and changes nothing. */
  whatIf?: boolean;
  /** Stops the script (and what it started) after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** After asking the process tree to stop, how long before forcing it. Default 3 s. */
  killGraceMs?: number;
  /** Told of every event as it happens (an alternative to iterating the run). */
  onEvent?: (event: ScriptEvent) => void;
  /** Written to the script's standard input, then closed (e.g. the lines -PasswordsFromInput reads). */
  input?: string;
}

/** Iterate it for events as they come; `finished` resolves when the process has exited. */
export interface ScriptRun extends AsyncIterable<ScriptEvent> {
  readonly pid: number | undefined;
  readonly finished: Promise<ScriptOutcome>;
  cancel(): void;
}

/** The arguments PowerShell gets: no profile, no prompts, the script's policy not in the way. */
export function powershellArguments(script: string, args: readonly string[] = [], whatIf = false): string[] {
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, ...args, ...(whatIf ? ['-WhatIf'] : [])];
}

function countFailed(results: readonly ScriptResult[]): number {
  return results.filter((result) => result.status === 'failed').length;
}

function explain(ending: ScriptEnding, details: { exitCode: number | null; signal: NodeJS.Signals | null; results: ScriptResult[]; whatIf: boolean; timeoutMs?: number; error?: string; stderrTail: string[] }): string {
  const failed = countFailed(details.results);
  const steps = `${details.results.length} step result(s)`;
  switch (ending) {
    case 'ok':
      return details.whatIf ? `Finished the -WhatIf run (${steps}): nothing was changed.` : `Finished (${steps}): no step failed.`;
    case 'step-failures':
      return `Finished, but ${failed || 'some'} step(s) failed (exit code 1): see each step's message and remediation, fix it, and run the script again; finished steps are not repeated.`;
    case 'wrong-shell':
      return 'Stopped before changing anything (exit code 2): this is not the right shell for the script (a module or command is missing) or it could not connect. Run it where its header says.';
    case 'timed-out':
      return `Stopped after ${formatMs(details.timeoutMs ?? 0)}: the script took longer than allowed. ${steps} had been reported; running it again is safe and finishes the rest.`;
    case 'cancelled':
      return `Cancelled: the script was stopped. ${steps} had been reported; running it again is safe and finishes the rest.`;
    case 'not-started':
      return `PowerShell could not be started: ${details.error ?? 'unknown error'}.`;
    case 'unexpected-exit': {
      const how = details.exitCode !== null ? `exited with code ${details.exitCode}` : `was ended by ${details.signal ?? 'an unknown signal'}`;
      const last = details.stderrTail.at(-1);
      return `PowerShell ${how}, which RoomReady's scripts never do${last ? `: ${last}` : ''}. Check the output above.`;
    }
  }
}

/** Ends the process and everything it started: its process group on POSIX, taskkill /T on Windows. */
function killTree(child: ChildProcess, force: boolean): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/PID', String(child.pid), '/T', ...(force ? ['/F'] : [])], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
    return;
  }
  try {
    process.kill(-child.pid, force ? 'SIGKILL' : 'SIGTERM');
  } catch {
    // Already gone.
  }
}

const STDERR_TAIL = 20;

export function runPowerShellScript(options: RunScriptOptions): ScriptRun {
  const executable = typeof options.executable === 'string' ? options.executable : options.executable.path;
  const whatIf = options.whatIf ?? false;
  const results: ScriptResult[] = [];
  const malformed: string[] = [];
  const stderrTail: string[] = [];
  const queue: ScriptEvent[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let stopReason: 'timed-out' | 'cancelled' | undefined;
  let forceTimer: NodeJS.Timeout | undefined;

  const emit = (event: ScriptEvent) => {
    options.onEvent?.(event);
    queue.push(event);
    wake?.();
  };

  // detached: its own process group on POSIX, so the whole tree can be signalled at once.
  const child = spawn(executable, powershellArguments(options.script, options.args, whatIf), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  if (options.input !== undefined && child.stdin) {
    // A script that never reads its input would make this write fail with EPIPE: that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  }

  const stop = (reason: 'timed-out' | 'cancelled') => {
    if (ended || stopReason) return;
    stopReason = reason;
    killTree(child, false);
    forceTimer = setTimeout(() => killTree(child, true), options.killGraceMs ?? 3000);
  };

  const onAbort = () => stop('cancelled');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeout = options.timeoutMs !== undefined ? setTimeout(() => stop('timed-out'), options.timeoutMs) : undefined;

  readline.createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', (line) => {
    const result = parseResultLine(line);
    if (result) {
      results.push(result);
      emit({ type: 'result', result });
    } else if (line.startsWith(RESULT_PREFIX)) {
      malformed.push(line);
      emit({ type: 'malformed', line });
    } else {
      emit({ type: 'output', stream: 'stdout', line });
    }
  });
  readline.createInterface({ input: child.stderr!, crlfDelay: Infinity }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL) stderrTail.shift();
    emit({ type: 'output', stream: 'stderr', line });
  });

  const finished = new Promise<ScriptOutcome>((resolve) => {
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, error?: string) => {
      if (ended) return;
      ended = true;
      clearTimeout(timeout);
      clearTimeout(forceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      let ending: ScriptEnding;
      if (error !== undefined) ending = 'not-started';
      else if (stopReason) ending = stopReason;
      else if (exitCode === 0) ending = 'ok';
      else if (exitCode === 1) ending = 'step-failures';
      else if (exitCode === 2) ending = 'wrong-shell';
      else ending = 'unexpected-exit';
      const summary = explain(ending, { exitCode, signal, results, whatIf, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), ...(error ? { error } : {}), stderrTail });
      resolve({ ending, exitCode, signal, summary, results, malformed, stderrTail });
      wake?.();
    };
    child.on('error', (error) => finish(null, null, error.message));
    // 'close' comes after the output streams have ended, so every line has been read.
    child.on('close', (code, signal) => finish(code, signal));
  });

  if (options.signal?.aborted) stop('cancelled');

  return {
    get pid() {
      return child.pid;
    },
    finished,
    cancel: () => stop('cancelled'),
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const event = queue.shift();
        if (event) {
          yield event;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    },
  };
}
