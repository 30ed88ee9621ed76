// Microsoft Graph v1.0 as the simulated tenant answers it: real URLs through simulatorTransport,
// real request bodies, Graph's own answers and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { SAMPLE_ROOMS, SAMPLE_SKUS } from '../../main/simulator/sample-data.ts';
import { appToken, graph, send, tokenRequest, userToken, type Answer, type Json } from './simulator-support.ts';

let sim: RunningSimulator;
let app: string;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11 });
  app = await appToken(sim);
});
afterAll(() => sim.stop());

const upns = (answer: { json: Json }) => (answer.json.value as Array<{ userPrincipalName: string }>).map((u) => u.userPrincipalName);

describe('authentication and authorisation', () => {
  it('needs a bearer token for Graph, signed by this tenant, not expired', async () => {
    const none = await graph(sim, '', 'GET', '/users', undefined, { authorization: '' });
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(none.json.error.innerError['request-id']).toBe(none.headers['request-id']);
    expect(none.headers['www-authenticate']).toContain('Bearer');

    const exchangeToken = await appToken(sim, 'exchange');
    const wrongAudience = await graph(sim, exchangeToken, 'GET', '/users');
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.json.error.message).toBe('Access token validation failure. Invalid audience.');

    const [header, payload, signature] = app.split('.');
    const edited = Buffer.from(payload!, 'base64url').toString().replace(/"roles":\[/, '"roles":["Directory.ReadWrite.All",');
    const tampered = await graph(sim, `${header}.${Buffer.from(edited).toString('base64url')}.${signature}`, 'GET', '/users');
    expect(tampered.status).toBe(401);

    // Another simulator of the same seed (same tenant id) signs with its own key; its tokens live 0 s.
    const other = await startSimulator({ seed: 11, tokenLifetimeSeconds: 0 });
    try {
      const foreign = await appToken(other);
      const refused = await graph(sim, foreign, 'GET', '/users');
      expect(refused.status).toBe(401);
      expect(refused.json.error.message).toBe('Access token validation failure.');
      const expired = await graph(other, foreign, 'GET', '/users');
      expect(expired.json.error.message).toBe('Lifetime validation failed, the token is expired.');
    } finally {
      await other.stop();
    }
  });

  it('answers 403 Authorization_RequestDenied without the permission, or without the admin role', async () => {
    const limited = await startSimulator({ seed: 13 });
    try {
      limited.tenant.setAppPermissions(limited.confidentialClient.clientId, 'application', 'graph', ['User.Read.All']);
      const readOnly = await appToken(limited);
      expect((await graph(limited, readOnly, 'GET', `/users/${limited.adminUpn}`)).status).toBe(200);
      const denied = await graph(limited, readOnly, 'PATCH', `/users/${limited.adminUpn}`, { usageLocation: 'GB' });
      expect(denied.status).toBe(403);
      expect(denied.json.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });

      // A User Administrator may manage users but not read conditional access or change Places.
      const helpdesk = await userToken(limited, limited.limitedAdminUpn);
      expect((await graph(limited, helpdesk, 'PATCH', `/users/${SAMPLE_ROOMS.misconfigured}`, { usageLocation: 'GB' })).status).toBe(204);
      expect((await graph(limited, helpdesk, 'GET', '/identity/conditionalAccess/policies')).status).toBe(403);
      expect((await graph(limited, helpdesk, 'PATCH', `/places/${SAMPLE_ROOMS.configured}`, { capacity: 3 })).status).toBe(403);
      const roles = await graph(limited, helpdesk, 'GET', '/me/transitiveMemberOf/microsoft.graph.directoryRole');
      expect(roles.json.value.map((r: { displayName: string }) => r.displayName)).toEqual(['User Administrator']);
      const globalAdmin = await userToken(limited, limited.adminUpn);
      expect((await graph(limited, globalAdmin, 'GET', '/identity/conditionalAccess/policies')).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('has no /me for an app-only token', async () => {
    const me = await graph(sim, app, 'GET', '/me');
    expect(me.status).toBe(400);
    expect(me.json.error.message).toBe('/me request is only valid with delegated authentication flow.');
  });
});

describe('users', () => {
  it('gets a user by UPN: default properties, or exactly the $select ones', async () => {
    const plain = await graph(sim, app, 'GET', `/users/${SAMPLE_ROOMS.configured}`);
    expect(plain.status).toBe(200);
    expect(plain.json).toMatchObject({ userPrincipalName: SAMPLE_ROOMS.configured, mail: SAMPLE_ROOMS.configured, '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity' });
    expect(plain.json.accountEnabled).toBeUndefined();
    const selected = await graph(sim, app, 'GET', `/users/${SAMPLE_ROOMS.configured}?$select=id,accountEnabled,passwordPolicies,usageLocation,assignedLicenses,proxyAddresses`);
    expect(Object.keys(selected.json).sort()).toEqual(['@odata.context', 'accountEnabled', 'assignedLicenses', 'id', 'passwordPolicies', 'proxyAddresses', 'usageLocation']);
    expect(selected.json).toMatchObject({ accountEnabled: true, passwordPolicies: 'DisablePasswordExpiration', usageLocation: 'US', assignedLicenses: [{ skuId: SAMPLE_SKUS.pro.skuId, disabledPlans: [] }] });
    expect(selected.json.proxyAddresses).toContain(`SMTP:${SAMPLE_ROOMS.configured}`);
    const byId = await graph(sim, app, 'GET', `/users/${selected.json.id}?$select=userPrincipalName`);
    expect(byId.json.userPrincipalName).toBe(SAMPLE_ROOMS.configured);
    const unknown = await graph(sim, app, 'GET', `/users/${SAMPLE_ROOMS.configured}?$select=id,favouriteColour`);
    expect(unknown.json.error).toMatchObject({ code: 'BadRequest', message: "Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'." });
    const missing = await graph(sim, app, 'GET', '/users/nobody@contoso.com');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 'Request_ResourceNotFound', message: "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present." });
  });

  it('filters by UPN, mail nickname, proxy address and licence; advanced operators need ConsistencyLevel', async () => {
    const filter = async (text: string, headers: Record<string, string> = {}, extra = '') => graph(sim, app, 'GET', `/users?$filter=${encodeURIComponent(text)}&$select=userPrincipalName${extra}`, undefined, headers);
    expect(upns(await filter(`userPrincipalName eq '${SAMPLE_ROOMS.misconfigured.toUpperCase()}'`))).toEqual([SAMPLE_ROOMS.misconfigured]);
    expect(upns(await filter("mailNickname eq 'boardroom'"))).toEqual([`boardroom@${sim.tenantDomain}`]);
    expect(upns(await filter(`proxyAddresses/any(x:x eq 'smtp:${SAMPLE_ROOMS.legacy}')`))).toEqual([`boardroom@${sim.tenantDomain}`]);
    expect(upns(await filter(`assignedLicenses/any(x:x/skuId eq ${SAMPLE_SKUS.pro.skuId})`))).toEqual([SAMPLE_ROOMS.configured]);
    expect(upns(await filter("startsWith(userPrincipalName,'mtr-') and accountEnabled eq true")).sort()).toEqual([SAMPLE_ROOMS.misconfigured, SAMPLE_ROOMS.configured].sort());

    const refused = await filter("endsWith(mail,'@contoso.com')");
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('Request_UnsupportedQuery');
    expect(refused.json.error.message).toContain("'ConsistencyLevel:eventual' header is missing");
    const advanced = await filter("endsWith(mail,'@contoso.com')", { ConsistencyLevel: 'eventual' }, '&$count=true');
    expect(advanced.status).toBe(200);
    expect(advanced.json['@odata.count']).toBe(upns(advanced).length);
    expect(upns(advanced)).toContain(SAMPLE_ROOMS.configured);

    const broken = await filter("userPrincipalName eq 'unterminated");
    expect(broken.status).toBe(400);
  });

  it('pages with @odata.nextLink on the Graph host until every user was listed once', async () => {
    for (let i = 0; i < 7; i++) sim.tenant.createUser({ userPrincipalName: `pager${i}@contoso.com`, displayName: `Pager ${i}` });
    const all = await graph(sim, app, 'GET', '/users?$select=id&$count=true&$top=999', undefined, { ConsistencyLevel: 'eventual' });
    const seen: string[] = [];
    let next: string | undefined = 'https://graph.microsoft.com/v1.0/users?$select=id&$top=3';
    let pages = 0;
    while (next) {
      expect(next.startsWith('https://graph.microsoft.com/v1.0/users?')).toBe(true);
      const page: Answer<Json> = await send(sim, 'GET', next, { headers: { authorization: `Bearer ${app}` } });
      seen.push(...page.json.value.map((u: { id: string }) => u.id));
      next = page.json['@odata.nextLink'];
      pages++;
    }
    expect(new Set(seen).size).toBe(all.json['@odata.count']);
    expect(seen.length).toBe(all.json['@odata.count']);
    expect(pages).toBe(Math.ceil(seen.length / 3));
    expect((await graph(sim, app, 'GET', '/users?$top=1000')).json.error.message).toContain('Must be between 1 and 999');
  });

  it('creates users with Entra\'s rules: verified domain, unique UPN, password complexity', async () => {
    const body = (upn: string, password = 'Room-Pass-2024!') => ({
      accountEnabled: true,
      displayName: 'Adams',
      mailNickname: upn.split('@')[0],
      userPrincipalName: upn,
      usageLocation: 'US',
      passwordPolicies: 'DisablePasswordExpiration',
      passwordProfile: { password, forceChangePasswordNextSignIn: false },
    });
    const created = await graph(sim, app, 'POST', '/users', body('mtr-adams@contoso.com'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ userPrincipalName: 'mtr-adams@contoso.com', displayName: 'Adams' });
    expect(created.json.id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await graph(sim, app, 'POST', '/users', body('mtr-adams@contoso.com'));
    expect(again.status).toBe(400);
    expect(again.json.error).toMatchObject({ code: 'Request_BadRequest', message: 'Another object with the same value for property userPrincipalName already exists.' });
    expect(again.json.error.details[0]).toMatchObject({ code: 'ObjectConflict', target: 'userPrincipalName' });
    const unverified = await graph(sim, app, 'POST', '/users', body('mtr-adams@fabrikam.com'));
    expect(unverified.json.error.message).toContain('You must use one of the verified domain names');
    const weak = await graph(sim, app, 'POST', '/users', body('mtr-weak@contoso.com', 'password'));
    expect(weak.json.error.message).toBe('The specified password does not comply with password complexity requirements. Please provide a different password.');
    const missing = await graph(sim, app, 'POST', '/users', { ...body('mtr-nonick@contoso.com'), mailNickname: undefined });
    expect(missing.json.error.message).toBe("Invalid value specified for property 'mailNickname' of resource 'User'.");
    // The password set through Graph is the one a password sign-in checks.
    const signIn = await tokenRequest(sim, { grant_type: 'password', client_id: sim.publicClientId, username: 'mtr-adams@contoso.com', password: 'Room-Pass-2024!', scope: 'https://graph.microsoft.com/.default' });
    expect(signIn.json.error_codes).toEqual([50076]); // the MFA policy applies until the room joins "Teams Rooms"
  });

  it('updates users and refuses bad values without changing anything', async () => {
    const path = `/users/${SAMPLE_ROOMS.misconfigured}`;
    expect((await graph(sim, app, 'PATCH', path, { passwordPolicies: 'DisablePasswordExpiration, DisableStrongPassword', usageLocation: 'gb' })).status).toBe(204);
    const read = await graph(sim, app, 'GET', `${path}?$select=passwordPolicies,usageLocation`);
    expect(read.json).toMatchObject({ passwordPolicies: 'DisablePasswordExpiration, DisableStrongPassword', usageLocation: 'GB' });
    const bad = await graph(sim, app, 'PATCH', path, { usageLocation: 'XX', displayName: 'Changed' });
    expect(bad.json.error.message).toBe("Invalid value specified for property 'usageLocation' of resource 'User'.");
    expect((await graph(sim, app, 'GET', `${path}?$select=displayName`)).json.displayName).toBe('Baker');
    expect((await graph(sim, app, 'PATCH', path, { assignedLicenses: [] })).json.error.message).toContain('read-only');
    sim.tenant.setUser(SAMPLE_ROOMS.misconfigured, { onPremisesSyncEnabled: true });
    expect((await graph(sim, app, 'PATCH', path, { accountEnabled: false })).json.error.message).toContain('on-premises mastered Directory Sync objects');
    expect((await graph(sim, app, 'PATCH', path, { usageLocation: 'US' })).status).toBe(204);
    sim.tenant.setUser(SAMPLE_ROOMS.misconfigured, { onPremisesSyncEnabled: null });
  });
});

describe('licences', () => {
  const assign = (token: string, upn: string, skuId: string) => graph(sim, token, 'POST', `/users/${upn}/assignLicense`, { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] });
  const skus = async () => (await graph(sim, app, 'GET', '/subscribedSkus')).json.value as Array<{ skuPartNumber: string; consumedUnits: number; prepaidUnits: { enabled: number } }>;

  it('needs a usage location first, with Graph\'s message', async () => {
    const user = sim.tenant.createUser({ userPrincipalName: 'nolocation@contoso.com', displayName: 'No location' });
    const refused = await assign(app, user.userPrincipalName, SAMPLE_SKUS.pro.skuId);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'Request_BadRequest', message: 'License assignment cannot be done for user with invalid usage location.' });
    await graph(sim, app, 'PATCH', `/users/${user.userPrincipalName}`, { usageLocation: 'US' });
    const before = (await skus()).find((s) => s.skuPartNumber === 'Microsoft_Teams_Rooms_Pro')!.consumedUnits;
    const done = await assign(app, user.userPrincipalName, SAMPLE_SKUS.pro.skuId);
    expect(done.status).toBe(200);
    expect(done.json.userPrincipalName).toBe(user.userPrincipalName);
    expect((await skus()).find((s) => s.skuPartNumber === 'Microsoft_Teams_Rooms_Pro')!.consumedUnits).toBe(before + 1);
    const both = await graph(sim, app, 'POST', `/users/${user.userPrincipalName}/assignLicense`, { addLicenses: [] });
    expect(both.json.error.message).toContain('The missing parameters are: removeLicenses.');
  });

  it('stops Teams Rooms Basic at 25 per tenant even when more were bought', async () => {
    sim.tenant.setSku('Microsoft_Teams_Rooms_Basic', { prepaidUnits: 40 });
    const results: number[] = [];
    for (let i = 0; i < 26; i++) {
      const user = sim.tenant.createUser({ userPrincipalName: `basic${i}@contoso.com`, displayName: `Basic ${i}`, usageLocation: 'US' });
      results.push((await assign(app, user.userPrincipalName, SAMPLE_SKUS.basic.skuId)).status);
    }
    expect(results.slice(0, 25).every((s) => s === 200)).toBe(true);
    expect(results[25]).toBe(400);
    const last = await assign(app, 'basic25@contoso.com', SAMPLE_SKUS.basic.skuId);
    expect(last.json.error.message).toBe(`Subscription with SKU ${SAMPLE_SKUS.basic.skuId} does not have any available licenses.`);
  });

  it('runs out of units when a SKU is exhausted, and removing a licence frees one', async () => {
    sim.tenant.exhaustSku('MCOCAP');
    const user = sim.tenant.createUser({ userPrincipalName: 'panel@contoso.com', displayName: 'Panel', usageLocation: 'US' });
    const refused = await assign(app, user.userPrincipalName, SAMPLE_SKUS.sharedDevices.skuId);
    expect(refused.json.error.message).toBe(`Subscription with SKU ${SAMPLE_SKUS.sharedDevices.skuId} does not have any available licenses.`);
    sim.tenant.setSku('MCOCAP', { prepaidUnits: 1 });
    expect((await assign(app, user.userPrincipalName, SAMPLE_SKUS.sharedDevices.skuId)).status).toBe(200);
    const swap = await graph(sim, app, 'POST', `/users/${user.userPrincipalName}/assignLicense`, { addLicenses: [{ skuId: SAMPLE_SKUS.pro.skuId, disabledPlans: [] }], removeLicenses: [SAMPLE_SKUS.sharedDevices.skuId] });
    expect(swap.status).toBe(200);
    expect(sim.tenant.snapshot().users.find((u) => u.userPrincipalName === 'panel@contoso.com')!.licenses).toEqual(['Microsoft_Teams_Rooms_Pro']);
    const unknownSku = await assign(app, user.userPrincipalName, '00000000-0000-4000-8000-000000000000');
    expect(unknownSku.json.error.message).toContain('does not correspond to a valid company License');
  });
});

describe('places, domains, conditional access', () => {
  it('lists rooms and room lists, gets and updates a room', async () => {
    const rooms = await graph(sim, app, 'GET', '/places/microsoft.graph.room');
    const rainier = rooms.json.value.find((r: { emailAddress: string }) => r.emailAddress === SAMPLE_ROOMS.configured);
    expect(rainier).toMatchObject({ displayName: 'Rainier', capacity: 12, building: 'Building 7', floorNumber: 3, address: { city: 'Redmond', countryOrRegion: 'US' } });
    expect(rooms.json.value.map((r: { emailAddress: string }) => r.emailAddress)).not.toContain(SAMPLE_ROOMS.legacy);
    const lists = await graph(sim, app, 'GET', '/places/microsoft.graph.roomList');
    expect(lists.json.value).toEqual([expect.objectContaining({ displayName: 'Building 7 Rooms', emailAddress: 'building7rooms@contoso.com' })]);
    const members = await graph(sim, app, 'GET', '/places/building7rooms@contoso.com/microsoft.graph.roomlist/rooms');
    expect(members.json.value.map((r: { emailAddress: string }) => r.emailAddress)).toEqual([SAMPLE_ROOMS.configured]);

    const updated = await graph(sim, app, 'PATCH', `/places/${SAMPLE_ROOMS.misconfigured}`, { '@odata.type': 'microsoft.graph.room', capacity: 10, building: 'Building 9', floorNumber: 2, address: { city: 'Seattle', countryOrRegion: 'US' } });
    expect(updated.status).toBe(200);
    const got = await graph(sim, app, 'GET', `/places/${SAMPLE_ROOMS.misconfigured}`);
    expect(got.json).toMatchObject({ '@odata.type': '#microsoft.graph.room', capacity: 10, building: 'Building 9', floorNumber: 2, address: { city: 'Seattle' } });
    expect((await graph(sim, app, 'PATCH', `/places/${SAMPLE_ROOMS.misconfigured}`, { emailAddress: 'x@contoso.com' })).status).toBe(400);
    expect((await graph(sim, app, 'GET', '/places/nowhere@contoso.com')).status).toBe(404);
  });

  it('lists domains and conditional-access policies in Graph\'s shapes', async () => {
    const domains = (await graph(sim, app, 'GET', '/domains')).json.value;
    expect(domains.map((d: { id: string; isVerified: boolean }) => [d.id, d.isVerified])).toEqual([
      [sim.tenantDomain, true],
      ['contoso.com', true],
      ['fabrikam.com', false],
    ]);
    expect(domains.find((d: { isDefault: boolean }) => d.isDefault).id).toBe('contoso.com');
    const policies = (await graph(sim, app, 'GET', '/identity/conditionalAccess/policies')).json.value;
    const mfa = policies.find((p: { displayName: string }) => p.displayName === 'Require MFA for all users');
    expect(mfa).toMatchObject({ state: 'enabled', grantControls: { operator: 'OR', builtInControls: ['mfa'] }, conditions: { users: { includeUsers: ['All'] } } });
    expect(mfa.conditions.users.excludeGroups).toHaveLength(1);
    expect(policies.some((p: { state: string }) => p.state === 'disabled')).toBe(true);
  });
});

describe('$batch', () => {
  it('runs up to 20 requests through the same handlers, with per-item statuses and dependsOn', async () => {
    const batch = await graph(sim, app, 'POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/users/${SAMPLE_ROOMS.configured}?$select=accountEnabled` },
        { id: '2', method: 'GET', url: '/users/ghost@contoso.com' },
        { id: '3', method: 'PATCH', url: `/users/${SAMPLE_ROOMS.configured}`, headers: { 'Content-Type': 'application/json' }, body: { usageLocation: 'US' } },
        { id: '4', method: 'GET', url: '/subscribedSkus', dependsOn: ['2'] },
      ],
    });
    expect(batch.status).toBe(200);
    const byId = Object.fromEntries(batch.json.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 200, body: { accountEnabled: true } });
    expect(byId['2']).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    expect(byId['3'].status).toBe(204);
    expect(byId['4'].status).toBe(424);
    const tooMany = await graph(sim, app, 'POST', '/$batch', { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/domains' })) });
    expect(tooMany.status).toBe(400);
  });

  it('throttles items on their own: a 429 sub-response with Retry-After inside a 200 batch', async () => {
    const stormy = await startSimulator({ seed: 21, throttleRate: 0.4, retryAfterSeconds: 0 });
    try {
      const token = await appToken(stormy);
      const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'GET', url: '/domains' }));
      let batch = await graph(stormy, token, 'POST', '/$batch', { requests });
      for (let attempt = 0; batch.status === 429 && attempt < 10; attempt++) batch = await graph(stormy, token, 'POST', '/$batch', { requests });
      expect(batch.status).toBe(200);
      const statuses = batch.json.responses.map((r: { status: number }) => r.status);
      expect(statuses).toContain(429);
      expect(statuses).toContain(200);
      const throttled = batch.json.responses.find((r: { status: number }) => r.status === 429);
      expect(throttled.headers['Retry-After']).toBe('0');
      expect(throttled.body.error.code).toBe('TooManyRequests');
      expect(stormy.stats().throttled).toBeGreaterThanOrEqual(statuses.filter((s: number) => s === 429).length);
    } finally {
      await stormy.stop();
    }
  });
});
