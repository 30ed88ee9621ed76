// The conditional-access exclusion group, live against the simulated tenant (whose "Require MFA for
// all users" policy excludes the "Teams Rooms" group): provisioning adds each room once, a second run
// writes nothing, validation then passes security.no-mfa-or-device-ca; an unknown or ambiguous group
// name fails the step with the name; preflight checks the group; the simulator answers like Graph.
import { afterEach, describe, expect, it } from 'vitest';
import { validateRooms } from '../../main/checks/validate.ts';
import { readOnlyGateways } from '../../main/checks/read-only.ts';
import { provisionSite } from '../../main/provision/engine.ts';
import { preflightSite } from '../../main/provision/preflight.ts';
import { TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { GraphRequestError, type GraphGateway } from '../../main/tenant/types.ts';
import { SiteSchema, type Room, type SiteInput } from '../../shared/model.ts';
import { startLiveTenant, type LiveTenant } from '../support/live-tenant.ts';

let live: LiveTenant | undefined;
afterEach(async () => {
  await live?.stop();
  live = undefined;
});

const fast = { timeoutMs: 3_000, pollMs: 20 };
const password = async () => 'Practice-Password-42!';
const rooms: Room[] = [0, 1].map((i) => ({ upn: `mtr-ca-${i}@contoso.com`, displayName: `CA room ${i}` }));

function site(defaults: SiteInput['defaults'] = {}, topology: 'teams-online' | 'online' = 'teams-online') {
  return SiteSchema.parse({ name: 'HQ', topology, tenantDomain: 'contoso.com', defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', ...defaults }, rooms });
}

/** The gateway, counting group lookups (and optionally answering them itself). */
function counting(graph: GraphGateway, answer?: GraphGateway['findGroupsByName']) {
  const calls = { lookups: 0 };
  const wrapped: GraphGateway = {
    ...graph,
    findGroupsByName: (name) => {
      calls.lookups++;
      return answer ? answer(name) : graph.findGroupsByName(name);
    },
  };
  return { graph: wrapped, calls };
}

const stepOf = (result: Awaited<ReturnType<typeof provisionSite>>, upn: string) => result.rooms.find((room) => room.upn === upn)!.steps.find((step) => step.step === 'entra.group-membership');
const caStatus = async (target: LiveTenant, forSite: ReturnType<typeof site>) => {
  const report = await validateRooms(readOnlyGateways({ graph: target.graph, exchange: target.exchange }), forSite, { concurrency: 2 });
  return report.rooms.map((room) => room.results.find((result) => result.id === 'security.no-mfa-or-device-ca')?.status);
};

describe('provision: the conditional-access exclusion group', () => {
  it('adds each room once (one group lookup per run), a second run writes nothing, and validation passes the MFA check', async () => {
    live = await startLiveTenant({ replicationLagMs: 30 });
    const withGroup = site({ conditionalAccessGroup: TEAMS_ROOMS_GROUP });
    const { graph, calls } = counting(live.graph);
    const first = await provisionSite({ site: withGroup, graph, exchange: live.exchange, passwordFor: password, replication: fast });
    for (const room of first.rooms) {
      expect(room.steps.filter((step) => step.status !== 'changed' && step.status !== 'passed').map((step) => `${step.step}: ${step.status}: ${step.message}`), room.upn).toEqual([]);
      expect(stepOf(first, room.upn)).toMatchObject({ status: 'changed', changes: [{ property: 'MemberOf', before: null, after: TEAMS_ROOMS_GROUP }] });
    }
    expect(calls.lookups).toBe(1);
    const [group] = await live.graph.findGroupsByName(TEAMS_ROOMS_GROUP);
    const user = await live.graph.getUser(rooms[0]!.upn, ['id']);
    expect((await live.graph.userMemberships(user!.id)).groupIds).toContain(group!.id);
    expect(await caStatus(live, withGroup)).toEqual(['passed', 'passed']);

    live.counts.writes = 0;
    const second = await provisionSite({ site: withGroup, graph, exchange: live.exchange, passwordFor: password, replication: fast });
    expect(live.counts.writes).toBe(0);
    expect(calls.lookups).toBe(2);
    for (const room of rooms) expect(stepOf(second, room.upn)).toMatchObject({ status: 'passed', message: 'Already a member.' });
  });

  it('without a group the same rooms fail the MFA check (so the check above can fail)', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    const plain = site();
    const result = await provisionSite({ site: plain, graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    expect(stepOf(result, rooms[0]!.upn)).toBeUndefined();
    expect(await caStatus(live, plain)).toEqual(['failed', 'failed']);
  });

  it('fails the step, naming the group, when no group has the name; the licence is not assigned', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    const result = await provisionSite({ site: site({ conditionalAccessGroup: "Nobody's Rooms" }), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    for (const room of result.rooms) {
      expect(stepOf(result, room.upn)).toMatchObject({ status: 'failed', message: 'There is no group named "Nobody\'s Rooms" in Microsoft Entra ID.' });
      expect(stepOf(result, room.upn)!.remediation).toContain('New-MgGroupMember');
      expect(room.steps.find((step) => step.step === 'entra.license')!.status).toBe('skipped');
    }
  });

  it('fails the step when several groups share the name, and writes no membership', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    const [real] = await live.graph.findGroupsByName(TEAMS_ROOMS_GROUP);
    const { graph } = counting(live.graph, async () => [real!, { id: '00000000-0000-4000-8000-000000000001', displayName: TEAMS_ROOMS_GROUP }]);
    const result = await provisionSite({ site: site({ conditionalAccessGroup: TEAMS_ROOMS_GROUP }), graph, exchange: live.exchange, passwordFor: password, replication: fast });
    expect(stepOf(result, rooms[0]!.upn)).toMatchObject({ status: 'failed', message: expect.stringContaining('Several groups (2) are named "Teams Rooms"') });
    const user = await live.graph.getUser(rooms[0]!.upn, ['id']);
    expect((await live.graph.userMemberships(user!.id)).groupIds).not.toContain(real!.id);
  });

  it('reports would-change in a dry run and writes nothing', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    live.counts.writes = 0;
    const result = await provisionSite({ site: site({ conditionalAccessGroup: TEAMS_ROOMS_GROUP }), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast, dryRun: true });
    expect(live.counts.writes).toBe(0);
    expect(stepOf(result, rooms[0]!.upn)).toMatchObject({ status: 'would-change', changes: [{ property: 'MemberOf', after: TEAMS_ROOMS_GROUP }] });
  });
});

describe('the simulated Graph: groups', () => {
  it('finds groups by display name with a doubled quote, adds a member once (400 the second time), 404 for an unknown group', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    expect(await live.graph.findGroupsByName("O'Brien")).toEqual([]);
    const [group] = await live.graph.findGroupsByName(TEAMS_ROOMS_GROUP.toUpperCase());
    expect(group).toMatchObject({ displayName: TEAMS_ROOMS_GROUP });
    await provisionSite({ site: site(), graph: live.graph, exchange: live.exchange, passwordFor: password, replication: fast });
    const user = await live.graph.getUser(rooms[1]!.upn, ['id']);
    await live.graph.addGroupMember(group!.id, user!.id);
    expect((await live.graph.userMemberships(user!.id)).groupIds).toContain(group!.id);
    const again = await live.graph.addGroupMember(group!.id, user!.id).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(GraphRequestError);
    expect(again).toMatchObject({ status: 400, message: expect.stringContaining('One or more added object references already exist') });
    const unknown = await live.graph.addGroupMember('00000000-0000-4000-8000-00000000dead', user!.id).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404 });
  });
});

describe('preflight: the conditional-access exclusion group', () => {
  it('finds the named group and says the MFA policy will not cover the new rooms; an unknown name is an error naming it', async () => {
    live = await startLiveTenant({ replicationLagMs: 0 });
    const good = await preflightSite({ site: site({ conditionalAccessGroup: TEAMS_ROOMS_GROUP }), graph: live.graph, exchange: live.exchange, delegated: false });
    expect(good.findings).toContainEqual(expect.objectContaining({ severity: 'info', check: 'conditional-access.group', message: expect.stringContaining('"Teams Rooms" exists') }));
    const mfa = good.findings.filter((finding) => finding.check === 'conditional-access' && finding.message.includes('Require MFA for all users'));
    expect(mfa).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('provisioning adds 2 new room(s) to it') })]);

    const bad = await preflightSite({ site: site({ conditionalAccessGroup: 'Rooms Without MFA' }), graph: live.graph, exchange: live.exchange, delegated: false });
    expect(bad.ok).toBe(false);
    expect(bad.findings).toContainEqual(expect.objectContaining({ severity: 'error', check: 'conditional-access.group', message: expect.stringContaining('no group named "Rooms Without MFA"') }));
    expect(bad.findings).toContainEqual(expect.objectContaining({ severity: 'warning', check: 'conditional-access', message: expect.stringContaining('The group the site names is not among its exclusions') }));
  });
});
