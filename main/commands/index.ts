import { checkSettingsCommand } from './check-settings.ts';
import { passwordsCommand } from './passwords.ts';
import { prepareCommand } from './prepare.ts';
import { simulatorCommand } from './simulator.ts';
import type { Command } from './types.ts';

export type { CommandContext } from './types.ts';

export const COMMANDS = {
  prepare: prepareCommand,
  'check-settings': checkSettingsCommand,
  passwords: passwordsCommand,
  simulator: simulatorCommand,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
