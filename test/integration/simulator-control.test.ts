// The control surface over HTTP (/_simulator/...), as another process uses a running simulator:
// read state and stats, change faults, approve device codes, and seed misconfigurations one at a
// time, each visible through Graph or Exchange right after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { SAMPLE_ROOMS } from '../../main/simulator/sample-data.ts';
import { appToken, control, exchange, graph, LOGIN, send, tokenRequest } from './simulator-support.ts';

let sim: RunningSimulator;
let token: string;
let exo: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 61, deviceCodeApprovalPolls: null });
  [token, exo] = await Promise.all([appToken(sim), appToken(sim, 'exchange')]);
});
afterAll(() => sim.stop());

describe('/_simulator', () => {
  it('lists its endpoints and operations, and gives identities, state and stats', async () => {
    const index = await control(sim, 'GET', '');
    expect(index.json.operations).toEqual(expect.arrayContaining(['setCalendarProcessing', 'addConditionalAccessPolicy', 'setUser', 'exhaustSku', 'approveDeviceCode']));
    const identities = (await control(sim, 'GET', 'identities')).json;
    expect(identities).toMatchObject({ tenantId: sim.tenantId, publicClientId: sim.publicClientId, confidentialClient: sim.confidentialClient, adminUpn: sim.adminUpn });
    expect(identities.practiceCertificate.thumbprint).toBe(sim.practiceCertificate.thumbprint);
    const state = (await control(sim, 'GET', 'state')).json;
    expect(state.mailboxes.map((m: { primarySmtpAddress: string }) => m.primarySmtpAddress)).toEqual(expect.arrayContaining(Object.values(SAMPLE_ROOMS)));
    expect(JSON.stringify(state)).not.toContain(sim.practicePassword);
    expect(JSON.stringify(state)).not.toContain(sim.confidentialClient.secret);
    await graph(sim, token, 'GET', '/domains');
    expect((await control(sim, 'GET', 'stats')).json.reads).toBeGreaterThanOrEqual(1);
    expect((await control(sim, 'POST', 'stats/reset')).json.result).toEqual({ reads: 0, writes: 0, tokens: 0, throttled: 0, faults: 0, resets: 0 });
  });

  it('is not delayed by the simulated latency', async () => {
    sim.tenant.setFaults({ latencyMs: 500 });
    try {
      const started = performance.now();
      await control(sim, 'GET', 'stats');
      expect(performance.now() - started).toBeLessThan(400);
      expect((await control(sim, 'GET', 'faults')).json.latencyMs).toBe(500);
    } finally {
      await control(sim, 'POST', 'faults', { latencyMs: 0 });
    }
    expect(sim.tenant.faults().latencyMs).toBe(0);
  });

  it('seeds misconfigurations one at a time, each seen by the services', async () => {
    expect((await control(sim, 'POST', 'tenant/setCalendarProcessing', [SAMPLE_ROOMS.configured, { DeleteComments: true }])).status).toBe(200);
    expect((await exchange(sim, exo, 'Get-CalendarProcessing', { Identity: SAMPLE_ROOMS.configured })).json.value[0].DeleteComments).toBe(true);

    await control(sim, 'POST', 'tenant/setUser', [SAMPLE_ROOMS.configured, { passwordPolicies: null, usageLocation: null }]);
    expect((await graph(sim, token, 'GET', `/users/${SAMPLE_ROOMS.configured}?$select=passwordPolicies,usageLocation`)).json).toMatchObject({ passwordPolicies: null, usageLocation: null });

    await control(sim, 'POST', 'tenant/setUser', [SAMPLE_ROOMS.configured, { licenses: ['SPE_E5'] }]);
    expect((await graph(sim, token, 'GET', `/users/${SAMPLE_ROOMS.configured}?$select=assignedLicenses`)).json.assignedLicenses).toEqual([{ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', disabledPlans: [] }]);

    const added = await control(sim, 'POST', 'tenant/addConditionalAccessPolicy', [{ displayName: 'Require compliant device', includeGroups: ['Teams Rooms'], builtInControls: ['compliantDevice'] }]);
    expect(added.json.result).toMatch(/^[0-9a-f-]{36}$/);
    const policies = (await graph(sim, token, 'GET', '/identity/conditionalAccess/policies')).json.value;
    expect(policies.find((p: { id: string }) => p.id === added.json.result).conditions.users.includeGroups).toHaveLength(1);

    await control(sim, 'POST', 'tenant/exhaustSku', ['Microsoft_Teams_Rooms_Pro']);
    const pro = (await graph(sim, token, 'GET', '/subscribedSkus')).json.value.find((s: { skuPartNumber: string }) => s.skuPartNumber === 'Microsoft_Teams_Rooms_Pro');
    expect(pro.prepaidUnits.enabled).toBe(pro.consumedUnits);

    await control(sim, 'POST', 'tenant/setMailbox', [SAMPLE_ROOMS.misconfigured, { type: 'SharedMailbox' }]);
    expect((await exchange(sim, exo, 'Get-Mailbox', { Identity: SAMPLE_ROOMS.misconfigured })).json.value[0].RecipientTypeDetails).toBe('SharedMailbox');

    await control(sim, 'POST', 'tenant/removeRoomListMember', ['Building 7 Rooms', SAMPLE_ROOMS.configured]);
    expect((await exchange(sim, exo, 'Get-DistributionGroupMember', { Identity: 'Building 7 Rooms' })).json.value).toEqual([]);

    await control(sim, 'POST', 'tenant/setPlace', [SAMPLE_ROOMS.configured, { Building: null, Capacity: null }]);
    expect((await graph(sim, token, 'GET', `/places/${SAMPLE_ROOMS.configured}`)).json).toMatchObject({ building: null, capacity: null });

    await control(sim, 'POST', 'tenant/setRegionalConfiguration', [SAMPLE_ROOMS.configured, { TimeZone: null }]);
    expect((await exchange(sim, exo, 'Get-MailboxRegionalConfiguration', { Identity: SAMPLE_ROOMS.configured })).json.value[0].TimeZone).toBeNull();
  });

  it('refuses unknown operations, bad arguments and unknown objects with a message', async () => {
    expect((await control(sim, 'POST', 'tenant/dropTenant', [])).status).toBe(404);
    const badArgs = await control(sim, 'POST', 'tenant/setSignIn', ['x@contoso.com', { lockedOut: true }]);
    expect(badArgs.status).toBe(400);
    expect(badArgs.json.error).toContain('bad arguments for setSignIn');
    const unknown = await control(sim, 'POST', 'tenant/setUser', ['ghost@contoso.com', { accountEnabled: false }]);
    expect(unknown).toEqual({ status: 400, json: { error: 'no user ghost@contoso.com in the simulated tenant' } });
    expect((await control(sim, 'POST', 'faults', { throttleRate: 3 })).status).toBe(400);
  });

  it('approves a device code over HTTP', async () => {
    const code = await send(sim, 'POST', `${LOGIN}/${sim.tenantId}/oauth2/v2.0/devicecode`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: sim.publicClientId, scope: 'https://graph.microsoft.com/.default' }).toString(),
    });
    const poll = () => tokenRequest(sim, { grant_type: 'device_code', client_id: sim.publicClientId, device_code: code.json.device_code });
    expect((await poll()).json.error).toBe('authorization_pending');
    expect((await control(sim, 'POST', 'device/approve', { userCode: code.json.user_code, upn: sim.limitedAdminUpn })).status).toBe(200);
    const approved = await poll();
    expect(approved.status).toBe(200);
    expect((await control(sim, 'POST', 'device/approve', {})).json.error).toBe('no device code is waiting for approval');
  });
});
