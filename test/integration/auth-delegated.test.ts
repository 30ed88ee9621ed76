// Delegated sign-in with the real MSAL public client flows against the simulated tenant, through
// simulatorTransport: device code, interactive (system browser stand-in, loopback, PKCE,
// form_post), silent renewal, the token cache at rest, national clouds and permission explanations.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInCancelledError, SignInRequiredError } from '../../main/auth/auth-errors.ts';
import type { DeviceCodePrompt } from '../../main/auth/auth-service.ts';
import { resolveAuthSettings } from '../../main/auth/auth-settings.ts';
import { createAuthService } from '../../main/auth/create-auth-service.ts';
import { explainAuthFailure } from '../../main/auth/explain-auth-failure.ts';
import { createDelegatedAuth, type DelegatedAuthOptions } from '../../main/auth/msal-delegated-auth.ts';
import { passphraseFileSecretStore } from '../../main/auth/passphrase-file-store.ts';
import { memorySecretStore, SecretStoreError } from '../../main/auth/secret-store.ts';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.ts';
import { simulatorTransport, type Transport } from '../../main/tenant/transport.ts';
import { PermissionError } from '../../main/tenant/types.ts';
import { CLOUDS, GRAPH_DELEGATED_PERMISSIONS } from '../../shared/clouds.ts';
import { claimsOf, endpoint, form, recording, testBrowser } from './auth-support.ts';

let sim: RunningSimulator;
let transport: Transport;
let directory: string;

beforeAll(async () => {
  // Device codes wait for approval "on another device" (the test approves through the control surface).
  sim = await startSimulator({ seed: 11, deviceCodeApprovalPolls: null, deviceCodeIntervalSeconds: 0 });
  transport = simulatorTransport(sim.url);
  directory = await mkdtemp(join(tmpdir(), 'roomready-auth-delegated-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(directory, { recursive: true, force: true });
});

const options = (overrides: Partial<DelegatedAuthOptions> = {}): DelegatedAuthOptions => ({ cloud: CLOUDS.simulated, tenant: sim.tenantId, clientId: sim.publicClientId, transport, ...overrides });

describe('device code', () => {
  it('reports the code, then signs in once the user approves it elsewhere', async () => {
    const { transport: seen, requests } = recording(transport);
    const settings = await resolveAuthSettings({ 'device-code': true }, {}, sim);
    expect(settings.signIn).toEqual({ kind: 'delegated', method: 'device-code' });
    const auth = createAuthService(settings, { transport: seen });
    if (auth.kind !== 'delegated') throw new Error('expected a delegated sign-in');

    const prompts: DeviceCodePrompt[] = [];
    const account = await auth.signInWithDeviceCode({
      onDeviceCode: (prompt) => {
        prompts.push(prompt);
        sim.tenant.approveDeviceCode(prompt.userCode); // the admin, at microsoft.com/devicelogin on a phone
      },
    });
    expect(prompts).toHaveLength(1);
    const [prompt] = prompts;
    expect(prompt!.verificationUri).toBe('https://microsoft.com/devicelogin');
    expect(prompt!.message).toContain(prompt!.userCode);
    expect(prompt!.expiresAt.getTime() - Date.now()).toBeGreaterThan(10 * 60_000);
    expect(account).toMatchObject({ kind: 'delegated', username: sim.adminUpn, tenantId: sim.tenantId });

    const deviceCodeRequest = requests.find((request) => endpoint(request).endsWith('/oauth2/v2.0/devicecode'))!;
    expect(endpoint(deviceCodeRequest)).toBe(`POST https://login.microsoftonline.com/${sim.tenantId}/oauth2/v2.0/devicecode`);
    expect(form(deviceCodeRequest).get('scope')!.split(' ')).toEqual(
      expect.arrayContaining([...GRAPH_DELEGATED_PERMISSIONS.map((permission) => `https://graph.microsoft.com/${permission}`), 'offline_access']),
    );
    // MSAL Node sends the short grant type name, which Entra ID accepts.
    expect(form(requests.at(-1)!).get('grant_type')).toBe('device_code');

    // Graph: from the cache. Exchange: renewed silently with the refresh token, no new sign-in.
    const before = requests.length;
    const graph = await auth.getToken('graph');
    expect(requests.length).toBe(before);
    expect(claimsOf(graph)).toMatchObject({ aud: 'https://graph.microsoft.com', upn: sim.adminUpn });
    const exchange = await auth.getToken('exchange');
    expect(requests.slice(before).map((request) => form(request).get('grant_type'))).toEqual(['refresh_token']);
    expect(form(requests.at(-1)!).get('scope')!.split(' ')).toContain('https://outlook.office365.com/Exchange.Manage');
    expect(claimsOf(exchange)).toMatchObject({ aud: 'https://outlook.office365.com' });
    expect(String(claimsOf(exchange).scp)).toContain('Exchange.Manage');
  });

  it('cancels at once while waiting for the user, without a token', async () => {
    const auth = createDelegatedAuth(options());
    const controller = new AbortController();
    const started = Date.now();
    const signIn = auth.signInWithDeviceCode({ signal: controller.signal, onDeviceCode: () => setTimeout(() => controller.abort(), 50) });
    await expect(signIn).rejects.toBeInstanceOf(SignInCancelledError);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await auth.account()).toBeUndefined();
    await expect(auth.getToken('graph')).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it('a code declined by the user ends the sign-in as cancelled', async () => {
    const auth = createDelegatedAuth(options());
    await expect(auth.signInWithDeviceCode({ onDeviceCode: (prompt) => sim.tenant.denyDeviceCode(prompt.userCode) })).rejects.toThrow(/declined/);
  });

  it('a refused device-code request fails with the reason and shows no code', async () => {
    const auth = createDelegatedAuth(options({ clientId: '00000000-0000-0000-0000-00000000dead' }));
    const shown: DeviceCodePrompt[] = [];
    await expect(auth.signInWithDeviceCode({ onDeviceCode: (prompt) => shown.push(prompt) })).rejects.toThrow();
    expect(shown).toEqual([]);
  });
});

describe('interactive: system browser, loopback, PKCE, form_post', () => {
  it('signs in through a browser that posts the form back to the loopback, then stays silent', async () => {
    const { transport: seen, requests, tokenRequests } = recording(transport);
    const visited: string[] = [];
    const auth = createDelegatedAuth(options({ transport: seen }));
    const account = await auth.signInInteractively({ openBrowser: testBrowser(transport, visited) });
    expect(account).toMatchObject({ username: sim.adminUpn, tenantId: sim.tenantId });

    expect(visited).toHaveLength(1);
    const authorize = new URL(visited[0]!);
    expect(authorize.origin + authorize.pathname).toBe(`https://login.microsoftonline.com/${sim.tenantId}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('response_mode')).toBe('form_post');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    // MSAL fetched nothing but the token: the authorize page was the browser's business.
    expect(requests.map(endpoint)).toEqual([`POST https://login.microsoftonline.com/${sim.tenantId}/oauth2/v2.0/token`]);
    const redemption = form(tokenRequests()[0]!);
    expect(redemption.get('grant_type')).toBe('authorization_code');
    expect(redemption.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

    const token = await auth.getToken('graph');
    expect(claimsOf(token).upn).toBe(sim.adminUpn);
    expect(requests).toHaveLength(1);
  });

  it('with a reauthentication method, getToken signs in when needed — once for concurrent callers', async () => {
    const visited: string[] = [];
    const auth = createDelegatedAuth(options({ reauthenticate: { kind: 'interactive', options: { openBrowser: testBrowser(transport, visited) } } }));
    const [first, second] = await Promise.all([auth.getToken('graph'), auth.getToken('graph')]);
    expect(visited).toHaveLength(1);
    expect(claimsOf(first!).upn).toBe(sim.adminUpn);
    expect(second).toBe(first);
  });
});

describe('silent renewal', () => {
  it('renews an expiring access token with the cached refresh token, without the browser', async () => {
    const shortLived = await startSimulator({ seed: 12, tokenLifetimeSeconds: 120 });
    try {
      const shortTransport = simulatorTransport(shortLived.url);
      const { transport: seen, tokenRequests } = recording(shortTransport);
      const visited: string[] = [];
      const auth = createDelegatedAuth({ cloud: CLOUDS.simulated, tenant: shortLived.tenantId, clientId: shortLived.publicClientId, transport: seen });
      await auth.signInInteractively({ openBrowser: testBrowser(shortTransport, visited) });
      // MSAL renews tokens within five minutes of expiry, so a two-minute token is renewed at once.
      const renewed = await auth.getToken('graph');
      expect(visited).toHaveLength(1);
      expect(tokenRequests().map((request) => form(request).get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
      expect(claimsOf(renewed).upn).toBe(shortLived.adminUpn);
    } finally {
      await shortLived.stop();
    }
  });
});

describe('token cache in a passphrase-encrypted file', () => {
  const passphrase = 'correct horse battery staple cache';

  it('survives a new AuthService; a wrong passphrase is refused; sign-out deletes it', async () => {
    const path = join(directory, 'tokens.cache');
    const first = createDelegatedAuth(options({ store: passphraseFileSecretStore(path, passphrase) }));
    await first.signInInteractively({ openBrowser: testBrowser(transport) });
    expect((await stat(path)).size).toBeGreaterThan(0);

    // A later run: same file, same passphrase, no browser.
    const { transport: seen, requests } = recording(transport);
    const later = createDelegatedAuth(options({ transport: seen, store: passphraseFileSecretStore(path, passphrase) }));
    expect(await later.account()).toMatchObject({ username: sim.adminUpn });
    expect(claimsOf(await later.getToken('graph')).upn).toBe(sim.adminUpn);
    expect(requests).toEqual([]);
    await later.getToken('exchange');
    expect(requests.map((request) => form(request).get('grant_type'))).toEqual(['refresh_token']);

    const wrong = createDelegatedAuth(options({ store: passphraseFileSecretStore(path, 'not the passphrase it was saved with') }));
    const refused = await wrong.account().catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(SecretStoreError);
    expect((refused as SecretStoreError).problem).toBe('wrong-passphrase-or-altered');
    await expect(wrong.getToken('graph')).rejects.toBeInstanceOf(SecretStoreError);

    await later.signOut();
    await expect(stat(path)).rejects.toThrow();
    expect(await later.account()).toBeUndefined();
    await expect(later.getToken('graph')).rejects.toBeInstanceOf(SignInRequiredError);
  });
});

describe('national clouds, delegated', () => {
  it.each([
    ['usgov', 'login.microsoftonline.us', 'https://graph.microsoft.us', 'https://outlook.office365.us', 'https://microsoft.com/deviceloginus'],
    ['usgovdod', 'login.microsoftonline.us', 'https://dod-graph.microsoft.us', 'https://webmail.apps.mil', 'https://microsoft.com/deviceloginus'],
    ['china', 'login.partner.microsoftonline.cn', 'https://microsoftgraph.chinacloudapi.cn', 'https://partner.outlook.cn', 'https://microsoft.com/deviceloginchina'],
  ])('%s: signs in at %s with scopes qualified by %s and %s', async (cloud, host, graphRoot, exchangeRoot, verificationUri) => {
    const { transport: seen, requests } = recording(transport);
    const auth = createDelegatedAuth(options({ cloud: CLOUDS[cloud as 'usgov'], transport: seen }));
    let shown: DeviceCodePrompt | undefined;
    await auth.signInWithDeviceCode({ onDeviceCode: (prompt) => ((shown = prompt), sim.tenant.approveDeviceCode(prompt.userCode)) });
    await auth.getToken('exchange');
    expect(shown!.verificationUri).toBe(verificationUri);
    expect(new Set(requests.map((request) => new URL(request.url).host))).toEqual(new Set([host]));
    const [deviceCode] = requests;
    expect(form(deviceCode!).get('scope')!.split(' ')).toEqual(expect.arrayContaining(GRAPH_DELEGATED_PERMISSIONS.map((permission) => `${graphRoot}/${permission}`)));
    expect(form(requests.at(-1)!).get('scope')!.split(' ')).toContain(`${exchangeRoot}/Exchange.Manage`);
    expect(claimsOf(await auth.getToken('graph')).aud).toBe(graphRoot);
    expect(claimsOf(await auth.getToken('exchange')).aud).toBe(exchangeRoot);
  });
});

describe('permission explanations for the limited admin (User Administrator only)', () => {
  let auth: ReturnType<typeof createDelegatedAuth>;
  beforeAll(async () => {
    auth = createDelegatedAuth(options());
    const account = await auth.signInInteractively({ openBrowser: testBrowser(transport), loginHint: sim.limitedAdminUpn });
    expect(account.username).toBe(sim.limitedAdminUpn);
  });

  async function call(resource: 'graph' | 'exchange', method: string, url: string, body?: unknown) {
    return transport({
      method,
      url,
      headers: { authorization: `Bearer ${await auth.getToken(resource)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it('New-Mailbox in Exchange Online: the Exchange Administrator role', async () => {
    const response = await call('exchange', 'POST', `https://outlook.office365.com/adminapi/beta/${sim.tenantId}/InvokeCommand`, {
      CmdletInput: { CmdletName: 'New-Mailbox', Parameters: { Name: 'Room 1', Room: true } },
    });
    expect(response.status).toBe(403);
    const error = explainAuthFailure('exchange', 403, response.body, 'New-Mailbox', await auth.failureContext('exchange'));
    expect(error).toMatchObject({ service: 'exchange', status: 403, missing: 'Exchange Administrator' });
    expect(error.message).toContain('Roles & admins → Exchange Administrator → Add assignments');
  });

  it("updating a room's Places details in Graph: the Exchange Administrator role", async () => {
    const room = sim.tenant.createRoom({ userPrincipalName: `room-perm@${sim.tenantDomain}`, displayName: 'Room for permissions' });
    const url = `https://graph.microsoft.com/v1.0/places/${room.userPrincipalName}`;
    const response = await call('graph', 'PATCH', url, { capacity: 8 });
    expect(response.status).toBe(403);
    const error = explainAuthFailure('graph', 403, response.body, `PATCH ${url}`, await auth.failureContext('graph'));
    expect(error.missing).toBe('Exchange Administrator');
    expect(error.message).toContain("refused to update the room's Places details");
  });

  it('reading conditional-access policies: a security reader role', async () => {
    const url = 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies';
    const response = await call('graph', 'GET', url);
    expect(response.status).toBe(403);
    const error = explainAuthFailure('graph', 403, response.body, `GET ${url}`, await auth.failureContext('graph'));
    expect(error.missing).toBe('Security Reader');
  });

  it('what the role allows is not refused (creating a user)', async () => {
    const response = await call('graph', 'POST', 'https://graph.microsoft.com/v1.0/users', {
      accountEnabled: true,
      displayName: 'Permitted',
      mailNickname: 'permitted',
      userPrincipalName: `permitted@${sim.tenantDomain}`,
      passwordProfile: { password: 'Practice-Passw0rd!x', forceChangePasswordNextSignIn: false },
    });
    expect(response.status).toBe(201);
  });
});

describe('consent missing for a resource (AADSTS65001)', () => {
  it('getToken for Exchange says Exchange.Manage needs admin consent', async () => {
    const auth = createDelegatedAuth(options());
    await auth.signInInteractively({ openBrowser: testBrowser(transport) });
    sim.tenant.setAppPermissions(sim.publicClientId, 'delegated', 'exchange', []);
    try {
      const error = await auth.getToken('exchange').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PermissionError);
      expect(error).toMatchObject({ service: 'exchange', status: 403, missing: 'Exchange.Manage' });
      expect((error as Error).message).toContain('AADSTS65001');
      expect((error as Error).message).toContain('Grant admin consent');
    } finally {
      sim.tenant.setAppPermissions(sim.publicClientId, 'delegated', 'exchange', ['Exchange.Manage']);
    }
  });
});

describe('tokens stay out of logs', () => {
  it('neither access nor refresh tokens appear in verbose MSAL logs of a sign-in and renewals', async () => {
    const lines: string[] = [];
    const store = memorySecretStore();
    const auth = createDelegatedAuth(options({ store, log: (level, message) => lines.push(`${level}: ${message}`), logLevel: 'verbose' }));
    await auth.signInInteractively({ openBrowser: testBrowser(transport) });
    const tokens = [await auth.getToken('graph'), await auth.getToken('exchange')];
    const cache = JSON.parse(Buffer.from((await store.get())!).toString('utf8')) as { RefreshToken: Record<string, { secret: string }> };
    const refreshTokens = Object.values(cache.RefreshToken).map((entry) => entry.secret);
    expect(refreshTokens.length).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(10);
    const shown = [...lines, JSON.stringify(await auth.account())].join('\n');
    for (const secret of [...tokens, ...refreshTokens]) expect(shown).not.toContain(secret);
  });
});
