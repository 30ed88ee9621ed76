// Get/Set-CalendarProcessing and Get/Set-MailboxRegionalConfiguration. Every Set-CalendarProcessing
// parameter binds with its real type (Boolean, Int32, the CalendarProcessingFlags enum...);
// a Set that changes nothing succeeds with Exchange's "no settings ... have been modified" warning.
import { canonicalWindowsTimeZone } from '../../../shared/windows-time-zones.ts';
import { CALENDAR_SETTINGS } from '../state/calendar-defaults.ts';
import { noChangeWarning, type CmdletDefinition, type ParameterSpec } from './cmdlet.ts';
import { parameterBinding } from './errors.ts';
import { calendarOutput, regionalOutput } from './output.ts';
import { oneMailbox } from './recipients.ts';

const CALENDAR_PARAMETERS: Record<string, ParameterSpec> = Object.fromEntries(
  Object.entries(CALENDAR_SETTINGS).map(([name, setting]) => [name, { type: setting.type, ...(setting.values ? { values: setting.values } : {}) }]),
);

export const getCalendarProcessing: CmdletDefinition = {
  name: 'Get-CalendarProcessing',
  kind: 'read',
  parameters: { Identity: { type: 'string' }, ResultSize: { type: 'sizeOrUnlimited' } },
  mandatory: ['Identity'],
  run: (call, p) => ({ values: [calendarOutput(oneMailbox(call.tenant, String(p.Identity)))], warnings: [] }),
};

export const setCalendarProcessing: CmdletDefinition = {
  name: 'Set-CalendarProcessing',
  kind: 'write',
  parameters: { Identity: { type: 'string' }, ...CALENDAR_PARAMETERS, IgnoreDefaultScope: { type: 'switch' } },
  mandatory: ['Identity'],
  run(call, p) {
    const identity = String(p.Identity);
    const mailbox = oneMailbox(call.tenant, identity);
    const before = JSON.stringify(mailbox.calendar);
    for (const [name, value] of Object.entries(p)) if (name in CALENDAR_SETTINGS) mailbox.calendar[name] = value as never;
    const changed = JSON.stringify(mailbox.calendar) !== before;
    if (changed) mailbox.whenChanged = call.tenant.now();
    return { values: [], warnings: changed ? [] : [noChangeWarning(identity)] };
  },
};

export const getMailboxRegionalConfiguration: CmdletDefinition = {
  name: 'Get-MailboxRegionalConfiguration',
  kind: 'read',
  parameters: { Identity: { type: 'string' }, VerifyDefaultFolderNameLanguage: { type: 'switch' } },
  mandatory: ['Identity'],
  unsupported: ['Archive', 'MailboxLocation', 'UseCustomRouting'],
  run: (call, p) => ({ values: [regionalOutput(oneMailbox(call.tenant, String(p.Identity)))], warnings: [] }),
};

export const setMailboxRegionalConfiguration: CmdletDefinition = {
  name: 'Set-MailboxRegionalConfiguration',
  kind: 'write',
  parameters: {
    Identity: { type: 'string' },
    TimeZone: { type: 'string' },
    Language: { type: 'string' },
    DateFormat: { type: 'string' },
    TimeFormat: { type: 'string' },
    LocalizeDefaultFolderName: { type: 'switch' },
  },
  mandatory: ['Identity'],
  unsupported: ['Archive', 'MailboxLocation', 'UseCustomRouting'],
  run(call, p) {
    const identity = String(p.Identity);
    const mailbox = oneMailbox(call.tenant, identity);
    const before = JSON.stringify(mailbox.regional);
    if (p.TimeZone !== undefined) {
      const zone = p.TimeZone === null ? null : canonicalWindowsTimeZone(String(p.TimeZone));
      if (p.TimeZone !== null && !zone) {
        throw parameterBinding(
          `Cannot process argument transformation on parameter 'TimeZone'. Cannot convert value "${String(p.TimeZone)}" to type "Microsoft.Exchange.Data.Storage.Management.ExTimeZoneValue". Error: "The time zone ID '${String(p.TimeZone)}' was not found on the local computer."`,
        );
      }
      mailbox.regional.TimeZone = zone ?? null;
    }
    if (p.Language !== undefined) mailbox.regional.Language = p.Language as string | null;
    if (p.DateFormat !== undefined) mailbox.regional.DateFormat = p.DateFormat as string | null;
    if (p.TimeFormat !== undefined) mailbox.regional.TimeFormat = p.TimeFormat as string | null;
    const changed = JSON.stringify(mailbox.regional) !== before;
    return { values: [], warnings: changed ? [] : [noChangeWarning(identity)] };
  },
};
