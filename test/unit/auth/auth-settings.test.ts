// From flags and environment to a sign-in: the kind of sign-in, the simulator's defaults, and the
// rule that a client secret comes only from the environment.
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSecretFromEnvironment, refuseSecretOutsideEnvironment } from '../../../main/auth/app-credential.ts';
import { AuthConfigError } from '../../../main/auth/auth-errors.ts';
import { resolveAuthSettings } from '../../../main/auth/auth-settings.ts';
import { createAppOnlyAuth } from '../../../main/auth/msal-app-only-auth.ts';
import { createDelegatedAuth } from '../../../main/auth/msal-delegated-auth.ts';
import type { SimulatorIdentities } from '../../../main/simulator/contract.ts';
import { CLOUDS } from '../../../shared/clouds.ts';
import type { Transport } from '../../../main/tenant/transport.ts';

const SECRET = 'planted~Secret.Value_0123456789';
const SIMULATOR: SimulatorIdentities = {
  tenantId: '0f5a1c1e-8d56-4b9e-9a53-1b1d2f0a0c01',
  tenantDomain: 'contoso.onmicrosoft.com',
  publicClientId: 'a0b1c2d3-0000-4000-8000-00000000c11e',
  confidentialClient: { clientId: 'a0b1c2d3-0000-4000-8000-00000000da7a', secret: 'simulator-secret-value' },
  adminUpn: 'admin@contoso.onmicrosoft.com',
  limitedAdminUpn: 'helpdesk@contoso.onmicrosoft.com',
};
const unusedTransport: Transport = async () => {
  throw new Error('no request expected');
};

let directory: string;
let pemPath: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-settings-'));
  pemPath = join(directory, 'app.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pemPath, '-out', join(directory, 'app.crt'), '-days', '2', '-subj', '/CN=RoomReady settings test'], { stdio: 'ignore' });
  await appendFile(pemPath, await readFile(join(directory, 'app.crt')));
}, 60_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function configError(promise: Promise<unknown>): Promise<AuthConfigError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthConfigError);
  return error as AuthConfigError;
}

describe('a client secret only from the environment', () => {
  it.each(['client-secret', 'clientSecret', 'secret', '--client-secret'])('refuses "%s" on the command line, without repeating it', async (flag) => {
    const error = await configError(resolveAuthSettings({ [flag]: SECRET, 'client-id': 'x', tenant: 'contoso.com' }, {}));
    expect(error.message).toContain('ROOMREADY_CLIENT_SECRET');
    expect(error.message).toContain('never from a command-line argument');
    expect(error.message).not.toContain(SECRET);
  });

  it('refuses a secret in a settings object (e.g. read from a file) and in the service options', () => {
    expect(() => refuseSecretOutsideEnvironment({ clientId: 'x', clientSecret: SECRET }, 'site.json')).toThrow(/given as "clientSecret" in site.json/);
    const options = { cloud: CLOUDS.global, tenant: 'contoso.com', clientId: 'x', transport: unusedTransport, clientSecret: SECRET };
    expect(() => createDelegatedAuth(options)).toThrow(AuthConfigError);
    expect(() => createAppOnlyAuth({ ...options, credential: { kind: 'client-secret', env: {} } })).toThrow(/given as "clientSecret" in the sign-in options/);
  });

  it('reads the secret from the environment, and says which variable is missing', async () => {
    const settings = await resolveAuthSettings({ 'client-id': 'app-id', tenant: 'contoso.com' }, { ROOMREADY_CLIENT_SECRET: SECRET });
    expect(settings.signIn).toMatchObject({ kind: 'app-only', credential: { kind: 'client-secret' } });
    if (settings.signIn.kind !== 'app-only' || settings.signIn.credential.kind !== 'client-secret') throw new Error('unreachable');
    expect(clientSecretFromEnvironment(settings.signIn.credential.env)).toBe(SECRET);
    expect(() => clientSecretFromEnvironment({ ROOMREADY_CLIENT_SECRET: '  ' })).toThrow('App-only sign-in with a client secret needs the secret in the environment variable ROOMREADY_CLIENT_SECRET, which is not set.');
  });

  it('a secret-based app-only service refuses to start without the variable', () => {
    expect(() => createAppOnlyAuth({ cloud: CLOUDS.global, tenant: 'contoso.com', clientId: 'x', transport: unusedTransport, credential: { kind: 'client-secret', env: {} } })).toThrow(/ROOMREADY_CLIENT_SECRET, which is not set/);
  });
});

describe('resolveAuthSettings', () => {
  it('an admin signs in interactively by default, by device code on request, to any organisation', async () => {
    expect(await resolveAuthSettings({ 'client-id': 'app-id' }, {})).toEqual({ cloud: CLOUDS.global, clientId: 'app-id', signIn: { kind: 'delegated', method: 'interactive' } });
    const settings = await resolveAuthSettings({ 'client-id': 'app-id', 'device-code': true, cloud: 'usgov', tenant: 'contoso.us' }, {});
    expect(settings).toEqual({ cloud: CLOUDS.usgov, tenant: 'contoso.us', clientId: 'app-id', signIn: { kind: 'delegated', method: 'device-code' } });
  });

  it('a certificate means app-only, loaded and checked', async () => {
    const settings = await resolveAuthSettings({ 'client-id': 'app-id', tenant: 'contoso.com', certificate: pemPath }, {});
    expect(settings.signIn.kind).toBe('app-only');
    if (settings.signIn.kind !== 'app-only' || settings.signIn.credential.kind !== 'certificate') throw new Error('expected a certificate');
    expect(settings.signIn.credential.certificate.sha256Thumbprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('app-only needs a client ID and a tenant; device code does not go with it', async () => {
    expect((await configError(resolveAuthSettings({ certificate: pemPath, tenant: 'contoso.com' }, {}))).message).toContain('--client-id');
    expect((await configError(resolveAuthSettings({ certificate: pemPath, 'client-id': 'x' }, {}))).message).toContain('--tenant');
    expect((await configError(resolveAuthSettings({ 'client-id': 'x', tenant: 'contoso.com', 'device-code': true }, { ROOMREADY_CLIENT_SECRET: SECRET }))).message).toContain('--device-code is for an admin');
  });

  it('without a client ID, points at the README', async () => {
    expect((await configError(resolveAuthSettings({}, {}))).message).toContain('Registering the Entra app');
  });

  it("against the simulated tenant, defaults come from the simulator's identities", async () => {
    expect(await resolveAuthSettings({}, {}, SIMULATOR)).toEqual({
      cloud: CLOUDS.simulated,
      tenant: SIMULATOR.tenantId,
      clientId: SIMULATOR.publicClientId,
      signIn: { kind: 'delegated', method: 'interactive' },
    });
    const appOnly = await resolveAuthSettings({ cloud: 'china' }, { ROOMREADY_CLIENT_SECRET: SECRET }, SIMULATOR);
    expect(appOnly).toMatchObject({ cloud: CLOUDS.china, tenant: SIMULATOR.tenantId, clientId: SIMULATOR.confidentialClient.clientId });
    // Flags still win over the defaults.
    expect((await resolveAuthSettings({ 'client-id': 'mine', tenant: 'fabrikam.com' }, {}, SIMULATOR)).clientId).toBe('mine');
  });

  it('refuses the simulated cloud without a simulator, and unknown clouds', async () => {
    expect((await configError(resolveAuthSettings({ cloud: 'simulated', 'client-id': 'x' }, {}))).message).toContain('--simulated');
    expect((await configError(resolveAuthSettings({ cloud: 'mars', 'client-id': 'x' }, {}))).message).toContain('Unknown cloud "mars"');
  });
});
