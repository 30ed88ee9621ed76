// The domain model: a Site (a building or project) and its Rooms, as zod schemas, plus the rules
// a room must satisfy before anything is created. The schemas give the shape (site files, IPC);
// checkRoom/checkSite give the real-world limits, with errors and warnings that name the field.
import { z } from 'zod';
import { CONSOLE_ERAS, DEFAULT_APP_VERSION, eraForAppVersion, type ConsoleEra } from './console-era.ts';
import { COUNTRY_CODE_HINTS, ISO_COUNTRY_CODES } from './iso-countries.ts';
import { classifyLicense } from './licenses.ts';
import { TOPOLOGIES, TOPOLOGY_IDS, type MeetingMode, type TopologyId } from './topology.ts';
import { canonicalWindowsTimeZone } from './windows-time-zones.ts';

export const CLOUD_IDS = ['global', 'usgov', 'usgovdod', 'china', 'simulated'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

/** create: a new room account. convert: turn an existing resource mailbox into a room account. */
export const PROVISION_MODES = ['create', 'convert'] as const;
export type ProvisionMode = (typeof PROVISION_MODES)[number];

export const MEETING_MODES = ['teams-only', 'sfb-only', 'sfb-default-with-teams', 'teams-default-with-sfb'] as const satisfies readonly MeetingMode[];

const text = z.string().trim();
const optionalText = text.min(1).optional();

export const RoomSchema = z.object({
  /** User principal name; for Teams Rooms it is also the primary SMTP address. */
  upn: text.min(1),
  displayName: text.min(1),
  /** Exchange alias (mailNickname). Defaults to the UPN's local part. */
  alias: optionalText,
  /** Exchange mailbox Name (unique, at most 64 characters). Defaults to the display name. */
  mailboxName: optionalText,
  /** Only present when the source named it; it must equal the UPN. */
  primarySmtpAddress: optionalText,
  mode: z.enum(PROVISION_MODES).optional(),
  usageLocation: optionalText,
  license: optionalText,
  capacity: z.number().int().nonnegative().optional(),
  building: optionalText,
  floor: optionalText,
  street: optionalText,
  city: optionalText,
  state: optionalText,
  postalCode: optionalText,
  countryOrRegion: optionalText,
  roomList: optionalText,
  /** Display name of the security group conditional-access policies exclude (Teams Rooms accounts cannot do MFA). */
  conditionalAccessGroup: optionalText,
  timeZone: optionalText,
  sipAddress: optionalText,
  registrarPool: optionalText,
  organizationalUnit: optionalText,
  /** Pre-Windows 2000 logon name for on-premises AD (at most 20 characters). Defaults from the alias. */
  samAccountName: optionalText,
  meetingMode: z.enum(MEETING_MODES).optional(),
});
export type Room = z.infer<typeof RoomSchema>;
export type RoomField = keyof Room;

export const SiteDefaultsSchema = z.object({
  mode: z.enum(PROVISION_MODES).default('create'),
  usageLocation: optionalText,
  license: optionalText,
  registrarPool: optionalText,
  organizationalUnit: optionalText,
  timeZone: optionalText,
  roomList: optionalText,
  /**
   * Display name of the Microsoft Entra security group that conditional-access policies demanding
   * MFA or a compliant device exclude; provisioning makes every room account a member.
   */
  conditionalAccessGroup: optionalText,
  additionalResponse: optionalText,
  /** Version of the Teams Rooms app on the consoles; picks the SkypeSettings.xml era. */
  appVersion: text.min(1).default(DEFAULT_APP_VERSION),
  meetingMode: z.enum(MEETING_MODES).optional(),
});
export type SiteDefaults = z.infer<typeof SiteDefaultsSchema>;

export const SiteSchema = z.object({
  name: text.min(1).max(256),
  topology: z.enum(TOPOLOGY_IDS),
  cloud: z.enum(CLOUD_IDS).default('global'),
  tenantDomain: optionalText,
  defaults: SiteDefaultsSchema.default(SiteDefaultsSchema.parse({})),
  rooms: z.array(RoomSchema).default([]),
});
export type Site = z.infer<typeof SiteSchema>;
export type SiteInput = z.input<typeof SiteSchema>;

export { CONSOLE_ERAS, type ConsoleEra, TOPOLOGY_IDS, type TopologyId, type MeetingMode };

// ---------------------------------------------------------------------------------------------
// Resolution: a room with the site's defaults filled in. Plans, scripts and settings use this.

export interface ResolvedRoom extends Room {
  alias: string;
  samAccountName: string;
  mailboxName: string;
  mode: ProvisionMode;
  sipAddress: string;
  meetingMode: MeetingMode;
  additionalResponse: string;
}

export function defaultAliasFor(upn: string): string {
  const at = upn.lastIndexOf('@');
  return at > 0 ? upn.slice(0, at) : upn;
}

export function resolveRoom(room: Room, site: Site): ResolvedRoom {
  const defaults = site.defaults;
  const topology = TOPOLOGIES[site.topology];
  const pick = <K extends keyof Room & keyof SiteDefaults>(key: K) => room[key] ?? defaults[key];
  // Object.assign, not {...room, alias: ...}: V8 builds a spread followed by more properties slowly
  // (about 5 µs a room), which dominated checking 100,000 imported rooms.
  const resolved: ResolvedRoom = Object.assign({}, room, {
    alias: room.alias ?? defaultAliasFor(room.upn),
    samAccountName: room.samAccountName ?? samAccountNameFor(room.alias ?? defaultAliasFor(room.upn)),
    mailboxName: room.mailboxName ?? room.displayName,
    mode: room.mode ?? defaults.mode,
    sipAddress: normaliseSipAddress(room.sipAddress ?? room.upn),
    meetingMode: room.meetingMode ?? defaults.meetingMode ?? topology.defaultMeetingMode,
    additionalResponse: defaults.additionalResponse ?? topology.defaultAdditionalResponse,
  });
  for (const key of ['usageLocation', 'license', 'registrarPool', 'organizationalUnit', 'timeZone', 'roomList', 'conditionalAccessGroup'] as const) {
    const value = pick(key);
    if (value !== undefined) resolved[key] = value;
  }
  if (resolved.usageLocation) resolved.usageLocation = resolved.usageLocation.toUpperCase();
  if (resolved.timeZone) resolved.timeZone = canonicalWindowsTimeZone(resolved.timeZone) ?? resolved.timeZone;
  return resolved;
}

export function siteConsoleEra(site: Site): ConsoleEra {
  return eraForAppVersion(site.defaults.appVersion) ?? 'teams-4.17';
}

// sAMAccountName: at most 20 characters, none of " / \\ [ ] : ; | = , + * ? < > @ and not ending in a period.
const SAM_FORBIDDEN = /["/\\[\]:;|=,+*?<>@\s]/g;
export const SAM_ACCOUNT_NAME_MAX = 20;

/** A valid sAMAccountName derived from an alias: forbidden characters dropped, cut to 20. */
export function samAccountNameFor(alias: string): string {
  return alias.replace(SAM_FORBIDDEN, '').slice(0, SAM_ACCOUNT_NAME_MAX).replace(/\.+$/, '');
}

export function checkSamAccountName(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  if (value.length > SAM_ACCOUNT_NAME_MAX) return `has ${value.length} characters; Active Directory allows at most ${SAM_ACCOUNT_NAME_MAX}`;
  const bad = value.match(SAM_FORBIDDEN);
  if (bad) return `contains "${bad[0]}", which Active Directory does not allow in a logon name`;
  if (value.endsWith('.')) return 'may not end with a period';
  return undefined;
}

/** "sip:Room@Contoso.com" and "room@contoso.com" both become "sip:room@contoso.com". */
export function normaliseSipAddress(value: string): string {
  const bare = value.trim().replace(/^sip:/i, '');
  return `sip:${bare.toLowerCase()}`;
}

// ---------------------------------------------------------------------------------------------
// Rules. Each finding names the field it is about, so CSV import can turn it into a column.

export type Severity = 'error' | 'warning';
export interface Finding {
  severity: Severity;
  field: RoomField;
  message: string;
  /** For a duplicate: the index of the first room with the value, and the rule in words. */
  duplicate?: { of: number; detail: string };
}

export const LIMITS = {
  upnLocalPart: 64,
  upnDomain: 48,
  upn: 113,
  alias: 64,
  displayName: 256,
  mailboxName: 64,
  /** A Microsoft Entra group's displayName. */
  groupName: 256,
} as const;

// Entra ID username characters: A–Z a–z 0–9 ' . - _ ! # ^ ~ (no accented letters).
const UPN_LOCAL = /^[A-Za-z0-9'._\-!#^~]+$/;
const DNS_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
// Exchange alias: letters, digits, ! # $ % & ' * + - / = ? ^ _ ` { | } ~, U+00A1–U+00FF; periods only between other characters.
const ALIAS_CHARS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.\u00A1-\u00FF]+$/;
const FQDN = /^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;
const DN_COMPONENT = /^(CN|OU|DC|O|L|ST|C)=(?:[^,=\\]|\\.)+$/i;

export function checkDomainName(domain: string): string | undefined {
  if (domain.length === 0) return 'the domain after "@" is empty';
  if (domain.length > LIMITS.upnDomain) return `the domain has ${domain.length} characters; Entra ID allows at most ${LIMITS.upnDomain}`;
  const labels = domain.split('.');
  if (labels.length < 2) return `"${domain}" is not a fully qualified domain (e.g. contoso.com)`;
  const bad = labels.find((label) => !DNS_LABEL.test(label));
  if (bad !== undefined) return `"${bad || '(empty)'}" in "${domain}" is not a valid DNS label (letters, digits and inner hyphens only)`;
  if (!/^[A-Za-z]{2,63}$/.test(labels[labels.length - 1]!)) return `"${domain}" does not end in a top-level domain`;
  return undefined;
}

/** Why a UPN is not acceptable to Entra ID, or undefined when it is. */
export function checkUpn(upn: string): string | undefined {
  const at = upn.indexOf('@');
  if (at < 0 || at !== upn.lastIndexOf('@')) return `"${upn}" must contain exactly one "@" (name@domain)`;
  if (upn.length > LIMITS.upn) return `has ${upn.length} characters; Entra ID allows at most ${LIMITS.upn}`;
  const local = upn.slice(0, at);
  const domain = upn.slice(at + 1);
  if (local.length === 0) return 'the name before "@" is empty';
  if (local.length > LIMITS.upnLocalPart) return `the name before "@" has ${local.length} characters; at most ${LIMITS.upnLocalPart} are allowed`;
  if (!UPN_LOCAL.test(local)) {
    const bad = [...local].find((ch) => !UPN_LOCAL.test(ch));
    return `the name before "@" contains "${bad}"; only letters A-Z, digits and ' . - _ ! # ^ ~ are allowed`;
  }
  if (local.startsWith('.') || local.endsWith('.')) return 'the name before "@" may not start or end with a period';
  if (local.includes('..')) return 'the name before "@" may not contain two periods in a row';
  return checkDomainName(domain);
}

export function checkAlias(alias: string): string | undefined {
  if (alias.length > LIMITS.alias) return `has ${alias.length} characters; Exchange allows at most ${LIMITS.alias}`;
  if (!ALIAS_CHARS.test(alias)) {
    const bad = [...alias].find((ch) => !ALIAS_CHARS.test(ch));
    return `contains "${bad}"; an Exchange alias allows letters, digits, U+00A1–U+00FF and ! # $ % & ' * + - / = ? ^ _ \` { | } ~`;
  }
  if (alias.startsWith('.') || alias.endsWith('.') || alias.includes('..')) {
    return 'each period must sit between other characters (e.g. help.desk)';
  }
  return undefined;
}

export function checkDistinguishedName(dn: string): string | undefined {
  // Split on commas that are not escaped with a backslash.
  const parts = dn.split(/(?<!\\),/).map((part) => part.trim());
  if (parts.some((part) => !DN_COMPONENT.test(part))) {
    return `"${dn}" is not a distinguished name such as OU=Rooms,DC=contoso,DC=com`;
  }
  if (!parts.some((part) => /^DC=/i.test(part))) return `"${dn}" names no domain component (DC=...)`;
  return undefined;
}

export function checkUsageLocation(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  if (ISO_COUNTRY_CODES.has(code)) return undefined;
  const hint = COUNTRY_CODE_HINTS[code];
  return hint
    ? `"${value}" is not an ISO 3166-1 alpha-2 code; did you mean ${hint}?`
    : `"${value}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. US, GB, DE)`;
}

/** Why a text is not acceptable as a Microsoft Entra group's display name, or undefined. */
export function checkGroupName(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name.length > LIMITS.groupName) return `has ${name.length} characters; a Microsoft Entra group name allows at most ${LIMITS.groupName}`;
  if (CONTROL_CHARACTER.test(name)) return 'contains a line break, tab or other control character; use plain text on one line';
  return undefined;
}

/** Every rule for one room, with the site's defaults applied. */
export function checkRoom(room: Room, site: Site): Finding[] {
  const findings: Finding[] = [];
  const error = (field: RoomField, message: string) => findings.push({ severity: 'error', field, message });
  const warn = (field: RoomField, message: string) => findings.push({ severity: 'warning', field, message });
  const topology = TOPOLOGIES[site.topology];
  const resolved = resolveRoom(room, site);

  for (const [field, value] of Object.entries(room) as [RoomField, unknown][]) {
    if (typeof value === 'string' && CONTROL_CHARACTER.test(value)) {
      error(field, 'contains a line break, tab or other control character; use plain text on one line');
    }
  }

  const upnProblem = checkUpn(room.upn);
  if (upnProblem) error('upn', upnProblem);
  else if (site.tenantDomain) {
    const domain = room.upn.slice(room.upn.indexOf('@') + 1).toLowerCase();
    const tenant = site.tenantDomain.toLowerCase();
    if (domain !== tenant && !domain.endsWith(`.${tenant}`)) {
      warn('upn', `the domain ${domain} differs from the site's tenant domain ${tenant}; it must be a verified domain of the tenant`);
    }
  }

  if (room.primarySmtpAddress && room.primarySmtpAddress.toLowerCase() !== room.upn.toLowerCase()) {
    error('primarySmtpAddress', `${room.primarySmtpAddress} differs from the UPN ${room.upn}; Teams Rooms requires the UPN to equal the primary SMTP address`);
  }

  const aliasProblem = checkAlias(resolved.alias);
  if (aliasProblem) error('alias', room.alias ? aliasProblem : `the alias derived from the UPN ${aliasProblem}; supply an Alias`);

  if (room.displayName.length > LIMITS.displayName) {
    error('displayName', `has ${room.displayName.length} characters; at most ${LIMITS.displayName} are allowed`);
  }
  if (resolved.mailboxName.length > LIMITS.mailboxName) {
    error(
      room.mailboxName ? 'mailboxName' : 'displayName',
      room.mailboxName
        ? `has ${resolved.mailboxName.length} characters; an Exchange mailbox Name allows at most ${LIMITS.mailboxName}`
        : `is also the mailbox Name, which allows at most ${LIMITS.mailboxName} characters (it has ${resolved.mailboxName.length}); shorten it or supply a Name`,
    );
  }

  if (topology.cloudLicensing) {
    if (!resolved.usageLocation) {
      error('usageLocation', 'is required before a licence can be assigned: give a two-letter country code or a site default');
    }
    if (!resolved.license) warn('license', 'no licence given: the room will not sign in until a Teams Rooms licence is assigned');
  }
  if (resolved.usageLocation) {
    const problem = checkUsageLocation(resolved.usageLocation);
    if (problem) error('usageLocation', problem);
  }
  if (resolved.license) {
    const verdict = classifyLicense(resolved.license);
    if (verdict.kind === 'rejected') error('license', verdict.error);
    else if (verdict.warning) warn('license', verdict.warning);
    if (!topology.cloudLicensing) warn('license', `is ignored: the ${site.topology} topology assigns no cloud licence`);
  }

  if (topology.needsRegistrarPool && !resolved.registrarPool) {
    error('registrarPool', `is required for the ${site.topology} topology: the FQDN of the Skype for Business Server pool (or a site default)`);
  }
  if (resolved.registrarPool && !FQDN.test(resolved.registrarPool)) {
    error('registrarPool', `"${resolved.registrarPool}" is not a fully qualified domain name such as pool01.contoso.com`);
  }

  // A SIP address derived from a bad UPN would only repeat the UPN's error.
  if (room.sipAddress || (topology.meetings !== 'teams' && !upnProblem)) {
    const sipUser = resolved.sipAddress.replace(/^sip:/, '');
    const sipProblem = checkUpn(sipUser);
    if (sipProblem) error('sipAddress', `${resolved.sipAddress}: ${sipProblem}`);
    else if (sipUser !== room.upn.toLowerCase()) {
      warn('sipAddress', `${resolved.sipAddress} differs from the UPN; modern authentication on the console needs SIP address = UPN`);
    }
  }

  if (resolved.organizationalUnit) {
    const problem = checkDistinguishedName(resolved.organizationalUnit);
    if (problem) error('organizationalUnit', problem);
    if (!topology.onPremisesDirectory) warn('organizationalUnit', `is ignored: the ${site.topology} topology has no on-premises directory`);
  }

  if (topology.onPremisesDirectory) {
    if (room.samAccountName) {
      const problem = checkSamAccountName(room.samAccountName);
      if (problem) error('samAccountName', problem);
    } else if (resolved.samAccountName !== resolved.alias && !checkAlias(resolved.alias)) {
      const problem = checkSamAccountName(resolved.samAccountName);
      if (problem) error('alias', `cannot become an Active Directory logon name: ${problem}; supply a SamAccountName`);
      else warn('samAccountName', `derived from the alias as "${resolved.samAccountName}" (at most 20 characters, no " / \\ [ ] : ; | = , + * ? < > @); supply a SamAccountName to choose it`);
    }
  }
  if (room.countryOrRegion) {
    const problem = checkUsageLocation(room.countryOrRegion);
    if (problem) error('countryOrRegion', problem);
  }

  if (resolved.timeZone && !canonicalWindowsTimeZone(resolved.timeZone)) {
    warn('timeZone', `"${resolved.timeZone}" is not a known Windows time zone ID such as "W. Europe Standard Time"`);
  }
  if (room.floor !== undefined && room.floor.length > 64) error('floor', 'has more than 64 characters');
  // A site default's problem is reported once, by checkSiteSettings.
  const groupProblem = room.conditionalAccessGroup ? checkGroupName(room.conditionalAccessGroup) : undefined;
  if (groupProblem) error('conditionalAccessGroup', groupProblem);
  else if (room.conditionalAccessGroup && !topology.cloudLicensing) {
    warn('conditionalAccessGroup', `is ignored: the ${site.topology} topology has no account in Microsoft Entra ID`);
  }
  return findings;
}

export interface SiteCheck {
  /** Findings per room, in the order of site.rooms. */
  rooms: Finding[][];
  errorCount: number;
  warningCount: number;
}

const DUPLICATE_NOUN = { upn: 'the UPN', alias: 'the alias', mailboxName: 'the mailbox Name' } as const;

/** checkRoom for every room plus the rules across rooms: UPN, alias and mailbox Name are unique. */
export function checkSite(site: Site): SiteCheck {
  const rooms = site.rooms.map((room) => checkRoom(room, site));
  const seen: Record<'upn' | 'alias' | 'mailboxName', Map<string, number>> = { upn: new Map(), alias: new Map(), mailboxName: new Map() };
  site.rooms.forEach((room, index) => {
    const resolved = resolveRoom(room, site);
    for (const field of ['upn', 'alias', 'mailboxName'] as const) {
      const key = resolved[field].toLowerCase();
      const first = seen[field].get(key);
      if (first === undefined) seen[field].set(key, index);
      else {
        const detail = `${DUPLICATE_NOUN[field]} "${resolved[field]}" must be unique`;
        rooms[index]!.push({
          severity: 'error',
          field: field === 'mailboxName' && !room.mailboxName ? 'displayName' : field,
          message: `duplicates room ${first + 1} (${site.rooms[first]!.upn}): ${detail}`,
          duplicate: { of: first, detail },
        });
      }
    }
  });
  let errorCount = 0;
  let warningCount = 0;
  for (const finding of rooms.flat()) {
    if (finding.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { rooms, errorCount, warningCount };
}

/** Site-level problems (not about one room): unknown app version, retired topology. */
export function checkSiteSettings(site: Site): { severity: Severity; field: string; message: string }[] {
  const findings: { severity: Severity; field: string; message: string }[] = [];
  if (!eraForAppVersion(site.defaults.appVersion)) {
    findings.push({ severity: 'error', field: 'defaults.appVersion', message: `"${site.defaults.appVersion}" is not an app version such as 4.17 or 5.2.115.0` });
  }
  const warning = TOPOLOGIES[site.topology].warning;
  if (warning) findings.push({ severity: 'warning', field: 'topology', message: warning });
  if (site.tenantDomain) {
    const problem = checkDomainName(site.tenantDomain);
    if (problem) findings.push({ severity: 'error', field: 'tenantDomain', message: problem });
  }
  if (site.defaults.conditionalAccessGroup) {
    const problem = checkGroupName(site.defaults.conditionalAccessGroup);
    if (problem) findings.push({ severity: 'error', field: 'defaults.conditionalAccessGroup', message: problem });
  }
  return findings;
}
