// The engine against the simulated tenant, through the production code paths (MSAL, the Graph
// client, the Exchange client): every topology's live parts, idempotency, resume, preflight.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../main/provision/journal.ts';
import { provisionSite } from '../../main/provision/engine.ts';
import { preflightSite } from '../../main/provision/preflight.ts';
import { SAMPLE_ROOMS, TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { SiteSchema, TOPOLOGY_IDS, type Room, type SiteInput } from '../../shared/model.ts';
import { startLiveTenant, type LiveTenant } from '../support/live-tenant.ts';

let live: LiveTenant | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await live?.stop();
  live = undefined;
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

const fast = { timeoutMs: 3_000, pollMs: 20 };
const password = async () => 'Practice-Password-42!';

function site(topology: (typeof TOPOLOGY_IDS)[number], rooms: Room[], defaults: SiteInput['defaults'] = {}) {
  return SiteSchema.parse({
    name: 'HQ',
    topology,
    tenantDomain: 'contoso.com',
    defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', registrarPool: 'pool01.contoso.com', ...defaults },
    rooms,
  });
}

const newRooms = (count: number): Room[] =>
  Array.from({ length: count }, (_, i) => ({
    upn: `mtr-new-${i}@contoso.com`,
    displayName: `New room ${i}`,
    capacity: 6 + i,
    building: 'Building 9',
    floor: String(i + 1),
    roomList: 'Building 9 Rooms',
    timeZone: 'Pacific Standard Time',
  }));

describe('provision: teams-online, create', () => {
  it('creates every room to the plan, then a second run makes no write request', async () => {
    live = await startLiveTenant({ replicationLagMs: 50 });
    const rooms = newRooms(3);
    const first = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    for (const room of first.rooms) {
      expect(room.steps.filter((step) => step.status !== 'changed' && step.status !== 'passed').map((step) => `${step.step}: ${step.status}: ${step.message}`), room.upn).toEqual([]);
      expect(room.status).toBe('passed');
    }
    // The tenant now holds what the plan wants.
    const [mailbox] = await live.exchange.invoke('Get-Mailbox', { Identity: rooms[0]!.upn });
    expect(mailbox).toMatchObject({ RecipientTypeDetails: 'RoomMailbox', PrimarySmtpAddress: rooms[0]!.upn });
    const [calendar] = await live.exchange.invoke('Get-CalendarProcessing', { Identity: rooms[0]!.upn });
    expect(calendar).toMatchObject({ AutomateProcessing: 'AutoAccept', DeleteComments: false, DeleteSubject: false, ProcessExternalMeetingMessages: true });
    const user = await live.graph.getUser(rooms[0]!.upn, ['id', 'accountEnabled', 'passwordPolicies', 'usageLocation', 'assignedLicenses']);
    expect(user).toMatchObject({ accountEnabled: true, usageLocation: 'US' });
    expect(user!.passwordPolicies).toContain('DisablePasswordExpiration');
    expect(user!.assignedLicenses).toHaveLength(1);

    live.counts.reads = 0;
    live.counts.writes = 0;
    const second = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    expect(live.counts.writes).toBe(0);
    expect(live.counts.reads).toBeGreaterThan(0);
    expect(second.rooms.every((room) => room.steps.every((step) => step.status === 'passed'))).toBe(true);
  });

  it('waits out replication lag as pending, then finishes on the next run', async () => {
    live = await startLiveTenant({ replicationLagMs: 60_000 });
    const rooms = newRooms(1);
    const first = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: { timeoutMs: 100, pollMs: 20 } });
    const statuses = Object.fromEntries(first.rooms[0]!.steps.map((step) => [step.step, step.status]));
    expect(statuses['exchange.room-mailbox']).toBe('changed');
    expect(statuses['entra.sign-in']).toBe('pending');
    expect(first.rooms[0]!.status).toBe('pending');
    const tenant = (live.simulator as unknown as { tenant: { flushReplication(): void } }).tenant;
    tenant.flushReplication();
    const second = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    expect(second.rooms[0]!.status).toBe('passed');
  });
});

describe('provision: every topology, create and convert (live parts live, the rest manual)', () => {
  const combos = TOPOLOGY_IDS.flatMap((topology) => (['create', 'convert'] as const).map((mode) => [topology, mode] as const));
  it.each(combos)('%s / %s', async (topology, mode) => {
    live = await startLiveTenant();
    const tenant = (live.simulator as unknown as { tenant: { createRoom(seed: object): unknown; createUser(seed: object): unknown } }).tenant;
    const room: Room = mode === 'convert' ? { upn: SAMPLE_ROOMS.legacy, displayName: 'Board Room', mode: 'convert' } : newRooms(1)[0]!;
    if (topology === 'hybrid-exchange-onprem-sfbonline') {
      // The account comes from AD through directory sync (with the UPN the on-premises steps set):
      // seed it as sync would.
      const upn = mode === 'convert' ? 'boardroom.synced@contoso.com' : room.upn;
      if (mode === 'convert') room.upn = upn;
      tenant.createUser({ userPrincipalName: upn, displayName: room.displayName, onPremisesSyncEnabled: true, accountEnabled: true });
    }
    const result = await provisionSite({ site: site(topology, [room], { mode }), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    const steps = result.rooms[0]!.steps;
    for (const step of steps) {
      const liveStep = step.step.startsWith('exchange.') || step.step.startsWith('places.') || step.step.startsWith('entra.');
      const onPremisesExchange = topology === 'onprem' || topology === 'hybrid-exchange-onprem-sfbonline';
      if (liveStep && !(onPremisesExchange && step.step.startsWith('exchange.'))) {
        expect(['changed', 'passed'], `${step.step}: ${step.message}`).toContain(step.status);
      } else {
        expect(step.status, step.step).toBe('manual');
      }
    }
  });
});

describe('cancellation', () => {
  it('provisionSite returns only once every room in flight has stopped: nothing happens after it', async () => {
    live = await startLiveTenant({ latencyMs: 40 });
    const controller = new AbortController();
    const events: string[] = [];
    let settled = false;
    const run = provisionSite({
      site: site('teams-online', newRooms(6)),
      graph: live.graph,
      exchange: live.exchange,
      passwordFor: password,
      replication: fast,
      concurrency: 6,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(`${settled ? 'AFTER ' : ''}${event.type}`);
        // Stop as soon as the first step of any room finishes, with the other rooms mid-request.
        if (event.type === 'step-finished') controller.abort(new Error('stopped'));
      },
    });
    await expect(run).rejects.toThrow('stopped');
    settled = true;
    const writes = live.counts.writes;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.filter((event) => event.startsWith('AFTER'))).toEqual([]);
    expect(live.counts.writes).toBe(writes);
    // Six rooms had started side by side: all of them were waited for.
    expect(events.filter((event) => event === 'room-started')).toHaveLength(6);
  });
});

describe('resume from the journal', () => {
  it('an interrupted run resumes without repeating finished steps and without duplicates', async () => {
    live = await startLiveTenant();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-journal-'));
    const journalPath = path.join(scratch, 'hq.journal.jsonl');
    const rooms = newRooms(4);
    const controller = new AbortController();
    let finishedSteps = 0;
    await expect(
      provisionSite({
        site: site('teams-online', rooms),
        graph: live.graph,
        exchange: live.exchange,
        passwordFor: password,
        replication: fast,
        journal: Journal.open(journalPath),
        signal: controller.signal,
        concurrency: 2,
        onEvent: (event) => {
          if (event.type === 'step-finished' && ++finishedSteps === 7) controller.abort(new Error('killed'));
        },
      }),
    ).rejects.toThrow();
    live.counts.writes = 0;
    const resumed = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast, journal: Journal.open(journalPath) });
    expect(resumed.run?.resumed).toBe(true);
    expect(resumed.rooms.flatMap((room) => room.steps).filter((step) => step.status !== 'passed' && step.status !== 'changed').map((step) => `${step.room} ${step.step}: ${step.status}: ${step.message}`)).toEqual([]);
    expect(resumed.rooms.flatMap((room) => room.steps).filter((step) => step.fromJournal).length).toBeGreaterThanOrEqual(6);
    const mailboxes = await live.exchange.invoke('Get-Mailbox', { RecipientTypeDetails: 'RoomMailbox', ResultSize: 'Unlimited' });
    for (const room of rooms) expect(mailboxes.filter((mailbox) => mailbox.PrimarySmtpAddress === room.upn)).toHaveLength(1);
    // A finished run is not resumed: the next one reads everything again and writes nothing.
    live.counts.writes = 0;
    const again = await provisionSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast, journal: Journal.open(journalPath) });
    expect(again.run?.resumed).toBe(false);
    expect(live.counts.writes).toBe(0);
  });
});

describe('preflight', () => {
  it('judges conditional access per existing account through its groups, and tenant-wide for new accounts', async () => {
    live = await startLiveTenant();
    const tenant = (live.simulator as unknown as { tenant: { removeGroupMember(group: string, upn: string): void } }).tenant;
    const existing: Room = { upn: SAMPLE_ROOMS.configured, displayName: 'Rainier', mode: 'convert' };
    const ca = async (rooms: Room[]) =>
      (await preflightSite({ site: site('teams-online', rooms), graph: live!.graph, exchange: live!.exchange, delegated: false })).findings.filter((finding) => finding.check === 'conditional-access');

    // The configured room is in the group the sample's MFA policy excludes: nothing to say about it.
    expect(await ca([existing])).toEqual([]);
    // New accounts are in no group yet: the policy covers them.
    const fresh = await ca([newRooms(1)[0]!]);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('new room accounts are covered') });
    expect(fresh[0]!.room).toBeUndefined();
    // Out of the excluded group, the existing account is named.
    tenant.removeGroupMember(TEAMS_ROOMS_GROUP, SAMPLE_ROOMS.configured);
    const covered = await ca([existing]);
    expect(covered).toEqual([expect.objectContaining({ severity: 'warning', room: SAMPLE_ROOMS.configured, message: expect.stringContaining('covers the existing account') })]);
  });


  it('finds collisions, unverified domains, licence shortfalls and MFA policies, and plans the changes without writing', async () => {
    live = await startLiveTenant();
    const rooms: Room[] = [
      ...newRooms(2),
      { upn: 'mtr-x@fabrikam.com', displayName: 'Fabrikam room' },
      { upn: SAMPLE_ROOMS.legacy, displayName: 'Board Room' }, // exists, and is not a room: a collision in create mode
    ];
    live.counts.writes = 0;
    const report = await preflightSite({ site: site('teams-online', rooms), graph: live.graph, exchange: live.exchange, delegated: false });
    expect(live.counts.writes).toBe(0);
    const checks = report.findings.map((finding) => finding.check);
    expect(checks).toContain('domain.verified');
    expect(checks).toContain('upn.collision');
    expect(checks).toContain('conditional-access');
    expect(report.ok).toBe(false);
    const plan = report.changePlan.find((room) => room.upn === rooms[0]!.upn)!;
    expect(plan.steps.find((step) => step.step === 'exchange.room-mailbox')!.status).toBe('would-change');
    expect(plan.steps.find((step) => step.step === 'exchange.calendar-processing')!.changes.length).toBeGreaterThan(3);
  });
});
