// Parameter values as PowerShell binds them to an Exchange cmdlet: Boolean parameters take only
// booleans or 0/1, Int32 parameters take numbers or numeric strings, enums match a name without
// case. A value that does not bind gives PowerShell's ParameterBindingException text.
import { CALENDAR_SETTINGS, type CalendarValue, type CalendarValueType } from '../state/calendar-defaults.ts';

export type Coerced<T> = { ok: true; value: T } | { ok: false; message: string };

const ENUM_TYPES: Record<string, string> = {
  AutomateProcessing: 'Microsoft.Exchange.Data.Storage.Management.CalendarProcessingFlags',
  BookingType: 'Microsoft.Exchange.Data.Storage.Management.ResourceBookingType',
  Type: 'Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType',
};

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function transformation(parameter: string, detail: string): string {
  return `Cannot process argument transformation on parameter '${parameter}'. ${detail}`;
}

export function coerceBoolean(parameter: string, value: unknown): Coerced<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 0 || value === 1) return { ok: true, value: value === 1 };
  return {
    ok: false,
    message: transformation(parameter, `Cannot convert value "${show(value)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`),
  };
}

export function coerceInt(parameter: string, value: unknown): Coerced<number> {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return { ok: true, value: n };
  return { ok: false, message: transformation(parameter, `Cannot convert value "${show(value)}" to type "System.Int32". Error: "Input string was not in a correct format."`) };
}

export function coerceString(parameter: string, value: unknown): Coerced<string | null> {
  if (value === null || typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  return { ok: false, message: transformation(parameter, `Cannot convert value "${show(value)}" to type "System.String".`) };
}

export function coerceStrings(parameter: string, value: unknown): Coerced<string[]> {
  if (value === null) return { ok: true, value: [] };
  if (typeof value === 'string') return { ok: true, value: [value] };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ok: true, value: [...value] };
  return { ok: false, message: transformation(parameter, `Cannot convert value "${show(value)}" to type "System.String[]".`) };
}

export function coerceEnum(parameter: string, value: unknown, names: readonly string[]): Coerced<string> {
  const match = typeof value === 'string' ? names.find((n) => n.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (match) return { ok: true, value: match };
  return {
    ok: false,
    message: transformation(
      parameter,
      `Cannot convert value "${show(value)}" to type "${ENUM_TYPES[parameter] ?? 'System.Enum'}". Error: "Unable to match the identifier name ${show(value)} to a valid enumerator name. Specify one of the following enumerator names and try again: ${names.join(', ')}"`,
    ),
  };
}

export function coerceByType(parameter: string, value: unknown, type: CalendarValueType, values?: readonly string[]): Coerced<CalendarValue> {
  switch (type) {
    case 'boolean':
      return coerceBoolean(parameter, value);
    case 'int':
      return coerceInt(parameter, value);
    case 'string':
      return coerceString(parameter, value);
    case 'strings':
      return coerceStrings(parameter, value);
    case 'enum':
      return coerceEnum(parameter, value, values ?? []);
  }
}

export function coerceCalendarValue(parameter: string, value: unknown): Coerced<CalendarValue> {
  const setting = CALENDAR_SETTINGS[parameter];
  if (!setting) return { ok: false, message: `A parameter cannot be found that matches parameter name '${parameter}'.` };
  return coerceByType(parameter, value, setting.type, setting.values);
}
