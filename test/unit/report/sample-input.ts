// A sample site and its evidence, from fixed inputs: the golden report (test/fixtures/report/
// sample-site.report.json) is built from this, and the secret and hostile-value proofs start here.
import { createHash } from 'node:crypto';
import { checkById } from '../../../shared/checks/registry.ts';
import type { CheckId, CheckResult, CheckStatus, Json } from '../../../shared/checks/types.ts';
import type { RoomOutcomeView } from '../../../shared/ipc.ts';
import { SiteSchema, type Site, type SiteInput } from '../../../shared/model.ts';
import { NO_EVIDENCE, type ReportInput, type RoomEvidence } from '../../../shared/report/build.ts';
import type { Photo, SignOff } from '../../../shared/report/schema.ts';
import { buildRoomStages, isConsoleChecklistItem } from '../../../shared/room-progress.ts';

/** A 1x1 PNG (one grey pixel). */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==';

export const GENERATED_AT = '2025-03-14T09:30:00.000Z';
export const GENERATOR = { app: 'RoomReady', version: '0.5.0', machine: 'INSTALL-LAPTOP-7', platform: 'win32', user: 'a.installer' };

export const SAMPLE_SITE_INPUT: SiteInput = {
  name: 'Contoso Redmond Building 7',
  topology: 'teams-online',
  cloud: 'global',
  tenantDomain: 'contoso.com',
  defaults: {
    usageLocation: 'US',
    license: 'Microsoft_Teams_Rooms_Pro',
    roomList: 'Building 7 Rooms',
    conditionalAccessGroup: 'Teams Rooms devices',
    timeZone: 'Pacific Standard Time',
    appVersion: '5.2',
  },
  rooms: [
    { upn: 'mtr-rainier@contoso.com', displayName: 'Rainier', capacity: 12, building: 'Building 7', floor: '3', city: 'Redmond' },
    { upn: 'mtr-baker@contoso.com', displayName: 'Baker', capacity: 8, building: 'Building 7', floor: '2', city: 'Redmond' },
    { upn: 'mtr-olympus@contoso.com', displayName: 'Olympus', capacity: 20, building: 'Building 7', floor: '1' },
  ],
};

export const sampleSite = (): Site => SiteSchema.parse(structuredClone(SAMPLE_SITE_INPUT));

export function result(id: CheckId, status: CheckStatus, message: string, observed: Json, expected: Json, extra: Partial<CheckResult> = {}): CheckResult {
  const check = checkById(id);
  return {
    id,
    title: check.title,
    status,
    severity: check.severity,
    message,
    evidence: { observed, expected },
    ...(status !== 'passed' ? { remediation: { text: `Fix ${check.title.toLowerCase()}.`, runIn: 'Exchange Online PowerShell', portal: 'Exchange admin center > Resources' } } : {}),
    ...extra,
  };
}

function outcome(upn: string, failedStep?: string): RoomOutcomeView {
  const steps = ['exchange.room-mailbox', 'exchange.calendar-processing', 'exchange.room-list', 'entra.sign-in', 'entra.password-never-expires', 'entra.group-membership', 'entra.usage-location', 'entra.license'] as const;
  const failed = failedStep !== undefined;
  return {
    upn,
    status: failed ? 'failed' : 'passed',
    steps: steps.map((step) =>
      step === failedStep
        ? { room: upn, step, status: 'failed', changes: [], message: 'No Microsoft_Teams_Rooms_Pro licence is free in the tenant (0 of 10 available).', remediation: 'Buy or free a Teams Rooms Pro licence, then run again.' }
        : step === 'exchange.calendar-processing'
          ? { room: upn, step, status: 'changed', changes: [{ property: 'AutomateProcessing', before: 'AutoUpdate', after: 'AutoAccept' }], message: 'Calendar processing set.' }
          : { room: upn, step, status: 'passed', changes: [], message: 'Already as required.' },
    ),
  };
}

/** The ids of a room's console checklist items, to mark them. */
function consoleIds(site: Site, index: number): string[] {
  const stages = buildRoomStages({ site, room: site.rooms[index]!, manual: {}, hasPassword: false });
  return stages.find((stage) => stage.id === 'console')!.items.filter(isConsoleChecklistItem).map((item) => item.id);
}

export function photo(id: string, caption: string, itemId?: string): Photo {
  return {
    id,
    ...(itemId ? { itemId } : {}),
    caption,
    mediaType: 'image/png',
    data: TINY_PNG,
    sha256: createHash('sha256').update(Buffer.from(TINY_PNG, 'base64')).digest('hex'),
    takenAt: '2025-03-13T15:02:00.000Z',
  };
}

export const INSTALLER_SIGN_OFF: SignOff = {
  party: 'installer',
  name: 'Ana Installer',
  role: 'AV installer, Fabrikam Integration',
  date: '2025-03-13',
  signature: { kind: 'typed', text: 'Ana Installer' },
  signedAt: '2025-03-13T16:00:00.000Z',
};

export const CUSTOMER_SIGN_OFF: SignOff = {
  party: 'customer',
  name: 'Chen Customer',
  role: 'IT manager, Contoso',
  date: '2025-03-13',
  signature: { kind: 'drawn', mediaType: 'image/png', data: TINY_PNG },
  signedAt: '2025-03-13T16:05:00.000Z',
};

export function sampleEvidence(site: Site): Map<string, RoomEvidence> {
  const rainierConsole = consoleIds(site, 0);
  const bakerConsole = consoleIds(site, 1);
  const validatedAt = '2025-03-13T14:00:00.000Z';
  return new Map<string, RoomEvidence>([
    [
      'mtr-rainier@contoso.com',
      {
        provision: outcome('mtr-rainier@contoso.com'),
        provisionedAt: '2025-03-12T10:00:00.000Z',
        validation: {
          generatedAt: validatedAt,
          results: [
            result('mailbox.is-room', 'passed', 'The mailbox is a room mailbox.', 'RoomMailbox', 'RoomMailbox'),
            result('calendar.auto-accept', 'passed', 'Meetings are accepted automatically.', 'AutoAccept', 'AutoAccept'),
            result('places.metadata', 'unknown', 'Places could not be read.', null, { building: 'Building 7', floor: '3' }, { reason: 'The Places API answered 403: Place.Read.All was not granted.' }),
          ],
        },
        manual: {
          [rainierConsole[0]!]: { done: true, note: 'Done at the console; firmware updated first.', doneAt: '2025-03-13T15:00:00.000Z' },
          [rainierConsole[1]!]: { done: true, doneAt: '2025-03-13T15:10:00.000Z' },
        },
        hasPassword: true,
        photos: [photo('p-rainier-1', 'Console on the home screen', rainierConsole[0])],
        signOffs: [INSTALLER_SIGN_OFF, CUSTOMER_SIGN_OFF],
        onSiteChecks: [{ id: 'network.teams-endpoints', title: 'Teams endpoints reachable', status: 'passed', detail: 'All 12 endpoints answered.', evidence: { reached: 12, of: 12 }, at: '2025-03-13T15:20:00.000Z' }],
      },
    ],
    [
      'mtr-baker@contoso.com',
      {
        provision: outcome('mtr-baker@contoso.com', 'entra.license'),
        provisionedAt: '2025-03-12T10:05:00.000Z',
        validation: {
          generatedAt: validatedAt,
          results: [
            result('mailbox.is-room', 'passed', 'The mailbox is a room mailbox.', 'RoomMailbox', 'RoomMailbox'),
            result('license.teams-rooms', 'failed', 'No Teams Rooms licence is assigned.', [], ['Microsoft_Teams_Rooms_Pro']),
            result('calendar.keep-comments', 'warning', 'Meeting bodies are deleted.', { DeleteComments: true }, { DeleteComments: false }),
          ],
        },
        manual: { [bakerConsole[0]!]: { done: false, note: 'Display cable missing; back on Monday.', doneAt: '2025-03-13T15:30:00.000Z' } },
        hasPassword: true,
        photos: [],
        signOffs: [],
        onSiteChecks: [],
      },
    ],
  ]);
}

export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const site = sampleSite();
  const evidence = sampleEvidence(site);
  return {
    kind: 'site',
    site,
    evidence: (upn) => evidence.get(upn.toLowerCase()) ?? NO_EVIDENCE,
    tenant: { id: '00000000-0000-4000-8000-00000000c0de', account: 'admin@contoso.com' },
    generator: GENERATOR,
    generatedAt: GENERATED_AT,
    ...overrides,
  };
}
