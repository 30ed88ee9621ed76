// Runs the `roomready` command line in-process, as a user would, capturing what it prints.
import type { CliIo } from '../../main/cli.ts';
import { runCli } from '../../main/cli.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`), env, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
