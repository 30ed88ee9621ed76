// The columns of a rooms CSV, as data: one row per column with its canonical header, the aliases
// people actually use, the Room field it fills, whether it is required, how its text is parsed and a
// one-line description (README and UI read the same table). Pure: used by main/ and the renderer.
import { MEETING_MODES, type MeetingMode, type ProvisionMode, type RoomField } from './model.ts';

/** 'password' never becomes part of a Room: it is returned apart and never stored or logged. */
export type CsvField = RoomField | 'password';

/** How the text of a cell becomes a value. */
export type CsvValueKind = 'text' | 'count' | 'provision-mode' | 'meeting-mode' | 'secret';

export interface CsvColumn {
  /** The documented header; also the name used when a value came from a site default or was derived. */
  readonly header: string;
  /** Other headers accepted for this column (compared with normaliseCsvHeader). */
  readonly aliases: readonly string[];
  readonly field: CsvField;
  /** A file without this column is refused. */
  readonly required: boolean;
  readonly kind: CsvValueKind;
  readonly description: string;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  {
    header: 'DisplayName',
    aliases: ['Display Name', 'Room Name'],
    field: 'displayName',
    required: false,
    kind: 'text',
    description: 'Name shown on the console, in Teams and in the room finder (at most 256 characters); when empty, the Name column or the UPN is used, with a warning.',
  },
  {
    header: 'UserPrincipalName',
    aliases: ['UPN', 'User Principal Name', 'MicrosoftOnlineServicesID', 'User Name', 'Sign-in Name'],
    field: 'upn',
    required: true,
    kind: 'text',
    description: 'Sign-in name of the room account, e.g. room-101@contoso.com; for Teams Rooms it is also the primary e-mail address. Required.',
  },
  {
    header: 'Alias',
    aliases: ['MailNickname', 'Mail Nickname'],
    field: 'alias',
    required: false,
    kind: 'text',
    description: 'Exchange alias (mailNickname), at most 64 characters; defaults to the part of the UPN before "@".',
  },
  {
    header: 'Name',
    aliases: ['Mailbox Name'],
    field: 'mailboxName',
    required: false,
    kind: 'text',
    description: 'Exchange mailbox Name, unique and at most 64 characters; defaults to the display name.',
  },
  {
    header: 'PrimarySmtpAddress',
    aliases: ['Email', 'Email Address', 'Mail', 'SMTP', 'SMTP Address', 'Primary SMTP', 'Primary Email'],
    field: 'primarySmtpAddress',
    required: false,
    kind: 'text',
    description: 'Primary e-mail address; optional, and when given it must equal the UPN (a Teams Rooms rule).',
  },
  {
    header: 'Action',
    aliases: ['Mode', 'Provision Mode', 'Operation'],
    field: 'mode',
    required: false,
    kind: 'provision-mode',
    description: 'Create (or New) for a new room account, Convert (or Existing) to turn an existing resource mailbox into one; empty: the site default.',
  },
  {
    header: 'UsageLocation',
    aliases: ['Usage Location'],
    field: 'usageLocation',
    required: false,
    kind: 'text',
    description: 'Two-letter ISO 3166-1 country code (US, GB, DE); needed before a licence can be assigned; empty: the site default.',
  },
  {
    header: 'License',
    aliases: ['Licence', 'Licenses', 'Licences', 'License SKU', 'SKU', 'Sku Part Number', 'License Part Number'],
    field: 'license',
    required: false,
    kind: 'text',
    description: 'Teams Rooms SKU part number such as Microsoft_Teams_Rooms_Pro; user suites (E3, E5) are refused; empty: the site default.',
  },
  {
    header: 'Capacity',
    aliases: ['Resource Capacity', 'Seats', 'Seat Count'],
    field: 'capacity',
    required: false,
    kind: 'count',
    description: 'Number of seats in the room: a whole number of 0 or more.',
  },
  {
    header: 'Building',
    aliases: ['Building Name'],
    field: 'building',
    required: false,
    kind: 'text',
    description: 'Building the room is in (room finder).',
  },
  {
    header: 'Floor',
    aliases: [],
    field: 'floor',
    required: false,
    kind: 'text',
    description: 'Floor the room is on, at most 64 characters (room finder).',
  },
  {
    header: 'Street',
    aliases: ['Street Address', 'Address'],
    field: 'street',
    required: false,
    kind: 'text',
    description: 'Street address of the building.',
  },
  {
    header: 'City',
    aliases: ['Town'],
    field: 'city',
    required: false,
    kind: 'text',
    description: 'City of the building (room finder).',
  },
  {
    header: 'State',
    aliases: ['State or Province', 'Province'],
    field: 'state',
    required: false,
    kind: 'text',
    description: 'State or province of the building.',
  },
  {
    header: 'PostalCode',
    aliases: ['ZIP', 'ZIP Code', 'Postcode', 'ZIP or Postal Code'],
    field: 'postalCode',
    required: false,
    kind: 'text',
    description: 'Postal code of the building.',
  },
  {
    header: 'CountryOrRegion',
    aliases: ['Country', 'Country or Region', 'Country/Region'],
    field: 'countryOrRegion',
    required: false,
    kind: 'text',
    description: 'Country or region of the building as a two-letter ISO code (DE, US); the licensing country is UsageLocation.',
  },
  {
    header: 'RoomList',
    aliases: ['Room List', 'Room List Name'],
    field: 'roomList',
    required: false,
    kind: 'text',
    description: 'Room list (a distribution group) the room joins, so it shows in Outlook\'s room finder; empty: the site default.',
  },
  {
    header: 'ConditionalAccessGroup',
    aliases: ['Conditional Access Group', 'CA Exclusion Group', 'Exclusion Group', 'Security Group'],
    field: 'conditionalAccessGroup',
    required: false,
    kind: 'text',
    description: 'Display name of the Microsoft Entra security group your MFA and compliant-device conditional-access policies exclude (e.g. "Teams Rooms"); the room account is added to it; empty: the site default.',
  },
  {
    header: 'TimeZone',
    aliases: ['Time Zone', 'Time Zone Id'],
    field: 'timeZone',
    required: false,
    kind: 'text',
    description: 'Windows time zone ID of the mailbox, e.g. "W. Europe Standard Time"; empty: the site default.',
  },
  {
    header: 'SipAddress',
    aliases: ['SIP', 'SIP URI'],
    field: 'sipAddress',
    required: false,
    kind: 'text',
    description: 'Skype for Business SIP address; defaults to the UPN (modern authentication needs them equal).',
  },
  {
    header: 'RegistrarPool',
    aliases: ['Pool', 'Registrar', 'Pool FQDN'],
    field: 'registrarPool',
    required: false,
    kind: 'text',
    description: 'FQDN of the Skype for Business Server pool (on-premises and hybrid topologies); empty: the site default.',
  },
  {
    header: 'OrganizationalUnit',
    aliases: ['OU', 'Org Unit', 'OU Path'],
    field: 'organizationalUnit',
    required: false,
    kind: 'text',
    description: 'Active Directory OU for the account, e.g. OU=Rooms,DC=contoso,DC=com (topologies with an on-premises directory); empty: the site default.',
  },
  {
    header: 'SamAccountName',
    aliases: ['Pre-Windows 2000 Logon Name'],
    field: 'samAccountName',
    required: false,
    kind: 'text',
    description: 'Pre-Windows 2000 logon name in on-premises Active Directory (at most 20 characters); defaults from the alias.',
  },
  {
    header: 'MeetingMode',
    aliases: ['Meeting Mode'],
    field: 'meetingMode',
    required: false,
    kind: 'meeting-mode',
    description: 'Console meeting mode: teams-only, sfb-only, sfb-default-with-teams or teams-default-with-sfb; empty: the topology\'s default.',
  },
  {
    header: 'Password',
    aliases: ['Initial Password', 'Room Mailbox Password', 'Account Password'],
    field: 'password',
    required: false,
    kind: 'secret',
    description: 'Your own password for the account (8–256 characters, 3 of upper case, lower case, digits, symbols); empty: RoomReady generates one when a passwords vault is asked for (--passwords). Never stored in the site file.',
  },
];

/** "User Principal Name", "user_principal_name" and "USERPRINCIPALNAME" compare equal. */
export function normaliseCsvHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

const columnByHeader = new Map<string, CsvColumn>();
for (const column of CSV_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) columnByHeader.set(normaliseCsvHeader(name), column);
}

const columnByField = new Map<CsvField, CsvColumn>(CSV_COLUMNS.map((column) => [column.field, column]));

/** The column a header names (by canonical name or alias), or undefined when RoomReady does not know it. */
export function findCsvColumn(header: string): CsvColumn | undefined {
  return columnByHeader.get(normaliseCsvHeader(header));
}

export function csvColumnForField(field: CsvField): CsvColumn {
  const column = columnByField.get(field);
  if (!column) throw new Error(`No CSV column fills the Room field "${field}"`);
  return column;
}

// ---------------------------------------------------------------------------------------------
// Parsing one cell. Messages complete a sentence that begins with the column name.

export type CellValue = string | number | ProvisionMode | MeetingMode;
export type CellResult = { ok: true; value: CellValue | undefined } | { ok: false; message: string };

const PROVISION_MODE_WORDS: Readonly<Record<string, ProvisionMode>> = {
  create: 'create',
  new: 'create',
  convert: 'convert',
  existing: 'convert',
};

const MEETING_MODE_WORDS: Readonly<Record<string, MeetingMode>> = {
  teams: 'teams-only',
  teamsonly: 'teams-only',
  sfb: 'sfb-only',
  sfbonly: 'sfb-only',
  skype: 'sfb-only',
  skypeforbusiness: 'sfb-only',
  sfbdefaultwithteams: 'sfb-default-with-teams',
  teamsdefaultwithsfb: 'teams-default-with-sfb',
};

const WHOLE_NUMBER = /^\d+$/;

/** Turns the (already trimmed) text of a cell into the column's value; empty text is no value. */
export function parseCsvCell(column: CsvColumn, text: string): CellResult {
  if (text === '') return { ok: true, value: undefined };
  switch (column.kind) {
    case 'text':
    case 'secret':
      return { ok: true, value: text };
    case 'count': {
      const value = Number(text);
      if (!WHOLE_NUMBER.test(text) || !Number.isSafeInteger(value)) {
        return { ok: false, message: `"${text}" is not a whole number of 0 or more (e.g. 12)` };
      }
      return { ok: true, value };
    }
    case 'provision-mode': {
      const value = PROVISION_MODE_WORDS[normaliseCsvHeader(text)];
      return value
        ? { ok: true, value }
        : { ok: false, message: `"${text}" is not an action; use Create (or New) or Convert (or Existing)` };
    }
    case 'meeting-mode': {
      const value = MEETING_MODE_WORDS[normaliseCsvHeader(text)];
      return value
        ? { ok: true, value }
        : { ok: false, message: `"${text}" is not a meeting mode; use one of ${MEETING_MODES.join(', ')}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Formula prefixes. A cell beginning with one of these is a formula to Excel and LibreOffice
// (CSV injection). Import keeps the text and warns; every CSV export neutralises it.

export const FORMULA_PREFIXES: readonly string[] = ['=', '+', '-', '@'];

export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_PREFIXES.includes(text[0]!);
}
