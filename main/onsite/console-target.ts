// Where the console configuration goes when RoomReady runs on the console itself: the Teams Rooms
// app's LocalState folder, with each file granted to the app's local user (icacls), because a file
// the app cannot read, write and delete may not apply, may stay behind, or may crash the app (§3.1).
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { CONSOLE_LOCAL_USER, grantArguments, LOCAL_STATE_FOLDER } from '../../shared/onsite/console-files.ts';

/** A console's LocalState folder and how to give the app's user full control of a file in it. */
export interface ConsoleTarget {
  localStateDir: string;
  grantAccess(filePath: string): Promise<void>;
}

export class ConsoleConfigError extends Error {
  override readonly name = 'ConsoleConfigError';
}

/** How a program ended; never rejects, so the caller words every failure itself. */
export interface ProgramOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started or was stopped (e.g. ENOENT, a timeout). */
  startError?: string;
}

/** Runs a program with its arguments as an array: no shell, so nothing in a path is interpreted. */
export type ProgramRunner = (program: string, args: readonly string[]) => Promise<ProgramOutcome>;

const GRANT_TIMEOUT_MS = 30_000;

export const runProgram: ProgramRunner = (program, args) =>
  new Promise((resolve) => {
    execFile(program, [...args], { windowsHide: true, timeout: GRANT_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (!error) return resolve({ exitCode: 0, stdout, stderr });
      const exitCode = typeof error.code === 'number' ? error.code : null;
      const startError = exitCode === null ? (typeof error.code === 'string' ? error.code : error.killed ? 'timed out' : error.message) : undefined;
      resolve({ exitCode, stdout, stderr, ...(startError ? { startError } : {}) });
    });
  });

/** What stands in for Windows in tests; each defaults to this machine. */
export interface ConsoleTargetOptions {
  platform?: NodeJS.Platform;
  /** The LocalState folder; the real one unless a test stands one in. */
  localStateDir?: string;
  run?: ProgramRunner;
}

export function icaclsPath(systemRoot: string | undefined): string {
  return `${systemRoot ?? 'C:\\Windows'}\\System32\\icacls.exe`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Up to one line of what icacls said, for the error message. */
function firstWords(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * This machine as a console target: only on Windows with the Teams Rooms app's LocalState present.
 * `env` gives %SystemRoot%: icacls is run by its full path, never looked up on PATH.
 */
export function windowsConsoleTarget(env: Readonly<Record<string, string | undefined>> = process.env, options: ConsoleTargetOptions = {}): ConsoleTarget | undefined {
  const platform = options.platform ?? process.platform;
  const localStateDir = options.localStateDir ?? LOCAL_STATE_FOLDER;
  if (platform !== 'win32' || !isDirectory(localStateDir)) return undefined;
  const icacls = icaclsPath(env.SystemRoot ?? env.SYSTEMROOT);
  const run = options.run ?? runProgram;
  return {
    localStateDir,
    async grantAccess(filePath) {
      const outcome = await run(icacls, grantArguments(filePath));
      if (outcome.exitCode === 0 && !outcome.startError) return;
      const said = firstWords(`${outcome.stdout} ${outcome.stderr}`);
      const reason = outcome.startError
        ? `icacls could not be run (${outcome.startError})`
        : `icacls ended with code ${outcome.exitCode ?? 'unknown'}${said ? `: ${said}` : ''}`;
      throw new ConsoleConfigError(
        `Could not give the local user ${CONSOLE_LOCAL_USER} full control of ${filePath}: ${reason}. Run RoomReady from Admin mode (an administrator account).`,
      );
    },
  };
}
