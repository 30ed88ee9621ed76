// The real @azure/msal-node against the simulated tenant: MSAL keeps its production authority
// (https://login.microsoftonline.com/<tenant>) and only its network client changes.
import crypto from 'node:crypto';
import { ConfidentialClientApplication, PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../main/simulator/identity/certificate.ts';
import { startSimulator } from '../../main/simulator/index.ts';
import type { RunningSimulator } from '../../main/simulator/contract.ts';
import { claimsOf, graph, LOGIN, msalNetwork, send } from './simulator-support.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
});
afterAll(() => sim.stop());

const authority = () => `${LOGIN}/${sim.tenantId}`;

describe('client credentials through MSAL', () => {
  it('acquires an app-only Graph token with a client secret, usable on Graph', async () => {
    const app = new ConfidentialClientApplication({
      auth: { clientId: sim.confidentialClient.clientId, authority: authority(), clientSecret: sim.confidentialClient.secret },
      system: { networkClient: msalNetwork(sim) },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const claims = claimsOf(result!.accessToken);
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: sim.tenantId, appid: sim.confidentialClient.clientId, idtyp: 'app' });
    expect(claims.roles).toContain('User.ReadWrite.All');
    expect(claims.scp).toBeUndefined();
    const users = await graph(sim, result!.accessToken, 'GET', '/users?$select=userPrincipalName');
    expect(users.status).toBe(200);
    expect(users.json.value.map((u: { userPrincipalName: string }) => u.userPrincipalName)).toContain(sim.adminUpn);
  });

  it('rejects a wrong secret with AADSTS7000215 invalid_client', async () => {
    const app = new ConfidentialClientApplication({
      auth: { clientId: sim.confidentialClient.clientId, authority: authority(), clientSecret: 'not-the-secret' },
      system: { networkClient: msalNetwork(sim) },
    });
    await expect(app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({ errorCode: 'invalid_client', errorMessage: expect.stringContaining('AADSTS7000215') });
  });

  it('acquires a token with the registered certificate and refuses an unregistered one', async () => {
    const good = new ConfidentialClientApplication({
      auth: {
        clientId: sim.confidentialClient.clientId,
        authority: authority(),
        clientCertificate: { thumbprintSha256: sim.practiceCertificate.thumbprintSha256, privateKey: sim.practiceCertificate.privateKeyPem },
      },
      system: { networkClient: msalNetwork(sim) },
    });
    const result = await good.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
    expect(claimsOf(result!.accessToken)).toMatchObject({ aud: 'https://outlook.office365.com', appidacr: '2', roles: ['Exchange.ManageAsApp'] });

    // Same thumbprint header, a different key: the signature check must fail.
    const stranger = createSelfSignedCertificate('not registered');
    const forged = new ConfidentialClientApplication({
      auth: { clientId: sim.confidentialClient.clientId, authority: authority(), clientCertificate: { thumbprintSha256: sim.practiceCertificate.thumbprintSha256, privateKey: stranger.privateKeyPem } },
      system: { networkClient: msalNetwork(sim) },
    });
    await expect(forged.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({ errorMessage: expect.stringContaining('AADSTS700027') });
    const unknown = new ConfidentialClientApplication({
      auth: { clientId: sim.confidentialClient.clientId, authority: authority(), clientCertificate: { thumbprintSha256: stranger.thumbprintSha256, privateKey: stranger.privateKeyPem } },
      system: { networkClient: msalNetwork(sim) },
    });
    await expect(unknown.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toMatchObject({ errorMessage: expect.stringContaining('not registered on application') });
  });
});

describe('delegated sign-in through MSAL', () => {
  const publicApp = () => new PublicClientApplication({ auth: { clientId: sim.publicClientId, authority: authority() }, system: { networkClient: msalNetwork(sim) } });

  it('device code: answers code, URL and message; approved at the first poll by default', async () => {
    let shown: { userCode: string; verificationUri: string; message: string; interval: number } | undefined;
    const result = await publicApp().acquireTokenByDeviceCode({
      scopes: ['https://graph.microsoft.com/User.ReadWrite.All'],
      deviceCodeCallback: (response) => {
        shown = response;
      },
    });
    expect(shown!.userCode).toMatch(/^[A-Z0-9]{9}$/);
    expect(shown!.verificationUri).toBe('https://microsoft.com/devicelogin');
    expect(shown!.message).toContain(shown!.userCode);
    expect(result!.account?.username).toBe(sim.adminUpn);
    const claims = claimsOf(result!.accessToken);
    expect(claims.scp.split(' ')).toEqual(expect.arrayContaining(['User.ReadWrite.All', 'Place.ReadWrite.All']));
    expect(claims).toMatchObject({ idtyp: 'user', upn: sim.adminUpn, aud: 'https://graph.microsoft.com' });
  });

  it('device code: waits for approval through the tenant handle, and a denial ends the sign-in', async () => {
    const manual = await startSimulator({ seed: 8, deviceCodeApprovalPolls: null });
    try {
      const app = new PublicClientApplication({ auth: { clientId: manual.publicClientId, authority: `${LOGIN}/${manual.tenantId}` }, system: { networkClient: msalNetwork(manual) } });
      const approved = await app.acquireTokenByDeviceCode({
        scopes: ['https://graph.microsoft.com/.default'],
        deviceCodeCallback: (response) => manual.tenant.approveDeviceCode(response.userCode, manual.limitedAdminUpn),
      });
      expect(approved!.account?.username).toBe(manual.limitedAdminUpn);
      await expect(
        app.acquireTokenByDeviceCode({ scopes: ['https://graph.microsoft.com/.default'], deviceCodeCallback: (response) => manual.tenant.denyDeviceCode(response.userCode) }),
      ).rejects.toThrow(/authorization_declined/);
    } finally {
      await manual.stop();
    }
  });

  it('authorization code with PKCE: the "browser" posts the form_post answer to MSAL\'s loopback; refresh gets an Exchange token', async () => {
    const app = publicApp();
    let authorizeUrl = '';
    const result: AuthenticationResult = await app.acquireTokenInteractive({
      scopes: ['https://graph.microsoft.com/User.ReadWrite.All'],
      openBrowser: async (url) => {
        authorizeUrl = url;
        const page = await send(sim, 'GET', url);
        expect(page.status).toBe(200);
        const action = /action="([^"]+)"/.exec(page.body)![1]!;
        const fields = Object.fromEntries([...page.body.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
        expect(Object.keys(fields)).toEqual(expect.arrayContaining(['code', 'state']));
        const post = await fetch(action.replace('localhost', '127.0.0.1'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
        expect(post.status).toBe(200);
      },
    });
    const query = new URL(authorizeUrl).searchParams;
    expect(query.get('response_mode')).toBe('form_post');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(result.account?.username).toBe(sim.adminUpn);
    expect(claimsOf(result.idToken).preferred_username).toBe(sim.adminUpn);

    // Another resource: MSAL redeems its refresh token (a multi-resource refresh token in Entra).
    const exchange = await app.acquireTokenSilent({ account: result.account!, scopes: ['https://outlook.office365.com/Exchange.Manage'] });
    expect(claimsOf(exchange.accessToken)).toMatchObject({ aud: 'https://outlook.office365.com', scp: 'Exchange.Manage', upn: sim.adminUpn });
  });

  it('refuses a scope the admin never consented to (AADSTS65001)', async () => {
    const answer = await send(sim, 'GET', `${LOGIN}/${sim.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: sim.publicClientId,
      response_type: 'code',
      response_mode: 'form_post',
      redirect_uri: 'http://localhost:5555',
      scope: 'https://graph.microsoft.com/Mail.Send openid',
      state: 's1',
      code_challenge: crypto.createHash('sha256').update('v').digest('base64url'),
      code_challenge_method: 'S256',
    })}`);
    expect(answer.body).toContain('name="error" value="invalid_grant"');
    expect(answer.body).toContain('AADSTS65001');
    expect(answer.body).toContain('name="state" value="s1"');
  });
});
