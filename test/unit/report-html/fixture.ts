// Reports built by hand for the HTML and PDF tests and the bench: objects that pass
// FingerprintedReportSchema, with every kind of content a real report has (passed, failed, warning
// and unknown items with evidence and remediation; rooms never validated or provisioned; console
// settings; checklist marks, notes and photos; on-site checks; typed and drawn sign-offs), and
// hostile values where the tests ask for them. The fingerprint is SHA-256 over canonicalJson.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { canonicalJson } from '../../../shared/report/canonical.ts';
import { FingerprintedReportSchema, type FingerprintedReport, type Photo, type Report, type RoomReport, type SignOff } from '../../../shared/report/schema.ts';
import { ITEM_STATES, ROOM_STAGES, type ChecklistItemView, type ItemState, type StageView } from '../../../shared/room-view.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of one colour (width x height), so Chromium draws it. */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PHOTO_PNG = solidPng(40, 30, [30, 120, 200]);
const SIGNATURE_PNG = solidPng(60, 20, [20, 20, 20]);

export function photo(id: string, caption: string, itemId?: string): Photo {
  return {
    id,
    ...(itemId === undefined ? {} : { itemId }),
    caption,
    mediaType: 'image/png',
    data: PHOTO_PNG.toString('base64'),
    sha256: createHash('sha256').update(PHOTO_PNG).digest('hex'),
    takenAt: '2025-03-04T10:15:00.000Z',
  };
}

export function typedSignOff(party: SignOff['party'], name: string, text = name): SignOff {
  return { party, name, role: party === 'installer' ? 'AV installer, Contoso Integration' : 'IT lead, Fabrikam', date: '2025-03-04', signature: { kind: 'typed', text }, signedAt: '2025-03-04T16:00:00.000Z' };
}

export function drawnSignOff(party: SignOff['party'], name: string): SignOff {
  return { party, name, role: 'Facilities manager', date: '2025-03-05', signature: { kind: 'drawn', mediaType: 'image/png', data: SIGNATURE_PNG.toString('base64') }, signedAt: '2025-03-05T09:00:00.000Z' };
}

/** Values a report must show as text: markup, script, formula prefixes, right-to-left text. */
export const HOSTILE = {
  script: '<script>alert("pwned")</script>',
  img: '<img src=x onerror=alert(1)>',
  formula: '=cmd|\' /C calc\'!A0',
  plus: '+SUM(1,2)',
  at: '@HYPERLINK("https://evil.example/x")',
  rtl: 'غرفة الاجتماعات ‏الكبرى',
  override: '\u202Egnp.exe',
  link: 'https://evil.example/track.png',
} as const;

function item(id: string, title: string, state: ItemState, extra: Partial<ChecklistItemView> = {}): ChecklistItemView {
  return { id, title, state, manual: false, ...extra };
}

const WORST: readonly ItemState[] = ['failed', 'unknown', 'warning', 'manual', 'running', 'pending', 'passed'];
function worst(states: readonly ItemState[]): ItemState {
  return WORST.find((state) => states.includes(state)) ?? 'passed';
}

export type RoomKind = 'good' | 'failing' | 'unvalidated' | 'unprovisioned';

export interface RoomOptions {
  index: number;
  kind: RoomKind;
  displayName?: string;
  note?: string;
  photos?: Photo[];
  signOffs?: SignOff[];
  onSite?: boolean;
  detailValue?: string;
}

function stageItems(stage: (typeof ROOM_STAGES)[number], options: RoomOptions, upn: string): ChecklistItemView[] {
  const { kind } = options;
  const validated = kind !== 'unvalidated';
  const provisioned = kind !== 'unprovisioned';
  switch (stage) {
    case 'topology':
      return [item('topology:account', 'Room account planned', 'passed', { detail: `Cloud account ${upn}` })];
    case 'account':
      return [
        item('step:entra.create-user', 'Create the account', provisioned ? 'passed' : 'pending', { detail: provisioned ? 'Created' : 'Not run yet' }),
        item('check:account.password-never-expires', 'Password never expires', !validated ? 'unknown' : kind === 'failing' ? 'failed' : 'passed', {
          detail: !validated ? 'Validation has not run' : kind === 'failing' ? 'The password expires in 90 days' : 'Never expires',
          evidence: validated ? { observed: kind === 'failing' ? { passwordPolicies: 'None' } : { passwordPolicies: 'DisablePasswordExpiration' }, expected: { passwordPolicies: 'DisablePasswordExpiration' } } : undefined,
          remediation:
            kind === 'failing'
              ? { text: 'Set the password never to expire.', runIn: 'Microsoft Graph', powershell: `Update-MgUser -UserId '${upn}' -PasswordPolicies 'DisablePasswordExpiration'`, portal: 'Microsoft Entra admin center > Users > the room > Properties' }
              : undefined,
        }),
      ];
    case 'exchange':
      return [item('step:exchange.room-mailbox', 'Room mailbox', provisioned ? 'passed' : 'pending', { detail: options.detailValue ?? 'Mailbox is a room mailbox' })];
    case 'calendar':
      return [
        item('check:calendar.auto-accept', 'Calendar accepts invitations', validated ? (kind === 'failing' ? 'warning' : 'passed') : 'unknown', {
          detail: validated ? 'AutomateProcessing is AutoAccept' : 'Could not be read',
          evidence: validated ? { observed: kind === 'failing' ? 'AutoUpdate' : 'AutoAccept', expected: 'AutoAccept' } : undefined,
          remediation: kind === 'failing' ? { text: 'Let the calendar accept invitations.', runIn: 'Exchange Online', powershell: `Set-CalendarProcessing -Identity '${upn}' -AutomateProcessing AutoAccept`, portal: 'Exchange admin center > Resources' } : undefined,
        }),
      ];
    case 'license':
      return [item('step:license.assign', 'Teams Rooms licence', provisioned ? 'passed' : 'pending')];
    case 'meetings':
      return [item('step:teams.meeting-room', 'Teams meeting settings', provisioned ? 'passed' : 'pending')];
    case 'validate':
      return [item('validate:run', 'Validation run', validated ? (kind === 'failing' ? 'failed' : 'passed') : 'unknown', { detail: validated ? 'Validated' : 'Never validated' })];
    case 'console':
      return [
        item('console:skype-settings', 'Copy SkypeSettings.xml to the console', 'passed', { manual: true, doneAt: '2025-03-04T11:00:00.000Z', note: options.note }),
        item('console:sign-in', 'Sign in on the console', kind === 'good' ? 'passed' : 'manual', { manual: true, value: upn }),
      ];
    case 'report':
      return [
        item('report:installer-sign-off', 'Installer sign-off', (options.signOffs ?? []).some((s) => s.party === 'installer') ? 'passed' : 'manual', { manual: true }),
        item('report:customer-sign-off', 'Customer sign-off', (options.signOffs ?? []).some((s) => s.party === 'customer') ? 'passed' : 'manual', { manual: true }),
      ];
  }
}

const STAGE_TITLES: Record<(typeof ROOM_STAGES)[number], string> = {
  topology: 'Topology', account: 'Account', exchange: 'Exchange', calendar: 'Calendar', license: 'Licence', meetings: 'Meetings', validate: 'Validate', console: 'Console', report: 'Report',
};

export function room(options: RoomOptions): RoomReport {
  const upn = `room${String(options.index + 1).padStart(3, '0')}@contoso.example`;
  const stages: StageView[] = ROOM_STAGES.map((id) => {
    const items = stageItems(id, options, upn).map((entry) => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as ChecklistItemView);
    return { id, title: STAGE_TITLES[id], state: worst(items.map((entry) => entry.state)), items };
  });
  return {
    upn,
    displayName: options.displayName ?? `Room ${options.index + 1}`,
    status: worst(stages.map((stage) => stage.state)),
    details: { 'Display name': options.displayName ?? `Room ${options.index + 1}`, Mode: 'Create a new account', 'Usage location': 'GB', Licence: 'Microsoft Teams Rooms Pro' },
    stages,
    sources: {
      provisioning: options.kind === 'unprovisioned' ? { present: false } : { present: true, at: '2025-03-03T09:00:00.000Z' },
      validation: options.kind === 'unvalidated' ? { present: false } : { present: true, at: '2025-03-03T09:30:00.000Z' },
    },
    console: {
      appVersion: '5.0',
      era: 'teams-4.17',
      settings: [
        { path: 'UserAccount/SkypeSignInAddress', value: upn },
        { path: 'UserAccount/ExchangeAddress', value: upn },
        { path: 'TeamsMeetingsEnabled', value: 'true' },
      ],
    },
    photos: options.photos ?? [],
    onSiteChecks: options.onSite
      ? [
          { id: 'network.teams', title: 'Network reaches Teams', status: 'passed', detail: 'All endpoints answered', at: '2025-03-04T12:00:00.000Z', evidence: { latencyMs: 23 } },
          { id: 'certificates', title: 'Certificates', status: 'unknown', detail: 'Could not read the certificate store', at: '2025-03-04T12:01:00.000Z' },
        ]
      : [],
    signOffs: options.signOffs ?? [],
  };
}

export function fingerprint(report: Report): FingerprintedReport {
  const value = createHash('sha256').update(canonicalJson(report), 'utf8').digest('hex');
  return FingerprintedReportSchema.parse({ ...report, fingerprint: { algorithm: 'SHA-256', value } });
}

export function reportOf(kind: 'room' | 'site', rooms: RoomReport[], siteName = 'Contoso HQ'): FingerprintedReport {
  const roomsByStatus = Object.fromEntries(ITEM_STATES.map((state) => [state, 0])) as Record<ItemState, number>;
  const checks = { passed: 0, failed: 0, warning: 0, unknown: 0 };
  let done = 0;
  let total = 0;
  for (const entry of rooms) {
    roomsByStatus[entry.status] = (roomsByStatus[entry.status] ?? 0) + 1;
    if (entry.sources.validation.present) {
      for (const stage of entry.stages) {
        for (const check of stage.items.filter((candidate) => candidate.id.startsWith('check:'))) {
          if (check.state === 'passed' || check.state === 'failed' || check.state === 'warning' || check.state === 'unknown') checks[check.state] += 1;
        }
      }
    }
    const consoleItems = entry.stages.find((stage) => stage.id === 'console')?.items ?? [];
    total += consoleItems.length;
    done += consoleItems.filter((candidate) => candidate.state === 'passed').length;
  }
  const report: Report = {
    format: 'roomready-report',
    version: 1,
    kind,
    generatedAt: '2025-03-05T10:00:00.000Z',
    generator: { app: 'RoomReady', version: '0.1.0', machine: 'INSTALLER-LAPTOP', platform: 'linux', user: 'installer' },
    site: { name: siteName, topology: 'teams-online', topologyLabel: 'Microsoft 365 (Exchange Online + Teams)', cloud: 'global', cloudLabel: 'Microsoft 365 (worldwide)', tenant: { domain: 'contoso.example', id: '00000000-0000-0000-0000-000000000001', account: 'admin@contoso.example' } },
    coverage: {
      rooms: rooms.length,
      roomsByStatus,
      checks,
      roomsNotValidated: rooms.filter((entry) => !entry.sources.validation.present).length,
      roomsNotProvisioned: rooms.filter((entry) => !entry.sources.provisioning.present).length,
      checklist: { done, total },
      signedOff: { installer: rooms.filter((entry) => entry.signOffs.some((s) => s.party === 'installer')).length, customer: rooms.filter((entry) => entry.signOffs.some((s) => s.party === 'customer')).length },
    },
    rooms,
  };
  return fingerprint(report);
}

const KINDS: readonly RoomKind[] = ['good', 'failing', 'unvalidated', 'unprovisioned'];

/** A site report of `count` rooms cycling through every kind, with photos, notes and sign-offs. */
export function siteReport(count: number, siteName = 'Contoso HQ'): FingerprintedReport {
  const rooms = Array.from({ length: count }, (_, index) =>
    room({
      index,
      kind: KINDS[index % KINDS.length] ?? 'good',
      note: index % 2 === 0 ? 'Cable routed under the table' : undefined,
      photos: index % 3 === 0 ? [photo(`p${index}`, `Console of room ${index + 1}`, 'console:skype-settings')] : [],
      signOffs: index % 4 === 0 ? [typedSignOff('installer', 'Alex Installer'), drawnSignOff('customer', 'Casey Customer')] : [],
      onSite: index % 2 === 0,
    }),
  );
  return reportOf('site', rooms, siteName);
}

/** A site report whose every free-text field holds hostile values. */
export function hostileReport(): FingerprintedReport {
  const rooms = [
    room({ index: 0, kind: 'failing', displayName: HOSTILE.script, note: HOSTILE.formula, detailValue: HOSTILE.img, photos: [photo('p1', HOSTILE.link, 'console:skype-settings')], signOffs: [typedSignOff('installer', HOSTILE.rtl, HOSTILE.script)], onSite: true }),
    room({ index: 1, kind: 'unvalidated', displayName: HOSTILE.rtl, note: HOSTILE.plus, signOffs: [typedSignOff('customer', HOSTILE.at, HOSTILE.override)] }),
  ];
  return reportOf('site', rooms, HOSTILE.img);
}
