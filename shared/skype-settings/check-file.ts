// `roomready check-settings <file>`: the verdict on a SkypeSettings.xml someone else wrote.
import type { ConsoleEra } from '../console-era.ts';
import type { SkypeSettings } from './elements.ts';
import { MEETING_MODE_LABELS, meetingModeFromSettings } from './meeting-mode.ts';
import { parseSkypeSettingsXml } from './parse.ts';
import { countBySeverity, type SkypeSettingsProblem } from './problems.ts';
import { eraLabel } from './schema.ts';

export interface SkypeSettingsFileCheck {
  /** No errors (warnings allowed): the CLI exits 0. */
  ok: boolean;
  errorCount: number;
  warningCount: number;
  problems: SkypeSettingsProblem[];
  era?: ConsoleEra;
  eraInferred: boolean;
  settings: SkypeSettings;
  /** One line for people. */
  summary: string;
  /** The summary and one line per problem. */
  report: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatSkypeSettingsProblem(problem: SkypeSettingsProblem): string {
  const where = problem.line === undefined ? '' : ` (line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`})`;
  return `${problem.severity === 'error' ? 'error  ' : 'warning'} ${problem.path}${where}: ${problem.message}`;
}

/** Checks the text of a SkypeSettings.xml; `name` only labels the summary. */
export function checkSkypeSettingsFile(text: string, options: { era?: ConsoleEra; name?: string } = {}): SkypeSettingsFileCheck {
  const result = parseSkypeSettingsXml(text, options.era ? { era: options.era } : {});
  const { errors, warnings } = countBySeverity(result.problems);
  const name = options.name ?? 'SkypeSettings.xml';
  const verdict = errors === 0 ? 'valid' : 'invalid';
  const parts = [`${name}: ${verdict}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`];
  if (result.era) parts.push(`checked for ${eraLabel(result.era)}${result.eraInferred ? ' (inferred from its elements)' : ''}`);
  const mode = result.era ? meetingModeFromSettings(result.settings, result.era) : undefined;
  if (mode) parts.push(`meeting mode: ${MEETING_MODE_LABELS[mode]}`);
  const summary = parts.join('; ');
  return {
    ok: errors === 0,
    errorCount: errors,
    warningCount: warnings,
    problems: result.problems,
    ...(result.era ? { era: result.era } : {}),
    eraInferred: result.eraInferred,
    settings: result.settings,
    summary,
    report: [summary, ...result.problems.map(formatSkypeSettingsProblem)].join('\n'),
  };
}
