// The simulated identity platform at the protocol level: metadata, every grant and the AADSTS
// error each failure gives, and the password sign-in outcomes a Teams Rooms console meets.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { SAMPLE_ROOMS, TEAMS_ROOMS_GROUP } from '../../main/simulator/sample-data.ts';
import { claimsOf, LOGIN, send, tokenRequest } from './simulator-support.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 41 });
});
afterAll(() => sim.stop());

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
const secretGrant = (fields: Record<string, string> = {}) => tokenRequest(sim, { grant_type: 'client_credentials', client_id: sim.confidentialClient.clientId, client_secret: sim.confidentialClient.secret, scope: GRAPH_DEFAULT, ...fields });
const password = (username: string, secret = sim.practicePassword, scope = GRAPH_DEFAULT) => tokenRequest(sim, { grant_type: 'password', client_id: sim.publicClientId, username, password: secret, scope });

describe('metadata', () => {
  it('publishes OpenID metadata with the Microsoft endpoint URLs, and keys that verify its tokens', async () => {
    for (const tenant of [sim.tenantId, sim.tenantDomain, 'contoso.com']) {
      const config = await send(sim, 'GET', `${LOGIN}/${tenant}/v2.0/.well-known/openid-configuration`);
      expect(config.status).toBe(200);
      expect(config.json).toMatchObject({ token_endpoint: `${LOGIN}/${sim.tenantId}/oauth2/v2.0/token`, issuer: `${LOGIN}/${sim.tenantId}/v2.0`, device_authorization_endpoint: `${LOGIN}/${sim.tenantId}/oauth2/v2.0/devicecode` });
    }
    const keys = await send(sim, 'GET', `${LOGIN}/${sim.tenantId}/discovery/v2.0/keys`);
    const token = (await secretGrant()).json.access_token as string;
    const [header, payload, signature] = token.split('.');
    const jwk = keys.json.keys.find((k: { kid: string }) => k.kid === JSON.parse(Buffer.from(header!, 'base64url').toString()).kid);
    const key = crypto.createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
    expect(crypto.verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature!, 'base64url'))).toBe(true);
    expect(new crypto.X509Certificate(Buffer.from(jwk.x5c[0], 'base64')).publicKey.export({ format: 'jwk' }).n).toBe(jwk.n);
  });

  it('answers instance discovery for Microsoft hosts and refuses others', async () => {
    const known = await send(sim, 'GET', `${LOGIN}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${LOGIN}/${sim.tenantId}/oauth2/v2.0/authorize`)}`);
    expect(known.json.metadata[0]).toMatchObject({ preferred_network: 'login.microsoftonline.com', aliases: expect.arrayContaining(['login.windows.net']) });
    const unknown = await send(sim, 'GET', `${LOGIN}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://idp.example.com/x/oauth2/v2.0/authorize')}`);
    expect(unknown.json.error).toBe('invalid_instance');
  });
});

describe('token endpoint errors', () => {
  it.each([
    ['an unknown tenant', () => tokenRequest(sim, { grant_type: 'client_credentials', client_id: sim.confidentialClient.clientId, client_secret: sim.confidentialClient.secret, scope: GRAPH_DEFAULT }, 'fabrikam.onmicrosoft.com'), 400, 'invalid_request', 90002],
    ['an unknown client', () => secretGrant({ client_id: '11111111-2222-4333-8444-555555555555' }), 400, 'unauthorized_client', 700016],
    ['a wrong secret', () => secretGrant({ client_secret: 'wrong' }), 401, 'invalid_client', 7000215],
    ['no credential from a confidential client', () => tokenRequest(sim, { grant_type: 'client_credentials', client_id: sim.confidentialClient.clientId, scope: GRAPH_DEFAULT }), 401, 'invalid_client', 7000218],
    ['a secret from a public client', () => tokenRequest(sim, { grant_type: 'client_credentials', client_id: sim.publicClientId, client_secret: 'x', scope: GRAPH_DEFAULT }), 401, 'invalid_client', 700025],
    ['no grant type', () => tokenRequest(sim, { client_id: sim.publicClientId }), 400, 'invalid_request', 900144],
    ['an unsupported grant', () => tokenRequest(sim, { grant_type: 'implicit', client_id: sim.publicClientId }), 400, 'unsupported_grant_type', 70003],
    ['a delegated scope with client credentials', () => secretGrant({ scope: 'https://graph.microsoft.com/User.Read.All' }), 400, 'invalid_scope', 1002012],
    ['two resources in one request', () => secretGrant({ scope: `${GRAPH_DEFAULT} https://outlook.office365.com/.default` }), 400, 'invalid_request', 28000],
    ['a resource the tenant does not know', () => secretGrant({ scope: 'https://api.example.com/.default' }), 400, 'invalid_resource', 500011],
    ['a delegated permission no admin consented to', () => password(SAMPLE_ROOMS.configured, sim.practicePassword, 'https://graph.microsoft.com/Mail.Send'), 400, 'invalid_grant', 65001],
  ])('%s', async (_name, request, status, error, code) => {
    const answer = await request();
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ error, error_codes: [code], error_uri: `https://login.microsoftonline.com/error?code=${code}` });
    expect(answer.json.error_description).toMatch(new RegExp(`^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: .+ Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`));
  });

  it('issues tokens for the cloud of the scope: a GCC High scope gives a graph.microsoft.us audience', async () => {
    const answer = await secretGrant({ scope: 'https://graph.microsoft.us/.default' });
    expect(claimsOf(answer.json.access_token)).toMatchObject({ aud: 'https://graph.microsoft.us', tid: sim.tenantId });
  });
});

describe('password sign-in (ROPC), as a room console signs in', () => {
  it('signs in the configured room and gives its scopes', async () => {
    const answer = await password(SAMPLE_ROOMS.configured, sim.practicePassword, `${GRAPH_DEFAULT} openid offline_access`);
    expect(answer.status).toBe(200);
    expect(claimsOf(answer.json.access_token)).toMatchObject({ upn: SAMPLE_ROOMS.configured, amr: ['pwd'] });
    expect(answer.json.refresh_token).toBeTruthy();
    expect(claimsOf(answer.json.id_token)).toMatchObject({ preferred_username: SAMPLE_ROOMS.configured, aud: sim.publicClientId, ver: '2.0' });
  });

  it('answers each failure with its AADSTS code', async () => {
    const code = async (username: string, secret?: string) => (await password(username, secret)).json.error_codes?.[0];
    expect(await code('nobody@contoso.com')).toBe(50034);
    expect(await code(SAMPLE_ROOMS.configured, 'wrong-password')).toBe(50126);
    // Baker must change its password at next sign-in: to a password grant that is an expired password.
    expect(await code(SAMPLE_ROOMS.misconfigured)).toBe(50055);
    sim.tenant.setUser(SAMPLE_ROOMS.misconfigured, { forceChangePasswordNextSignIn: false });
    // ...and Baker is outside the "Teams Rooms" group the MFA policy excludes.
    expect(await code(SAMPLE_ROOMS.misconfigured)).toBe(50076);

    const room = SAMPLE_ROOMS.configured;
    sim.tenant.setSignIn(room, { locked: true });
    expect(await code(room)).toBe(50053);
    sim.tenant.setSignIn(room, { locked: false, passwordExpired: true });
    expect(await code(room)).toBe(50055);
    sim.tenant.setSignIn(room, { passwordExpired: false, perUserMfa: true });
    expect(await code(room)).toBe(50076);
    sim.tenant.setSignIn(room, { perUserMfa: false });
    sim.tenant.setUser(room, { accountEnabled: false });
    expect(await code(room)).toBe(50057);
    sim.tenant.setUser(room, { accountEnabled: true });
    sim.tenant.removeGroupMember(TEAMS_ROOMS_GROUP, room);
    expect(await code(room)).toBe(50076);
    sim.tenant.addGroupMember(TEAMS_ROOMS_GROUP, room);
    const block = sim.tenant.addConditionalAccessPolicy({ displayName: 'Block Exchange from desktop clients', includeApplications: ['00000002-0000-0ff1-ce00-000000000000'], clientAppTypes: ['mobileAppsAndDesktopClients'], builtInControls: ['block'] });
    expect((await password(room, sim.practicePassword, 'https://outlook.office365.com/.default')).json.error_codes).toEqual([53003]);
    expect(await code(room)).toBeUndefined(); // Graph is not covered by that policy
    sim.tenant.setConditionalAccessPolicyState(block, 'enabledForReportingButNotEnforced');
    expect((await password(room, sim.practicePassword, 'https://outlook.office365.com/.default')).status).toBe(200);
    const device = sim.tenant.addConditionalAccessPolicy({ displayName: 'Compliant device', includeUsers: [room], builtInControls: ['compliantDevice'] });
    expect(await code(room)).toBe(53000);
    sim.tenant.removeConditionalAccessPolicy(device);
    expect(await code(room)).toBeUndefined();
  });
});

describe('authorization code with PKCE (raw protocol)', () => {
  const verifier = 'a'.repeat(43) + 'verifier';
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const authorize = (extra: Record<string, string> = {}) =>
    send(sim, 'GET', `${LOGIN}/${sim.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: sim.publicClientId,
      response_type: 'code',
      response_mode: 'form_post',
      redirect_uri: 'http://localhost:4321',
      scope: 'https://graph.microsoft.com/User.ReadWrite.All openid profile offline_access',
      state: 'st',
      nonce: 'n-0S6_WzA2Mj',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      client_info: '1',
      ...extra,
    })}`);
  const codeOf = (html: string) => /name="code" value="([^"]+)"/.exec(html)![1]!;
  const redeem = (code: string, codeVerifier = verifier, redirect = 'http://localhost:4321') =>
    tokenRequest(sim, { grant_type: 'authorization_code', client_id: sim.publicClientId, code, code_verifier: codeVerifier, redirect_uri: redirect, scope: 'https://graph.microsoft.com/User.ReadWrite.All openid profile offline_access', client_info: '1' });

  it('redeems a code once, with the right verifier, and returns the nonce and client_info', async () => {
    const page = await authorize();
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('action="http://localhost:4321"');
    expect(page.body).toContain('document.forms[0].submit()');
    const code = codeOf(page.body);
    expect((await redeem(code, 'x'.repeat(50))).json.error_codes).toEqual([501481]);
    const page2 = await authorize();
    const good = await redeem(codeOf(page2.body));
    expect(good.status).toBe(200);
    expect(claimsOf(good.json.id_token).nonce).toBe('n-0S6_WzA2Mj');
    expect(JSON.parse(Buffer.from(good.json.client_info, 'base64url').toString())).toEqual({ uid: claimsOf(good.json.access_token).oid, utid: sim.tenantId });
    expect((await redeem(codeOf(page2.body))).json.error_codes).toEqual([54005]);
    const page3 = await authorize();
    expect((await redeem(codeOf(page3.body), verifier, 'http://localhost:9999')).json.error).toBe('invalid_grant');
  });

  it('shows an error page for a redirect URI the app did not register, and redirects for response_mode=query', async () => {
    const bad = await authorize({ redirect_uri: 'https://evil.example.com/callback' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('AADSTS50011');
    expect(bad.body).not.toContain('name="code"');
    const query = await authorize({ response_mode: 'query' });
    expect(query.status).toBe(302);
    const location = new URL(query.headers.location!);
    expect(location.origin).toBe('http://localhost:4321');
    expect(location.searchParams.get('state')).toBe('st');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('signs in as the interactive user the tenant handle names', async () => {
    sim.tenant.setInteractiveUser(sim.limitedAdminUpn);
    try {
      const token = await redeem(codeOf((await authorize()).body));
      expect(claimsOf(token.json.access_token).upn).toBe(sim.limitedAdminUpn);
    } finally {
      sim.tenant.setInteractiveUser(sim.adminUpn);
    }
  });
});

describe('device code (raw protocol)', () => {
  it('answers authorization_pending until the set number of polls, then a token', async () => {
    const slow = await startSimulator({ seed: 42, deviceCodeApprovalPolls: 3, deviceCodeIntervalSeconds: 5 });
    try {
      const code = await send(slow, 'POST', `${LOGIN}/organizations/oauth2/v2.0/devicecode`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `client_id=${slow.publicClientId}&scope=${encodeURIComponent(GRAPH_DEFAULT)}` });
      expect(code.json).toMatchObject({ verification_uri: 'https://microsoft.com/devicelogin', expires_in: 900, interval: 5 });
      const poll = () => tokenRequest(slow, { grant_type: 'device_code', client_id: slow.publicClientId, device_code: code.json.device_code });
      expect((await poll()).json).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
      expect((await poll()).json.error).toBe('authorization_pending');
      const third = await poll();
      expect(third.status).toBe(200);
      expect(claimsOf(third.json.access_token).upn).toBe(slow.adminUpn);
      expect((await poll()).json.error).toBe('invalid_grant'); // a device code answers once
    } finally {
      await slow.stop();
    }
  });
});
