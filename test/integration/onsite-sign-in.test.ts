// The room sign-in test against the simulated tenant: the real MSAL password grant through the
// simulator's transport, one room account per case set up with the state that causes the outcome,
// and the room's own Graph read of its licences. No result may carry the password or a token.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigError } from '../../main/auth/auth-errors.ts';
import { testRoomSignIn, type RoomSignInOptions } from '../../main/onsite/room-sign-in.ts';
import type { RunningSimulator, RoomSeed } from '../../main/simulator/contract.ts';
import { startSimulator } from '../../main/simulator/index.ts';
import { SAMPLE_ROOMS, TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { simulatorTransport } from '../../main/tenant/transport.ts';
import { SignInTestResultSchema, type SignInTestResult } from '../../shared/onsite/results.ts';
import { SIGN_IN_OUTCOME_INFO } from '../../shared/onsite/sign-in-outcomes.ts';
import { appToken, graph, tokenRequest } from './simulator-support.ts';

const ROOM_PASSWORD = 'Room-Console-Pass-7391!';
const AT = new Date('2026-05-04T08:30:00.000Z');

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11 });
});
afterAll(() => sim.stop());

let rooms = 0;
/** A room account as RoomReady leaves it (enabled, password, Pro licence, excluded from MFA), with `changes` on top. */
function room(changes: Partial<RoomSeed> = {}, options: { inExclusionGroup?: boolean } = {}): string {
  rooms += 1;
  const upn = `mtr-test${rooms}@contoso.com`;
  sim.tenant.createRoom({ userPrincipalName: upn, displayName: `Test room ${rooms}`, accountEnabled: true, password: ROOM_PASSWORD, usageLocation: 'US', passwordPolicies: 'DisablePasswordExpiration', licenses: ['Microsoft_Teams_Rooms_Pro'], ...changes });
  if (options.inExclusionGroup ?? true) sim.tenant.addGroupMember(TEAMS_ROOMS_GROUP, upn);
  return upn;
}

/** Runs the test as the app would in practice mode, and checks what every result must be. */
async function signIn(upn: string, password = ROOM_PASSWORD, extra: Partial<RoomSignInOptions> = {}): Promise<SignInTestResult> {
  const result = await testRoomSignIn({ cloud: 'simulated', tenant: sim.tenantDomain, clientId: sim.publicClientId, transport: simulatorTransport(sim.url), upn, password, now: () => AT, ...extra });
  expect(SignInTestResultSchema.parse(result)).toEqual(result);
  const json = JSON.stringify(result);
  expect(json).not.toContain(password);
  expect(json).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\./); // no JWT
  expect(result.check).toMatchObject({ id: 'sign-in.room', title: 'Room account sign-in', at: AT.toISOString() });
  expect(result.check.evidence).toMatchObject({ outcome: result.outcome });
  expect(result.explanation).not.toBe('');
  return result;
}

/** What a refused sign-in must say: the outcome, its code, the outcome's words and remedy. */
function expectRefused(result: SignInTestResult, outcome: SignInTestResult['outcome'], aadsts: string): void {
  expect(result).toMatchObject({ outcome, aadsts, explanation: SIGN_IN_OUTCOME_INFO[outcome].explanation, remedy: SIGN_IN_OUTCOME_INFO[outcome].remedy });
  expect(result.licences).toBeUndefined();
  expect(result.check.status).toBe('failed');
  expect(result.check.detail).toContain(aadsts);
  expect(result.check.detail).toContain(result.upn);
  expect(result.check.remedy).toBe(SIGN_IN_OUTCOME_INFO[outcome].remedy);
  expect(result.check.evidence).toEqual({ outcome, aadsts });
}

describe('room sign-in test: the account signs in', () => {
  it('passes with a Teams Rooms licence, read with the room\'s own token', async () => {
    const before = sim.stats();
    const result = await signIn(SAMPLE_ROOMS.configured, sim.practicePassword);
    expect(result).toMatchObject({ outcome: 'signed-in', licences: ['Microsoft_Teams_Rooms_Pro'], remedy: '' });
    expect(result.aadsts).toBeUndefined();
    expect(result.check.status).toBe('passed');
    expect(result.check.remedy).toBeUndefined();
    expect(result.check.evidence).toEqual({ outcome: 'signed-in', licences: ['Microsoft_Teams_Rooms_Pro'], otherLicences: [] });
    // One token request and one Graph read: the licences came from the tenant, not from the site.
    expect(sim.stats().tokens - before.tokens).toBe(1);
    expect(sim.stats().reads - before.reads).toBe(1);
  });

  it('counts Teams Rooms Basic too, and lists other licences apart', async () => {
    const upn = room({ licenses: ['Microsoft_Teams_Rooms_Basic', 'MCOCAP'] });
    const result = await signIn(upn);
    expect(result).toMatchObject({ outcome: 'signed-in', licences: ['Microsoft_Teams_Rooms_Basic'] });
    expect(result.check.evidence).toEqual({ outcome: 'signed-in', licences: ['Microsoft_Teams_Rooms_Basic'], otherLicences: ['MCOCAP'] });
  });

  it('a licence change in the tenant shows at the next test', async () => {
    const upn = room();
    expect((await signIn(upn)).outcome).toBe('signed-in');
    sim.tenant.setUser(upn, { licenses: [] });
    expect((await signIn(upn)).outcome).toBe('licence-missing');
  });
});

describe('room sign-in test: refusals, by AADSTS code', () => {
  it('wrong password: AADSTS50126, and a success before does not make it pass', async () => {
    const upn = room();
    expect((await signIn(upn)).outcome).toBe('signed-in');
    expectRefused(await signIn(upn, 'Not-The-Room-Password-1'), 'wrong-password', 'AADSTS50126');
  });

  it('expired password: AADSTS50055', async () => {
    const upn = room();
    sim.tenant.setSignIn(upn, { passwordExpired: true });
    expectRefused(await signIn(upn), 'password-expired', 'AADSTS50055');
  });

  it('password change forced at next sign-in reads as expired: AADSTS50055', async () => {
    const upn = room({ forceChangePasswordNextSignIn: true });
    expectRefused(await signIn(upn), 'password-expired', 'AADSTS50055');
  });

  it('MFA demanded by per-user MFA: AADSTS50076', async () => {
    const upn = room();
    sim.tenant.setSignIn(upn, { perUserMfa: true });
    expectRefused(await signIn(upn), 'mfa-required', 'AADSTS50076');
  });

  it('MFA demanded by a conditional-access policy (room outside its exclusion group): AADSTS50076', async () => {
    const upn = room({}, { inExclusionGroup: false });
    const result = await signIn(upn);
    expectRefused(result, 'mfa-required', 'AADSTS50076');
    expect(result.remedy).toContain('exclusion group');
    // The remedy works: in the exclusion group, the same password signs in.
    sim.tenant.addGroupMember(TEAMS_ROOMS_GROUP, upn);
    expect((await signIn(upn)).outcome).toBe('signed-in');
  });

  it('blocked by a conditional-access policy: AADSTS53003', async () => {
    const upn = room();
    const policy = sim.tenant.addConditionalAccessPolicy({ displayName: 'Block this room', includeUsers: [sim.tenant.snapshot().users.find((u) => u.userPrincipalName === upn)!.id], builtInControls: ['block'] });
    try {
      expectRefused(await signIn(upn), 'blocked-by-conditional-access', 'AADSTS53003');
    } finally {
      sim.tenant.removeConditionalAccessPolicy(policy);
    }
  });

  it('a policy demanding a compliant device is a conditional-access block too: AADSTS53000', async () => {
    const upn = room();
    const policy = sim.tenant.addConditionalAccessPolicy({ displayName: 'Compliant devices only', includeUsers: ['All'], builtInControls: ['compliantDevice'] });
    try {
      expectRefused(await signIn(upn), 'blocked-by-conditional-access', 'AADSTS53000');
    } finally {
      sim.tenant.removeConditionalAccessPolicy(policy);
    }
  });

  it('disabled account: AADSTS50057', async () => {
    const upn = room({ accountEnabled: false });
    expectRefused(await signIn(upn), 'account-disabled', 'AADSTS50057');
  });

  it('locked account: AADSTS50053', async () => {
    const upn = room();
    sim.tenant.setSignIn(upn, { locked: true });
    expectRefused(await signIn(upn), 'account-locked', 'AADSTS50053');
  });

  it('unknown account: AADSTS50034', async () => {
    expectRefused(await signIn('mtr-nowhere@contoso.com'), 'account-not-found', 'AADSTS50034');
  });

  it("anything else is 'other' with the code and the admin's explanation (unknown app: AADSTS700016)", async () => {
    const result = await signIn(room(), ROOM_PASSWORD, { clientId: '0b5c1a7e-8d0f-4e1a-9c43-2f6d5e7a9b10' });
    expect(result).toMatchObject({ outcome: 'other', aadsts: 'AADSTS700016', remedy: SIGN_IN_OUTCOME_INFO.other.remedy });
    expect(result.check.status).toBe('failed');
    expect(result.check.detail).toContain('no app with client ID 0b5c1a7e-8d0f-4e1a-9c43-2f6d5e7a9b10');
  });
});

describe('room sign-in test: licences', () => {
  it('signed in without a Teams Rooms licence: licence-missing, naming the user licence it holds', async () => {
    const upn = room({ licenses: ['SPE_E5'] });
    const result = await signIn(upn);
    expect(result).toMatchObject({ outcome: 'licence-missing', licences: [], explanation: SIGN_IN_OUTCOME_INFO['licence-missing'].explanation, remedy: SIGN_IN_OUTCOME_INFO['licence-missing'].remedy });
    expect(result.aadsts).toBeUndefined();
    expect(result.check.status).toBe('failed');
    expect(result.check.detail).toContain(`${upn} signed in. Its licences: SPE_E5. SPE_E5 (Microsoft 365 E5) is a user licence; room accounts need a Teams Rooms SKU`);
    expect(result.check.evidence).toEqual({ outcome: 'licence-missing', licences: [], otherLicences: ['SPE_E5'] });
  });

  it('signed in with no licence at all: licence-missing', async () => {
    const result = await signIn(room({ licenses: [] }));
    expect(result.outcome).toBe('licence-missing');
    expect(result.check.detail).toContain('signed in. It holds no licence at all.');
  });

  it("with the site's expected SKUs, another Teams Rooms SKU does not count", async () => {
    const upn = room({ licenses: ['Microsoft_Teams_Rooms_Basic'] });
    const result = await signIn(upn, ROOM_PASSWORD, { expectedSkus: ['Microsoft_Teams_Rooms_Pro'] });
    expect(result).toMatchObject({ outcome: 'licence-missing', licences: [] });
    expect(result.check.detail).toContain('Microsoft_Teams_Rooms_Basic (Microsoft Teams Rooms Basic) is a Teams Rooms licence, but not the one this site expects (Microsoft_Teams_Rooms_Pro).');
    expect((await signIn(upn, ROOM_PASSWORD, { expectedSkus: ['microsoft_teams_rooms_basic'] })).outcome).toBe('signed-in');
  });

  it('licences Graph cannot tell: signed in, with a warning instead of a verdict', async () => {
    const upn = room();
    sim.tenant.setFaults({ faultRate: 1 }); // Graph answers 503; sign-in is not affected
    try {
      const result = await signIn(upn);
      expect(result).toMatchObject({ outcome: 'signed-in' });
      expect(result.licences).toBeUndefined();
      expect(result.check.status).toBe('warning');
      expect(result.check.detail).toContain('licences could not be read (Microsoft Graph answered 503');
      expect(result.check.remedy).toContain('Teams Rooms licence');
    } finally {
      sim.tenant.setFaults({ faultRate: 0 });
    }
  });
});

describe('room sign-in test: network and input', () => {
  it('nothing listening: network, unknown status, with the transport error in plain words', async () => {
    const port = await closedPort();
    const result = await signIn(SAMPLE_ROOMS.configured, sim.practicePassword, { transport: simulatorTransport(`http://127.0.0.1:${port}`) });
    expect(result).toMatchObject({ outcome: 'network', explanation: SIGN_IN_OUTCOME_INFO.network.explanation, remedy: SIGN_IN_OUTCOME_INFO.network.remedy });
    expect(result.aadsts).toBeUndefined();
    expect(result.check.status).toBe('unknown');
    expect(result.check.detail).toMatch(new RegExp(`^Could not reach login\\.microsoftonline\\.com: .*ECONNREFUSED 127\\.0\\.0\\.1:${port}`));
  });

  it('a stalled network gives up at the deadline', async () => {
    const silent = net.createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const result = await signIn(SAMPLE_ROOMS.configured, sim.practicePassword, { transport: simulatorTransport(`http://127.0.0.1:${port}`), timeoutMs: 300 });
      expect(result.outcome).toBe('network');
      expect(result.check.detail).toMatch(/^Could not reach login\.microsoftonline\.com: no answer within 0\.3 s\. /);
    } finally {
      silent.close();
    }
  });

  it("a proxy's error page instead of Entra's answer: 'other', saying what came back", async () => {
    const proxy = http.createServer((_, response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad gateway</body></html>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as net.AddressInfo;
      const result = await signIn(SAMPLE_ROOMS.configured, sim.practicePassword, { transport: simulatorTransport(`http://127.0.0.1:${port}`) });
      expect(result.outcome).toBe('other');
      expect(result.aadsts).toBeUndefined();
      expect(result.check.status).toBe('failed');
      expect(result.check.detail).toContain('HTTP 502 from login.microsoftonline.com, and the answer was not JSON.');
    } finally {
      proxy.close();
    }
  });

  it('refuses unusable input with a clear error before anything is sent', async () => {
    const base = { cloud: 'simulated' as const, tenant: sim.tenantDomain, clientId: sim.publicClientId, transport: simulatorTransport(sim.url), upn: SAMPLE_ROOMS.configured, password: ROOM_PASSWORD };
    const tokens = sim.stats().tokens;
    await expect(testRoomSignIn({ ...base, upn: 'mtr-everest' })).rejects.toThrow(new AuthConfigError('"mtr-everest" is not a room account\'s user name: give its UPN, e.g. mtr-everest@contoso.com.'));
    await expect(testRoomSignIn({ ...base, password: '' })).rejects.toThrow(`Enter the password of ${SAMPLE_ROOMS.configured} to test its sign-in.`);
    await expect(testRoomSignIn({ ...base, tenant: 'contoso.com/../x' })).rejects.toThrow(/is not a tenant/);
    await expect(testRoomSignIn({ ...base, cloud: 'moon' as never })).rejects.toThrow('Unknown cloud "moon"');
    expect(sim.stats().tokens).toBe(tokens);
  });
});

describe("the simulated tenant's GET /me/licenseDetails (what the test reads)", () => {
  it('lists the signed-in room\'s licences by part number, with disabled plans, for a User.Read token', async () => {
    const upn = room({ licenses: [] });
    sim.tenant.setSku('Microsoft_Teams_Rooms_Pro', { prepaidUnits: 100 }); // the rooms above took the sample's 10
    const admin = await appToken(sim);
    const intune = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
    const assigned = await graph(sim, admin, 'POST', `/users/${upn}/assignLicense`, { addLicenses: [{ skuId: '4cde982a-ede4-4409-9ae6-b003453c8ea6', disabledPlans: [intune] }], removeLicenses: [] });
    expect(assigned.status, assigned.body).toBe(200);
    const token = await tokenRequest(sim, { grant_type: 'password', client_id: sim.publicClientId, username: upn, password: ROOM_PASSWORD, scope: 'https://graph.microsoft.com/User.Read' });
    expect(token.status).toBe(200);
    const answer = await graph(sim, token.json.access_token as string, 'GET', '/me/licenseDetails');
    expect(answer.status).toBe(200);
    expect(answer.json.value).toHaveLength(1);
    expect(answer.json.value[0]).toMatchObject({ skuId: '4cde982a-ede4-4409-9ae6-b003453c8ea6', skuPartNumber: 'Microsoft_Teams_Rooms_Pro' });
    expect(answer.json.value[0].servicePlans).toContainEqual({ servicePlanId: intune, servicePlanName: 'INTUNE_A', provisioningStatus: 'Disabled', appliesTo: 'User' });
    expect(answer.json.value[0].servicePlans).toContainEqual(expect.objectContaining({ servicePlanName: 'TEAMS1', provisioningStatus: 'Success', appliesTo: 'User' }));
    // Only the signed-in user's own: an app-only token has no "me", as in Graph.
    const appOnly = await graph(sim, admin, 'GET', '/me/licenseDetails');
    expect(appOnly.status).toBe(400);
    expect(appOnly.json.error.message).toBe('/me request is only valid with delegated authentication flow.');
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
