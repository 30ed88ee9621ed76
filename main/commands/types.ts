import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../cli.ts';

export interface CommandContext {
  io: CliIo;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(context: CommandContext): Promise<number>;
}
