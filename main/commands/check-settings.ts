// roomready check-settings: validate a SkypeSettings.xml someone else wrote.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { CONSOLE_ERAS, eraForAppVersion, type ConsoleEra } from '../../shared/console-era.ts';
import { checkSkypeSettingsFile } from '../../shared/skype-settings.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import type { Command, CommandContext } from './types.ts';
import { UsageError } from './usage-error.ts';

const options = {
  'app-version': { type: 'string' },
  era: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const help = `Usage: roomready check-settings <SkypeSettings.xml> [--app-version <version> | --era <era>] [--json]

Checks a console configuration file: well-formed XML, the SkypeSettings root, elements in the
documented order (the app stops applying settings at the first one out of order), known elements,
value types and ranges, and rules such as "not both meeting types off". Every problem names its
element path, e.g. SkypeSettings/UserAccount/ModernAuthEnabled.

Options:
  --app-version <version>   Check against the elements of this Teams Rooms app version (e.g. 4.16).
  --era <era>               Or name the era: ${CONSOLE_ERAS.join(' | ')}. Without either, the era is inferred.
  --json                    Print the result as JSON.

Exit codes: 0 valid (warnings allowed); 1 invalid; 2 the file cannot be read.`;

function chosenEra(values: CommandContext['values']): ConsoleEra | undefined {
  if (typeof values.era === 'string') {
    if (!(CONSOLE_ERAS as readonly string[]).includes(values.era)) throw new UsageError(`--era must be one of ${CONSOLE_ERAS.join(', ')}`);
    return values.era as ConsoleEra;
  }
  if (typeof values['app-version'] === 'string') {
    const era = eraForAppVersion(values['app-version']);
    if (!era) throw new UsageError(`--app-version "${values['app-version']}" is not a version such as 4.16 or 5.2.115.0`);
    return era;
  }
  return undefined;
}

async function run({ io, values, positionals }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('give exactly one SkypeSettings.xml file to check');
  const era = chosenEra(values);
  const file = path.resolve(io.cwd, positionals[0]!);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = `cannot read ${positionals[0]}: ${describeFsError(error)}`;
    if (values.json) io.stdout(JSON.stringify({ ok: false, exitCode: 2, error: message }, null, 2));
    else io.stderr(`roomready check-settings: ${message}`);
    return 2;
  }
  const check = checkSkypeSettingsFile(text, { ...(era ? { era } : {}), name: path.basename(file) });
  const exitCode = check.ok ? 0 : 1;
  if (values.json) {
    io.stdout(
      JSON.stringify(
        { ok: check.ok, exitCode, file, era: check.era, eraInferred: check.eraInferred, errorCount: check.errorCount, warningCount: check.warningCount, problems: check.problems },
        null,
        2,
      ),
    );
  } else {
    io.stdout(check.report);
  }
  return exitCode;
}

export const checkSettingsCommand: Command = { help, options, run };
