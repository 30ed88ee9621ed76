// Validation and the audit against the simulated tenant, through the real Graph and Exchange
// gateways: the sample's correctly provisioned room passes, each misconfiguration of issue §4
// seeded alone makes exactly its check fail, a refused read makes exactly the checks that need it
// unknown, and the audit finds the sample's rooms by evidence without a single write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditTenant } from '../../main/checks/audit.ts';
import { validateRooms } from '../../main/checks/validate.ts';
import type { RunningSimulator, SimulatorTenant } from '../../main/simulator/contract.ts';
import { SAMPLE_ROOMS, TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { startSimulator } from '../../main/simulator/index.ts';
import { CHECKS, renderValidationJson, renderValidationMarkdown, type CheckId, type CheckResult, type ReadKind, type ValidationReport } from '../../shared/checks.ts';
import { SiteSchema } from '../../shared/model.ts';
import { gatewaysFor, type SignIn } from './checks-simulator.ts';

const RAINIER = SAMPLE_ROOMS.configured;

/** The sample's correctly provisioned room, as a site describes it. */
const SITE = SiteSchema.parse({
  name: 'Contoso headquarters',
  topology: 'teams-online',
  rooms: [
    {
      upn: RAINIER,
      displayName: 'Rainier',
      usageLocation: 'US',
      license: 'Microsoft_Teams_Rooms_Pro',
      roomList: 'Building 7 Rooms',
      capacity: 12,
      building: 'Building 7',
      floor: '3',
      street: '1 Microsoft Way',
      city: 'Redmond',
      state: 'WA',
      postalCode: '98052',
      countryOrRegion: 'US',
    },
  ],
});

/**
 * What no tenant read through RoomReady's gateways can decide: Graph does not return
 * forceChangePasswordNextSignIn, and GraphGateway reads no other user's group memberships, which
 * the sample's MFA policy uses to exclude the rooms. Unknown, never passed.
 */
const UNDECIDABLE: Partial<Record<CheckId, string>> = {
  'account.no-forced-change': 'forceChangePasswordNextSignIn',
};

let sim: RunningSimulator;
let tenant: SimulatorTenant;

beforeEach(async () => {
  sim = await startSimulator({ seed: 11 });
  tenant = sim.tenant;
});
afterEach(async () => {
  await sim.stop();
});

async function validate(who: SignIn = { kind: 'app' }): Promise<ValidationReport> {
  return validateRooms(gatewaysFor(sim, who), SITE, { concurrency: 4 });
}

const resultsOf = (report: ValidationReport) => report.rooms[0]!.results.concat(report.tenant);
const statusById = (report: ValidationReport) => Object.fromEntries(resultsOf(report).map((result) => [result.id, result.status]));
const problems = (results: readonly CheckResult[]) => results.filter((result) => result.status === 'failed' || result.status === 'warning');

describe('a correctly provisioned room', () => {
  it('passes every check the tenant lets RoomReady read; the others are unknown, with why', async () => {
    const report = await validate();
    const results = resultsOf(report);
    for (const result of results) {
      if (UNDECIDABLE[result.id]) {
        expect(result.status, result.id).toBe('unknown');
        expect(result.reason).toContain(UNDECIDABLE[result.id]);
      } else expect(result.status, `${result.id}: ${result.message}`).toBe('passed');
    }
    expect(results.map((result) => result.id)).toEqual(expect.arrayContaining(['mailbox.is-room', 'calendar.keep-comments', 'license.basic-count', 'places.metadata', 'places.room-list']));
    expect(report.coverage.unknown).toBe(Object.keys(UNDECIDABLE).length);
  });

  it('passes the conditional-access check when the MFA policy excludes the room by group (its memberships read) or by its own id', async () => {
    expect(statusById(await validate())['security.no-mfa-or-device-ca']).toBe('passed');
    const snapshot = tenant.snapshot();
    const mfa = snapshot.conditionalAccessPolicies.find((policy) => policy.displayName === 'Require MFA for all users')!;
    const rainier = snapshot.users.find((user) => user.userPrincipalName === RAINIER)!;
    tenant.removeConditionalAccessPolicy(mfa.id);
    tenant.addConditionalAccessPolicy({ displayName: 'Require MFA for all users', includeUsers: ['All'], excludeUsers: [rainier.id], builtInControls: ['mfa'] });
    expect(statusById(await validate())['security.no-mfa-or-device-ca']).toBe('passed');
  });
});

/** Issue §4's misconfigurations, each seeded alone into the sample's correct room. */
const SEEDED: Array<[CheckId, string, (tenant: SimulatorTenant) => void]> = [
  ['mailbox.is-room', 'the mailbox is a shared mailbox', (t) => t.setMailbox(RAINIER, { type: 'SharedMailbox' })],
  ['calendar.auto-accept', 'AutomateProcessing AutoUpdate', (t) => t.setCalendarProcessing(RAINIER, { AutomateProcessing: 'AutoUpdate' })],
  ['calendar.keep-comments', 'DeleteComments True', (t) => t.setCalendarProcessing(RAINIER, { DeleteComments: true })],
  ['calendar.keep-subject', 'DeleteSubject True', (t) => t.setCalendarProcessing(RAINIER, { DeleteSubject: true })],
  ['calendar.keep-private', 'RemovePrivateProperty True', (t) => t.setCalendarProcessing(RAINIER, { RemovePrivateProperty: true })],
  ['calendar.organizer-not-in-subject', 'AddOrganizerToSubject True', (t) => t.setCalendarProcessing(RAINIER, { AddOrganizerToSubject: true })],
  ['calendar.external-invites', 'ProcessExternalMeetingMessages False', (t) => t.setCalendarProcessing(RAINIER, { ProcessExternalMeetingMessages: false })],
  ['account.sign-in-not-blocked', 'sign-in blocked (accountEnabled false)', (t) => t.setUser(RAINIER, { accountEnabled: false })],
  ['account.password-never-expires', 'the password expires', (t) => t.setUser(RAINIER, { passwordPolicies: null })],
  ['account.password-never-expires', 'only DisableStrongPassword', (t) => t.setUser(RAINIER, { passwordPolicies: 'DisableStrongPassword' })],
  ['identity.upn-equals-smtp', 'the primary SMTP address differs from the UPN', (t) => t.setMailbox(RAINIER, { primarySmtpAddress: 'rainier@contoso.com' })],
  ['license.usage-location', 'no usage location', (t) => t.setUser(RAINIER, { usageLocation: null })],
  ['license.teams-rooms', 'no licence', (t) => t.setUser(RAINIER, { licenses: [] })],
  ['license.not-user-suite', 'a user suite beside Pro', (t) => t.setUser(RAINIER, { licenses: ['Microsoft_Teams_Rooms_Pro', 'SPE_E5'] })],
  [
    'license.basic-count',
    '26 rooms on Teams Rooms Basic',
    (t) => {
      for (let index = 0; index < 26; index++) t.createUser({ userPrincipalName: `basic-${index}@contoso.com`, displayName: `Basic ${index}`, licenses: ['Microsoft_Teams_Rooms_Basic'] });
    },
  ],
  [
    'security.no-mfa-or-device-ca',
    'a policy demanding a compliant device from everyone',
    (t) => void t.addConditionalAccessPolicy({ displayName: 'Require a compliant device', includeUsers: ['All'], builtInControls: ['compliantDevice'] }),
  ],
  ['security.no-mfa-or-device-ca', 'out of the group the MFA policy excludes', (t) => t.removeGroupMember(TEAMS_ROOMS_GROUP, RAINIER)],
  ['places.room-list', 'out of its room list', (t) => t.removeRoomListMember('Building 7 Rooms', RAINIER)],
  ['places.metadata', 'capacity 10 where the site says 12', (t) => t.setPlace(RAINIER, { Capacity: 10 })],
];

describe('each misconfiguration, seeded alone, fails exactly its check', () => {
  it.each(SEEDED)('%s: %s', async (id, _what, seed) => {
    seed(tenant);
    const report = await validate();
    const found = problems(resultsOf(report));
    expect(found.map((result) => `${result.id}: ${result.message}`)).toEqual([expect.stringMatching(new RegExp(`^${id.replace('.', '\\.')}: `))]);
    expect(found[0]!.status).toBe(CHECKS.find((check) => check.id === id)!.severity === 'fail' ? 'failed' : 'warning');
    expect(found[0]!.remediation).toBeDefined();
  });

  it('what Graph does not say stays unknown, never passed: a forced password change', async () => {
    tenant.setUser(RAINIER, { forceChangePasswordNextSignIn: true });
    const statuses = statusById(await validate());
    expect(statuses['account.no-forced-change']).toBe('unknown');
  });
});

const EXCHANGE_READS = new Set<ReadKind>(['mailbox', 'calendar', 'place', 'roomLists']);

/** Checks whose status changed between two reports. */
function changedChecks(before: ValidationReport, after: ValidationReport): CheckId[] {
  const old = statusById(before);
  return resultsOf(after)
    .filter((result) => old[result.id] !== result.status)
    .map((result) => result.id)
    .sort();
}

describe('a refused read makes exactly the checks that need it unknown', () => {
  it('conditional-access policies refused (an admin without a reader role for them)', async () => {
    tenant.setDirectoryRoles(sim.limitedAdminUpn, ['User Administrator', 'Exchange Administrator']);
    // The sample's MFA policy would stop the admin's password sign-in; the test is about the reads.
    tenant.addGroupMember(TEAMS_ROOMS_GROUP, sim.limitedAdminUpn);
    tenant.removeGroupMember(TEAMS_ROOMS_GROUP, RAINIER);
    const admin = tenant.snapshot().users.find((user) => user.userPrincipalName === sim.limitedAdminUpn)!;
    tenant.addConditionalAccessPolicy({ displayName: 'Require a compliant device', includeUsers: ['All'], excludeUsers: [admin.id], builtInControls: ['compliantDevice'] });
    const full = await validate();
    const refused = await validate({ kind: 'user', upn: sim.limitedAdminUpn });
    expect(statusById(full)['security.no-mfa-or-device-ca']).toBe('failed');
    expect(changedChecks(full, refused)).toEqual(['security.no-mfa-or-device-ca']);
    const result = resultsOf(refused).find((r) => r.id === 'security.no-mfa-or-device-ca')!;
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/403/);
  });

  it('Exchange Online refused (an admin without an Exchange role)', async () => {
    tenant.setDirectoryRoles(sim.limitedAdminUpn, ['User Administrator', 'Security Reader']);
    tenant.addGroupMember(TEAMS_ROOMS_GROUP, sim.limitedAdminUpn);
    const full = await validate();
    const refused = await validate({ kind: 'user', upn: sim.limitedAdminUpn });
    const needExchange = CHECKS.filter((check) => check.reads.some((read) => EXCHANGE_READS.has(read)) && resultsOf(full).some((r) => r.id === check.id)).map((check) => check.id);
    expect(changedChecks(full, refused)).toEqual([...needExchange].sort());
    for (const id of needExchange) {
      const result = resultsOf(refused).find((r) => r.id === id)!;
      expect(result.status).toBe('unknown');
      expect(result.reason).toMatch(/403/);
    }
  });
});

describe('the tenant audit', () => {
  it('finds the sample\'s rooms by evidence and makes no write request', async () => {
    sim.resetStats();
    const report = await auditTenant(gatewaysFor(sim), { now: () => new Date('2026-03-01T00:00:00Z') });
    const stats = sim.stats();
    expect(stats.writes).toBe(0);
    expect(stats.reads).toBeGreaterThan(0);
    // Rainier: an enabled room account with Pro. Baker: an enabled room account (with a user suite).
    // Board Room: a shared mailbox with a disabled account and no licence, so not a console.
    expect(report.rooms.map((room) => [room.upn, room.foundBy])).toEqual([
      [SAMPLE_ROOMS.misconfigured, ['room-mailboxes']],
      [RAINIER, ['room-mailboxes', 'teams-rooms-licenses']],
    ]);
    expect(report.coverage.discovery).toEqual([
      { source: 'room-mailboxes', status: 'read', found: 2 },
      { source: 'teams-rooms-licenses', status: 'read', found: 1 },
    ]);
    const baker = report.rooms.find((room) => room.upn === SAMPLE_ROOMS.misconfigured)!;
    const bakerProblems = problems(baker.results).map((result) => result.id);
    expect(bakerProblems).toEqual(
      expect.arrayContaining(['calendar.keep-comments', 'calendar.external-invites', 'account.password-never-expires', 'license.teams-rooms', 'license.not-user-suite']),
    );
    expect(baker.status).toBe('failed');
    // Both renderings take the live report: the JSON passes its schema, the Markdown starts with coverage.
    expect(JSON.parse(renderValidationJson(report)).rooms).toHaveLength(2);
    const markdown = renderValidationMarkdown(report);
    expect(markdown.indexOf('## Coverage')).toBeLessThan(markdown.indexOf('## Rooms'));
    expect(markdown).toContain('room-mailboxes: 2 found');
  });

  it('still makes no write when a room is seeded broken and reads are throttled', async () => {
    tenant.setCalendarProcessing(RAINIER, { DeleteComments: true });
    tenant.setFaults({ throttleRate: 0.2, retryAfterSeconds: 0 });
    sim.resetStats();
    const report = await auditTenant(gatewaysFor(sim));
    expect(sim.stats().writes).toBe(0);
    expect(sim.stats().throttled).toBeGreaterThan(0);
    const rainier = report.rooms.find((room) => room.upn === RAINIER)!;
    expect(rainier.results.find((result) => result.id === 'calendar.keep-comments')!.status).toBe('failed');
  });
});
