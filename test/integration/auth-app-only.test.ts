// App-only sign-in with the real MSAL client credentials flow against the simulated tenant, through
// simulatorTransport: MSAL keeps https://login.microsoftonline.com (or the national cloud's host)
// as its authority; only the transport differs from production.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAuthSettings } from '../../main/auth/auth-settings.ts';
import { createAuthService } from '../../main/auth/create-auth-service.ts';
import { cloudProfile } from '../../main/auth/cloud-scopes.ts';
import { explainAuthFailure } from '../../main/auth/explain-auth-failure.ts';
import { createAppOnlyAuth } from '../../main/auth/msal-app-only-auth.ts';
import { passphraseFileSecretStore } from '../../main/auth/passphrase-file-store.ts';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.ts';
import { simulatorTransport, type Transport } from '../../main/tenant/transport.ts';
import { PermissionError } from '../../main/tenant/types.ts';
import { CLOUDS } from '../../shared/clouds.ts';
import { claimsOf, endpoint, form, recording } from './auth-support.ts';

let sim: RunningSimulator;
let transport: Transport;
let directory: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
  transport = simulatorTransport(sim.url);
  directory = await mkdtemp(join(tmpdir(), 'roomready-auth-app-'));
});
afterAll(async () => {
  await sim?.stop();
  await rm(directory, { recursive: true, force: true });
});

const secretEnv = () => ({ ROOMREADY_CLIENT_SECRET: sim.confidentialClient.secret });

describe('app-only with a client secret from the environment', () => {
  it('gets a Graph token from the real authority, then answers from the cache', async () => {
    const { transport: seen, requests, tokenRequests } = recording(transport);
    const settings = await resolveAuthSettings({}, secretEnv(), sim);
    const auth = createAuthService(settings, { transport: seen });
    expect(auth.kind).toBe('app-only');

    const token = await auth.getToken('graph');
    const claims = claimsOf(token);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: sim.tenantId, appid: sim.confidentialClient.clientId });
    expect(claims.roles).toEqual(expect.arrayContaining(['User.ReadWrite.All', 'Organization.Read.All']));

    // One request, to the token endpoint of the global authority: no discovery call.
    expect(requests.map(endpoint)).toEqual([`POST https://login.microsoftonline.com/${sim.tenantId}/oauth2/v2.0/token`]);
    const body = form(requests[0]!);
    expect(body.get('grant_type')).toBe('client_credentials');
    expect(body.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(body.get('client_secret')).toBe(sim.confidentialClient.secret);

    // Silent: the same token from MSAL's cache, no new token request.
    expect(await auth.getToken('graph')).toBe(token);
    expect(tokenRequests()).toHaveLength(1);

    const exchange = await auth.getToken('exchange');
    expect(claimsOf(exchange)).toMatchObject({ aud: 'https://outlook.office365.com', roles: ['Exchange.ManageAsApp'] });
    expect(form(tokenRequests()[1]!).get('scope')).toBe('https://outlook.office365.com/.default');
    expect(await auth.account()).toEqual({ kind: 'app-only', username: sim.confidentialClient.clientId, tenantId: sim.tenantId });
  });

  it('a wrong secret is explained (AADSTS7000215) without repeating it', async () => {
    const wrong = 'sim8Q~this-is-not-the-secret-0123456789';
    const auth = createAppOnlyAuth({
      cloud: CLOUDS.simulated,
      tenant: sim.tenantId,
      clientId: sim.confidentialClient.clientId,
      transport,
      credential: { kind: 'client-secret', env: { ROOMREADY_CLIENT_SECRET: wrong } },
    });
    const error = await auth.getToken('graph').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 401, missing: 'a valid client secret' });
    expect((error as Error).message).toContain('AADSTS7000215');
    expect((error as Error).message).toContain('ROOMREADY_CLIENT_SECRET');
    expect((error as Error).message).not.toContain(wrong);
  });

  it('an unknown client ID is explained (AADSTS700016)', async () => {
    const auth = createAppOnlyAuth({
      cloud: CLOUDS.simulated,
      tenant: sim.tenantId,
      clientId: '00000000-1111-2222-3333-444444444444',
      transport,
      credential: { kind: 'client-secret', env: secretEnv() },
    });
    const error = await auth.getToken('graph').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'PermissionError', missing: 'app registration' });
    expect((error as Error).message).toContain('no app with client ID 00000000-1111-2222-3333-444444444444 is registered');
  });
});

describe('app-only with a certificate', () => {
  it('signs a client assertion with the certificate from a PEM file (SHA-256 thumbprint computed here)', async () => {
    const path = join(directory, 'app.pem');
    await writeFile(path, `${sim.practiceCertificate.certificatePem}\n${sim.practiceCertificate.privateKeyPem}`, { mode: 0o600 });
    const { transport: seen, tokenRequests } = recording(transport);
    const settings = await resolveAuthSettings({ certificate: path }, {}, sim);
    const auth = createAuthService(settings, { transport: seen });
    const token = await auth.getToken('graph');
    expect(claimsOf(token)).toMatchObject({ aud: 'https://graph.microsoft.com', appid: sim.confidentialClient.clientId });

    const body = form(tokenRequests()[0]!);
    expect(body.get('client_secret')).toBeNull();
    expect(body.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const header = JSON.parse(Buffer.from(body.get('client_assertion')!.split('.')[0]!, 'base64url').toString('utf8'));
    expect(header.alg).toBe('PS256');
    expect(Buffer.from(header['x5t#S256'], 'base64url').toString('hex')).toBe(sim.practiceCertificate.thumbprintSha256.toLowerCase());
  });

  it('signs with a key alone and the SHA-1 thumbprint the portal shows', async () => {
    const path = join(directory, 'key-only.pem');
    await writeFile(path, sim.practiceCertificate.privateKeyPem, { mode: 0o600 });
    const { transport: seen, tokenRequests } = recording(transport);
    const settings = await resolveAuthSettings({ certificate: path, 'certificate-thumbprint': sim.practiceCertificate.thumbprint }, {}, sim);
    const token = await createAuthService(settings, { transport: seen }).getToken('exchange');
    expect(claimsOf(token).aud).toBe('https://outlook.office365.com');
    const header = JSON.parse(Buffer.from(form(tokenRequests()[0]!).get('client_assertion')!.split('.')[0]!, 'base64url').toString('utf8'));
    expect(header.alg).toBe('RS256');
    expect(Buffer.from(header.x5t, 'base64url').toString('hex')).toBe(sim.practiceCertificate.thumbprint.toLowerCase());
  });
});

describe('national clouds', () => {
  it.each([
    ['global', 'login.microsoftonline.com', 'https://graph.microsoft.com', 'https://outlook.office365.com'],
    ['usgov', 'login.microsoftonline.us', 'https://graph.microsoft.us', 'https://outlook.office365.us'],
    ['usgovdod', 'login.microsoftonline.us', 'https://dod-graph.microsoft.us', 'https://webmail.apps.mil'],
    // MSAL sends login.chinacloudapi.cn to its preferred network alias.
    ['china', 'login.partner.microsoftonline.cn', 'https://microsoftgraph.chinacloudapi.cn', 'https://partner.outlook.cn'],
  ])('%s: token requests go to %s, for %s and %s', async (cloudId, host, graphRoot, exchangeRoot) => {
    const { transport: seen, requests } = recording(transport);
    const settings = await resolveAuthSettings({ cloud: cloudId }, secretEnv(), sim);
    expect(settings.cloud).toBe(cloudProfile(cloudId));
    const auth = createAuthService(settings, { transport: seen });
    const graph = await auth.getToken('graph');
    const exchange = await auth.getToken('exchange');
    expect(requests.map((request) => new URL(request.url).host)).toEqual([host, host]);
    expect(requests.map((request) => form(request).get('scope'))).toEqual([`${graphRoot}/.default`, `${exchangeRoot}/.default`]);
    expect(claimsOf(graph).aud).toBe(graphRoot);
    expect(claimsOf(exchange).aud).toBe(exchangeRoot);
  });
});

describe('a 403 from Graph for the app, explained', () => {
  it('names the application permission the app lacks', async () => {
    const clientId = sim.confidentialClient.clientId;
    const all = ['User.ReadWrite.All', 'Organization.Read.All', 'Place.ReadWrite.All', 'Policy.Read.All', 'Domain.Read.All', 'Directory.Read.All'];
    sim.tenant.setAppPermissions(clientId, 'application', 'graph', all.filter((permission) => permission !== 'Policy.Read.All'));
    try {
      const auth = createAppOnlyAuth({ cloud: CLOUDS.simulated, tenant: sim.tenantId, clientId, transport, credential: { kind: 'client-secret', env: secretEnv() } });
      const url = 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies';
      const response = await transport({ method: 'GET', url, headers: { authorization: `Bearer ${await auth.getToken('graph')}` } });
      expect(response.status).toBe(403);
      const error = explainAuthFailure('graph', 403, response.body, `GET ${url}`, await auth.failureContext('graph'));
      expect(error).toMatchObject({ service: 'graph', status: 403, missing: 'Policy.Read.All' });
      expect(error.message).toContain('refused to read conditional-access policies');
      expect(error.message).toContain(`The app ${clientId} needs the application Microsoft Graph permission Policy.Read.All`);
    } finally {
      sim.tenant.setAppPermissions(clientId, 'application', 'graph', all);
    }
  });
});

describe('secrets and tokens stay out of logs and errors', () => {
  it('with verbose MSAL logging through success and failure, neither the secret nor a token appears', async () => {
    const lines: string[] = [];
    const log = (level: string, message: string) => lines.push(`${level}: ${message}`);
    const good = createAppOnlyAuth({ cloud: CLOUDS.simulated, tenant: sim.tenantId, clientId: sim.confidentialClient.clientId, transport, credential: { kind: 'client-secret', env: secretEnv() }, log, logLevel: 'verbose' });
    const tokens = [await good.getToken('graph'), await good.getToken('exchange')];
    const bad = createAppOnlyAuth({
      cloud: CLOUDS.simulated,
      tenant: sim.tenantId,
      clientId: sim.confidentialClient.clientId,
      transport,
      credential: { kind: 'client-secret', env: { ROOMREADY_CLIENT_SECRET: `${sim.confidentialClient.secret}x` } },
      log,
      logLevel: 'verbose',
    });
    const failure: unknown = await bad.getToken('graph').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(lines.length).toBeGreaterThan(10);
    for (const text of [...lines, (failure as Error).message, JSON.stringify(await good.account())]) {
      expect(text).not.toContain(sim.confidentialClient.secret);
      for (const token of tokens) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.split('.')[2]!); // not even the signature
      }
    }
  });
});

describe('token cache at rest', () => {
  it('an app token in an encrypted file serves a later run without a new token request', async () => {
    const path = join(directory, 'app-tokens.cache');
    const passphrase = 'practice passphrase for the app cache';
    const options = { cloud: CLOUDS.simulated, tenant: sim.tenantId, clientId: sim.confidentialClient.clientId, credential: { kind: 'client-secret' as const, env: secretEnv() } };
    const first = recording(transport);
    const token = await createAppOnlyAuth({ ...options, transport: first.transport, store: passphraseFileSecretStore(path, passphrase) }).getToken('graph');
    const second = recording(transport);
    const later = createAppOnlyAuth({ ...options, transport: second.transport, store: passphraseFileSecretStore(path, passphrase) });
    expect(await later.getToken('graph')).toBe(token);
    expect(second.requests).toEqual([]);
    await later.signOut();
    await later.getToken('graph');
    expect(second.tokenRequests()).toHaveLength(1);
  });
});
