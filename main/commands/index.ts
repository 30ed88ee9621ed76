import { auditCommand } from './audit.ts';
import { certsCommand } from './certs.ts';
import { checkSettingsCommand } from './check-settings.ts';
import { networkCommand } from './network.ts';
import { passwordsCommand } from './passwords.ts';
import { preflightCommand } from './preflight.ts';
import { prepareCommand } from './prepare.ts';
import { provisionCommand } from './provision.ts';
import { reportCommand } from './report.ts';
import { simulatorCommand } from './simulator.ts';
import type { Command } from './types.ts';
import { validateCommand } from './validate.ts';

export type { CommandContext } from './types.ts';

export const COMMANDS = {
  prepare: prepareCommand,
  'check-settings': checkSettingsCommand,
  passwords: passwordsCommand,
  preflight: preflightCommand,
  provision: provisionCommand,
  validate: validateCommand,
  audit: auditCommand,
  report: reportCommand,
  network: networkCommand,
  certs: certsCommand,
  simulator: simulatorCommand,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
