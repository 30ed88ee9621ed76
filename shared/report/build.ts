// The setup report from a site and what is known about its rooms: for each room its nine stages
// (shared/room-progress), its details, where its results come from, the console settings that were
// prepared (never the password), its photos, on-site checks and sign-offs; and before all of that
// the coverage. Pure and deterministic: the same input gives the same report, checked against
// ReportSchema before it is returned.
import type { CheckResult } from '../checks/types.ts';
import { CLOUDS } from '../clouds.ts';
import { CONSOLE_ERA_INFO } from '../console-era.ts';
import type { RoomOutcomeView } from '../ipc.ts';
import { resolveRoom, siteConsoleEra, type ResolvedRoom, type Room, type Site } from '../model.ts';
import { buildRoomStages, isConsoleChecklistItem, worstState, type ManualMark } from '../room-progress.ts';
import { ITEM_STATES, type ItemState, type StageView } from '../room-view.ts';
import { skypeSettingsForRoom, type RoomSkypeSettingsOptions } from '../skype-settings/room.ts';
import { ELEMENT_ROWS, documents, revisionOfEra, xmlPath } from '../skype-settings/schema.ts';
import type { ElementKey } from '../skype-settings/elements.ts';
import { formatValue } from '../skype-settings/values.ts';
import { MEETING_MODE_LABELS, TOPOLOGIES } from '../topology.ts';
import { REPORT_FORMAT, REPORT_VERSION, ReportSchema, SIGN_OFF_PARTIES, type OnSiteCheck, type Photo, type Report, type RoomReport, type SignOff } from './schema.ts';

export interface RoomEvidence {
  provision?: RoomOutcomeView;
  provisionedAt?: string;
  validation?: { generatedAt: string; results: readonly CheckResult[] };
  manual: Readonly<Record<string, ManualMark>>;
  hasPassword: boolean;
  photos: readonly Photo[];
  signOffs: readonly SignOff[];
  onSiteChecks: readonly OnSiteCheck[];
}

export interface ReportInput {
  kind: 'room' | 'site';
  site: Site;
  /** The rooms to report on, by UPN (any case); all rooms of the site, in site order, when absent. */
  upns?: readonly string[];
  evidence(upn: string): RoomEvidence;
  tenant: { domain?: string; id?: string; account?: string };
  generator: { app: string; version: string; machine: string; platform: string; user?: string };
  generatedAt: string;
  /**
   * The options the consoles' SkypeSettings.xml was prepared with (site-wide base settings, NetBIOS
   * domain...); optional. A password among them (or in the base settings) is never reported.
   */
  consoleOptions?: RoomSkypeSettingsOptions;
}

/** No evidence at all: what a room that was never provisioned, validated or marked has. */
export const NO_EVIDENCE: RoomEvidence = { manual: {}, hasPassword: false, photos: [], signOffs: [], onSiteChecks: [] };

/** A room's details as the report lists them, in this order; only the ones that are set. */
const DETAILS: ReadonlyArray<{ label: string; value: (room: ResolvedRoom) => string | number | undefined }> = [
  { label: 'Building', value: (room) => room.building },
  { label: 'Floor', value: (room) => room.floor },
  { label: 'Street', value: (room) => room.street },
  { label: 'City', value: (room) => room.city },
  { label: 'State or province', value: (room) => room.state },
  { label: 'Postal code', value: (room) => room.postalCode },
  { label: 'Country or region', value: (room) => room.countryOrRegion },
  { label: 'Capacity', value: (room) => room.capacity },
  { label: 'Licence', value: (room) => room.license },
  { label: 'Usage location', value: (room) => room.usageLocation },
  { label: 'Room list', value: (room) => room.roomList },
  { label: 'Time zone', value: (room) => room.timeZone },
  { label: 'Provisioning mode', value: (room) => room.mode },
  { label: 'Meeting mode', value: (room) => MEETING_MODE_LABELS[room.meetingMode] },
  { label: 'Conditional-access exclusion group', value: (room) => room.conditionalAccessGroup },
  { label: 'Alias', value: (room) => room.alias },
  { label: 'SIP address', value: (room) => room.sipAddress },
  { label: 'Registrar pool', value: (room) => room.registrarPool },
  { label: 'Organizational unit', value: (room) => room.organizationalUnit },
];

function detailsOf(room: ResolvedRoom): Record<string, string> {
  const details: Record<string, string> = {};
  for (const { label, value } of DETAILS) {
    const text = value(room);
    if (text !== undefined && text !== '') details[label] = String(text);
  }
  return details;
}

/**
 * The prepared SkypeSettings.xml values by element path, in the element table's order. Every secret
 * element (the password) is left out, whatever the options or base settings hold.
 */
function consoleSettings(room: ResolvedRoom, site: Site, options: RoomSkypeSettingsOptions = {}): RoomReport['console'] {
  const era = siteConsoleEra(site);
  const revision = revisionOfEra(era);
  const settings = skypeSettingsForRoom(room, site, { ...options, era }) as Record<string, boolean | number | string | undefined>;
  const rows = ELEMENT_ROWS.filter((row) => row.kind !== 'container' && !row.secret && documents(row, revision));
  return {
    appVersion: site.defaults.appVersion,
    era: CONSOLE_ERA_INFO[era].label,
    settings: rows.flatMap((row) => {
      const value = settings[row.key];
      return value === undefined ? [] : [{ path: xmlPath(row.key as ElementKey, revision), value: formatValue(value) }];
    }),
  };
}

/** The room's status: the worst of its stages, by room-progress's precedence. */
function worstOf(stages: readonly StageView[]): ItemState {
  return worstState(stages.map((stage) => stage.state));
}

function roomReport(site: Site, room: Room, evidence: RoomEvidence, consoleOptions: RoomSkypeSettingsOptions | undefined): RoomReport {
  const resolved = resolveRoom(room, site);
  const stages = buildRoomStages({
    site,
    room,
    ...(evidence.provision ? { provision: evidence.provision } : {}),
    ...(evidence.validation ? { validation: evidence.validation } : {}),
    manual: evidence.manual,
    hasPassword: evidence.hasPassword,
    signOffs: evidence.signOffs,
    onSiteChecks: evidence.onSiteChecks,
  });
  return {
    upn: room.upn,
    displayName: room.displayName,
    status: worstOf(stages),
    details: detailsOf(resolved),
    stages,
    sources: {
      provisioning: { present: evidence.provision !== undefined, ...(evidence.provision && evidence.provisionedAt ? { at: evidence.provisionedAt } : {}) },
      validation: { present: evidence.validation !== undefined, ...(evidence.validation ? { at: evidence.validation.generatedAt } : {}) },
    },
    console: consoleSettings(resolved, site, consoleOptions),
    photos: [...evidence.photos],
    onSiteChecks: [...evidence.onSiteChecks],
    signOffs: [...evidence.signOffs],
  };
}

function selectRooms(site: Site, upns: readonly string[] | undefined): Room[] {
  if (upns === undefined) return [...site.rooms];
  const byUpn = new Map(site.rooms.map((room) => [room.upn.toLowerCase(), room]));
  const unknown = upns.filter((upn) => !byUpn.has(upn.toLowerCase()));
  if (unknown.length > 0) throw new Error(`The site "${site.name}" has no room ${unknown.map((upn) => `"${upn}"`).join(', ')}.`);
  const chosen = new Set(upns.map((upn) => upn.toLowerCase()));
  // Site order, each room once, whatever order or repetition the UPNs came in.
  return site.rooms.filter((room) => chosen.has(room.upn.toLowerCase()));
}

function coverageOf(rooms: readonly RoomReport[], evidence: readonly RoomEvidence[]): Report['coverage'] {
  const roomsByStatus = Object.fromEntries(ITEM_STATES.map((state) => [state, 0])) as Record<ItemState, number>;
  for (const room of rooms) roomsByStatus[room.status] += 1;
  const checks = { passed: 0, failed: 0, warning: 0, unknown: 0 };
  for (const item of evidence) for (const result of item.validation?.results ?? []) checks[result.status] += 1;
  const consoleItems = rooms.flatMap((room) => room.stages.filter((stage) => stage.id === 'console').flatMap((stage) => stage.items.filter(isConsoleChecklistItem)));
  const signedOff = Object.fromEntries(SIGN_OFF_PARTIES.map((party) => [party, rooms.filter((room) => room.signOffs.some((signOff) => signOff.party === party)).length])) as Report['coverage']['signedOff'];
  return {
    rooms: rooms.length,
    roomsByStatus,
    checks,
    roomsNotValidated: evidence.filter((item) => item.validation === undefined).length,
    roomsNotProvisioned: evidence.filter((item) => item.provision === undefined).length,
    checklist: { done: consoleItems.filter((entry) => entry.state === 'passed').length, total: consoleItems.length },
    signedOff,
  };
}

export function buildReport(input: ReportInput): Report {
  const { site } = input;
  const rooms = selectRooms(site, input.upns);
  const evidence = rooms.map((room) => input.evidence(room.upn));
  const reports = rooms.map((room, index) => roomReport(site, room, evidence[index]!, input.consoleOptions));
  const domain = input.tenant.domain ?? site.tenantDomain;
  const report: Report = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    kind: input.kind,
    generatedAt: input.generatedAt,
    generator: {
      app: input.generator.app,
      version: input.generator.version,
      machine: input.generator.machine,
      platform: input.generator.platform,
      ...(input.generator.user !== undefined ? { user: input.generator.user } : {}),
    },
    site: {
      name: site.name,
      topology: site.topology,
      topologyLabel: TOPOLOGIES[site.topology].label,
      cloud: site.cloud,
      cloudLabel: CLOUDS[site.cloud].label,
      tenant: {
        ...(domain !== undefined ? { domain } : {}),
        ...(input.tenant.id !== undefined ? { id: input.tenant.id } : {}),
        ...(input.tenant.account !== undefined ? { account: input.tenant.account } : {}),
      },
    },
    coverage: coverageOf(reports, evidence),
    rooms: reports,
  };
  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`The report does not match its schema at ${issue.path.join('.') || 'the root'}: ${issue.message}`);
  }
  return parsed.data;
}
