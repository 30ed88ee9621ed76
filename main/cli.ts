// `roomready` command line: the same services as the desktop app, for scripts and CI.
import { parseArgs } from 'node:util';
import { APP_VERSION } from './app-version.ts';
import { COMMANDS, type CommandContext, type CommandName } from './commands/index.ts';
import { CommandFailure, UsageError } from './commands/usage-error.ts';

export const GENERAL_HELP = `RoomReady ${APP_VERSION} — prepare Microsoft Teams Rooms / Skype Room Systems v2 accounts and consoles.

Usage: roomready <command> [options]

Commands:
  prepare <rooms.csv | site.roomready.json> --out <dir>
                      Per room: PowerShell scripts, SkypeSettings.xml and the console checklist;
                      at the root: site-wide scripts, a run sheet and manifest.json.
  check-settings <SkypeSettings.xml>
                      Validate a console configuration file; problems are named by element path.
  passwords <vault>   Show the room passwords kept in a secrets vault written by prepare --passwords.
  preflight <rooms.csv | site.roomready.json>
                      Check the site against the tenant before any write; the change plan.
  provision <rooms.csv | site.roomready.json>
                      Create or convert the rooms in the tenant (resumable; --dry-run for the plan).
  validate <rooms.csv | site.roomready.json>
                      Check existing rooms: what is wrong, the evidence, and how to fix it.
  audit               Find every room in the tenant by evidence and check it (read only).
  report <site.roomready.json | rooms.csv> --format pdf|html|json|csv --out <path>
                      The setup report of the site or one room (--room <upn>), with its fingerprint.
  network [--cloud <id>]
                      On-site network readiness: what the room can reach, and what to ask the network team for.
  certs <file...>     Inspect PEM, DER and PFX certificates: chains, expiry, weak keys, and the command
                      that makes a console trust a private CA.
  simulator           Run the simulated Microsoft 365 tenant for practice and tests.
  help [command]      Show help for a command.

Options: --help, --version

Exit codes: 0 success; 1 some input was rejected (the rest was done); 2 the input or the command line is unusable.
Run "roomready help <command>" for a command's options.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Reads a secret from the terminal without echo; undefined when there is no terminal. */
  readSecret?: (prompt: string) => Promise<string | undefined>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    readSecret: process.stdin.isTTY ? readSecretFromTerminal : undefined,
  };
}

async function readSecretFromTerminal(prompt: string): Promise<string | undefined> {
  const { readSecretLine } = await import('./terminal-secret.ts');
  return readSecretLine(prompt);
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(GENERAL_HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(APP_VERSION);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.stdout(GENERAL_HELP);
    else if (isCommand(topic)) io.stdout(COMMANDS[topic].help);
    else {
      io.stderr(`roomready: unknown command "${topic}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
      return 2;
    }
    return 0;
  }
  if (!isCommand(first)) {
    io.stderr(`roomready: unknown command "${first}". Run "roomready --help" for the list of commands.`);
    return 2;
  }
  const command = COMMANDS[first];
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    const parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    const context: CommandContext = { io, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`roomready ${first}: ${(error as Error).message}\nRun "roomready help ${first}" for usage.`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`roomready ${first}: ${error.message}`);
      return 2;
    }
    // Anything else is a bug: say so plainly, without a stack trace (set ROOMREADY_DEBUG=1 for one).
    io.stderr(`roomready ${first}: unexpected error: ${(error as Error).message}`);
    if (io.env.ROOMREADY_DEBUG) io.stderr(String((error as Error).stack));
    return 2;
  }
}
