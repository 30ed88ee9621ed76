// The collector over in-memory gateways: batched user reads, bounded Exchange reads, failures kept
// as reasons, "not found" kept as a value, nothing read that no check needs, and no writes.
import { describe, expect, it } from 'vitest';
import { collectObservations } from '../../../main/checks/collect.ts';
import { readOnlyGateways, WriteRefusedError, type ReadGateways } from '../../../main/checks/read-only.ts';
import { validateRooms } from '../../../main/checks/validate.ts';
import { expectationsFor, readsFor } from '../../../shared/checks.ts';
import { TOPOLOGIES } from '../../../shared/topology.ts';
import { ExchangeCmdletError, PermissionError, type ConditionalAccessPolicy, type ExchangeParameters, type GraphUser } from '../../../main/tenant/types.ts';
import { ROOM, SKU, site } from './fixtures.ts';

const UPNS = Array.from({ length: 12 }, (_, index) => `mtr-${index}@contoso.com`);

interface Recorder {
  cmdlets: string[];
  getUsersCalls: string[][];
  membershipCalls: string[];
  inFlight: number;
  maxInFlight: number;
}

function fakeTenant(options: { refuse?: 'conditionalAccess' | 'exchange' | 'memberships'; missing?: string; policies?: ConditionalAccessPolicy[] } = {}): { gateways: ReadGateways; recorder: Recorder } {
  const recorder: Recorder = { cmdlets: [], getUsersCalls: [], membershipCalls: [], inFlight: 0, maxInFlight: 0 };
  const user = (upn: string): GraphUser => ({ id: `id-${upn}`, userPrincipalName: upn, accountEnabled: true, passwordPolicies: 'DisablePasswordExpiration', usageLocation: 'US', assignedLicenses: [{ skuId: SKU.pro.skuId, disabledPlans: [] }], proxyAddresses: [] });
  const gateways: ReadGateways = {
    graph: {
      async getUsers(upns) {
        recorder.getUsersCalls.push([...upns]);
        return new Map(upns.map((upn) => [upn, upn === options.missing ? undefined : user(upn)]));
      },
      findUsers: async () => [],
      listSubscribedSkus: async () => [{ ...SKU.pro, appliesTo: 'User', capabilityStatus: 'Enabled', consumedUnits: 12, prepaidUnits: { enabled: 20, suspended: 0, warning: 0 } }],
      async listConditionalAccessPolicies() {
        if (options.refuse === 'conditionalAccess') throw new PermissionError('Microsoft Graph refused GET /identity/conditionalAccess/policies (403)', 'graph', 403, 'Policy.Read.All');
        return options.policies ?? [];
      },
      async userMemberships(userId) {
        recorder.membershipCalls.push(userId);
        if (options.refuse === 'memberships') throw new PermissionError('Microsoft Graph refused GET /users/{id}/transitiveMemberOf (403)', 'graph', 403, 'GroupMember.Read.All');
        return { groupIds: ['group-rooms'], roleTemplateIds: [] };
      },
    },
    exchange: {
      async invoke(cmdlet: string, parameters: ExchangeParameters) {
        recorder.cmdlets.push(cmdlet);
        recorder.inFlight++;
        recorder.maxInFlight = Math.max(recorder.maxInFlight, recorder.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        recorder.inFlight--;
        if (options.refuse === 'exchange') throw new PermissionError('Exchange Online refused Get-Mailbox (403)', 'exchange', 403);
        const identity = String(parameters.Identity ?? '');
        if (identity === options.missing) throw new ExchangeCmdletError(`The operation couldn't be performed because object '${identity}' couldn't be found.`, cmdlet, 404, 'ManagementObjectNotFoundException');
        if (cmdlet === 'Get-Mailbox') return [{ RecipientTypeDetails: 'RoomMailbox', PrimarySmtpAddress: identity, UserPrincipalName: identity }];
        if (cmdlet === 'Get-DistributionGroup') return [{ Name: 'All rooms', PrimarySmtpAddress: 'rooms@contoso.com' }];
        if (cmdlet === 'Get-DistributionGroupMember') return UPNS.map((upn) => ({ PrimarySmtpAddress: upn }));
        return [{ Identity: identity }];
      },
    },
  };
  return { gateways, recorder };
}

const input = (upns: readonly string[], topology = TOPOLOGIES['teams-online']) => {
  const built = site(topology.id);
  const rooms = upns.map((upn) => expectationsFor({ ...ROOM, upn }, built));
  return { upns, topology, reads: readsFor(rooms, topology) };
};

describe('collectObservations', () => {
  it('reads all users in one getUsers call and bounds the Exchange reads', async () => {
    const { gateways, recorder } = fakeTenant();
    const collected = await collectObservations(gateways, input(UPNS), { concurrency: 3 });
    expect(recorder.getUsersCalls).toEqual([UPNS]);
    expect(recorder.maxInFlight).toBeLessThanOrEqual(3 * 2); // each room reads calendar and place together
    expect(recorder.cmdlets.filter((cmdlet) => cmdlet === 'Get-Mailbox')).toHaveLength(UPNS.length);
    expect(recorder.cmdlets.filter((cmdlet) => cmdlet === 'Get-DistributionGroup')).toHaveLength(1);
    expect(collected.room(UPNS[0]!).user).toMatchObject({ state: 'read', value: { userPrincipalName: UPNS[0] } });
  });

  it('keeps "not found" as a value and skips the reads that cannot find anything either', async () => {
    const { gateways, recorder } = fakeTenant({ missing: UPNS[1] });
    const collected = await collectObservations(gateways, input(UPNS.slice(0, 2)), { concurrency: 1 });
    const room = collected.room(UPNS[1]!);
    expect(room.mailbox).toEqual({ state: 'read', value: undefined });
    expect(room.calendar).toEqual({ state: 'read', value: undefined });
    expect(room.user).toEqual({ state: 'read', value: undefined });
    expect(recorder.cmdlets.filter((cmdlet) => cmdlet === 'Get-CalendarProcessing')).toHaveLength(1);
  });

  it('turns a refused read into unavailable with the permission it needs', async () => {
    const { gateways } = fakeTenant({ refuse: 'conditionalAccess' });
    const collected = await collectObservations(gateways, input(UPNS.slice(0, 1)));
    expect(collected.tenant.conditionalAccess).toEqual({ state: 'unavailable', reason: expect.stringContaining('Policy.Read.All') });
    expect(collected.tenant.subscribedSkus.state).toBe('read');
  });

  it('does not ask Exchange Online about mailboxes on Exchange Server, or anything no check needs', async () => {
    const { gateways, recorder } = fakeTenant();
    const collected = await collectObservations(gateways, input(UPNS.slice(0, 2), TOPOLOGIES['hybrid-exchange-onprem-sfbonline']));
    expect(recorder.cmdlets).toEqual([]);
    expect(collected.room(UPNS[0]!).mailbox).toEqual({ state: 'unavailable', reason: expect.stringContaining('Exchange Server') });
    expect(collected.room(UPNS[0]!).place).toEqual({ state: 'unavailable', reason: 'no applicable check needs it' });
  });
});

const mfaPolicy = (users: NonNullable<ConditionalAccessPolicy['conditions']['users']>): ConditionalAccessPolicy => ({
  id: 'policy-mfa',
  displayName: 'Require MFA',
  state: 'enabled',
  conditions: { users, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
  grantControls: { operator: 'OR', builtInControls: ['mfa'] },
});

describe('memberships for conditional access scoped by group or role', () => {
  it('are read per room only when a policy names groups or roles, and decide whether it applies', async () => {
    const unscoped = fakeTenant({ policies: [mfaPolicy({ includeUsers: ['All'] })] });
    const plain = await collectObservations(unscoped.gateways, input(UPNS.slice(0, 2)));
    expect(unscoped.recorder.membershipCalls).toEqual([]);
    expect(plain.room(UPNS[0]!).memberships.state).toBe('unavailable');

    const excluded = fakeTenant({ policies: [mfaPolicy({ includeUsers: ['All'], excludeGroups: ['group-rooms'] })] });
    const report = await validateRooms(excluded.gateways, site());
    expect(excluded.recorder.membershipCalls.length).toBe(report.rooms.length);
    const ca = report.rooms[0]!.results.find((result) => result.id === 'security.no-mfa-or-device-ca')!;
    expect(ca.status).toBe('passed');

    const included = fakeTenant({ policies: [mfaPolicy({ includeGroups: ['group-rooms'] })] });
    const caught = (await validateRooms(included.gateways, site())).rooms[0]!.results.find((result) => result.id === 'security.no-mfa-or-device-ca')!;
    expect(caught.status).toBe('failed');
    expect(JSON.stringify(caught)).toContain('Require MFA');
  });

  it('a refused membership read leaves a group-scoped policy unknown, with the reason', async () => {
    const refused = fakeTenant({ refuse: 'memberships', policies: [mfaPolicy({ includeUsers: ['All'], excludeGroups: ['group-rooms'] })] });
    const ca = (await validateRooms(refused.gateways, site())).rooms[0]!.results.find((result) => result.id === 'security.no-mfa-or-device-ca')!;
    expect(ca.status).toBe('unknown');
    expect(JSON.stringify(ca)).toContain('GroupMember.Read.All');
  });
});

describe('validateRooms', () => {
  it('reports a refused service as unknown checks, with the reason, in coverage first', async () => {
    const { gateways } = fakeTenant({ refuse: 'exchange' });
    const report = await validateRooms(gateways, site(), { now: () => new Date('2026-01-01T00:00:00Z') });
    expect(report.generatedAt).toBe('2026-01-01T00:00:00.000Z');
    const exchangeChecks = report.coverage.checks.filter((check) => check.id.startsWith('calendar.') || check.id === 'mailbox.is-room');
    expect(exchangeChecks.every((check) => check.unknown === 1 && check.unknownReasons[0]!.reason.includes('Exchange Online refused'))).toBe(true);
    expect(report.rooms[0]!.results.find((result) => result.id === 'license.teams-rooms')!.status).toBe('passed');
  });

  it('only reads: a write through the gateways it is given is refused', async () => {
    const { gateways } = fakeTenant();
    await expect(readOnlyGateways(gateways).exchange.invoke('Set-CalendarProcessing', { Identity: UPNS[0]! })).rejects.toBeInstanceOf(WriteRefusedError);
    expect(Object.keys(readOnlyGateways(gateways).graph).sort()).toEqual(['findUsers', 'getUsers', 'listConditionalAccessPolicies', 'listSubscribedSkus', 'userMemberships']);
  });
});
