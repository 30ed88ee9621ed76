// Signing a (non-practice) site in to its tenant through the app's services, with the CLI's
// building blocks: settings from the environment, MSAL, the token cache in the host's store. The
// tenant here is a simulated one reached as Microsoft 365 is (AppDeps.tenantTransport), so the
// device code waits until the test approves it "on another device".
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretStoreError, memorySecretStore, type SecretStore } from '../../main/auth/secret-store.ts';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.ts';
import { simulatorTransport } from '../../main/tenant/transport.ts';
import { AppHarness } from './app-harness.ts';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 21, deviceCodeApprovalPolls: null, deviceCodeIntervalSeconds: 0 });
});
afterAll(async () => {
  await sim.stop();
});

const harnesses: AppHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.dispose()));
});
function harness(options: ConstructorParameters<typeof AppHarness>[0] = {}): AppHarness {
  const created = new AppHarness({ env: { ROOMREADY_CLIENT_ID: sim.publicClientId, ROOMREADY_TENANT: sim.tenantId }, tenantTransport: simulatorTransport(sim.url), ...options });
  harnesses.push(created);
  return created;
}

async function signInByDeviceCode(app: AppHarness, siteId: string) {
  const signingIn = app.call('tenant.signIn', { siteId, method: 'device-code' });
  const waiting = await app.waitFor('tenant.changed', (status) => status.siteId === siteId && status.deviceCode !== undefined);
  expect(waiting.state).toBe('signing-in');
  expect(waiting.deviceCode!.message).toContain(waiting.deviceCode!.userCode);
  // Meanwhile the status says so too.
  expect((await app.ok('tenant.status', { siteId })).deviceCode?.userCode).toBe(waiting.deviceCode!.userCode);
  sim.tenant.approveDeviceCode(waiting.deviceCode!.userCode);
  const result = await signingIn;
  if (!result.ok) expect.fail(`${result.code}: ${result.message}`);
  return result.data;
}

describe("a site's own tenant", () => {
  it('app.info reports a configured tenant', async () => {
    expect((await harness().ok('app.info', {})).tenantConfigured).toBe(true);
  });

  it('signs in by device code (shown through tenant.changed), preflights, keeps the sign-in across a restart, signs out', async () => {
    const app = harness();
    const site = await app.ok('sites.create', { name: 'Contoso live', topology: 'teams-online', cloud: 'global', tenantDomain: 'contoso.com' });
    await app.ok('rooms.save', { siteId: site.id, room: { upn: 'mtr-live@contoso.com', displayName: 'Live', usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' } });
    expect(await app.ok('tenant.status', { siteId: site.id })).toMatchObject({ state: 'signed-out', practice: false, cloud: 'global' });

    const status = await signInByDeviceCode(app, site.id);
    expect(status).toMatchObject({ state: 'signed-in', account: { username: sim.adminUpn, tenantId: sim.tenantId } });
    expect(status.deviceCode).toBeUndefined();
    const report = await app.ok('preflight.run', { siteId: site.id });
    expect(report.changePlan.map((room) => room.upn)).toEqual(['mtr-live@contoso.com']);

    // The token cache went to the host's store; a restarted app is still signed in.
    expect(await app.stores.get('token-cache')!.get()).toBeDefined();
    const restarted = harness({ stores: app.stores });
    const again = await restarted.ok('sites.create', { name: 'Contoso live', topology: 'teams-online', cloud: 'global' });
    expect((await restarted.ok('tenant.status', { siteId: again.id })).state).toBe('signed-in');

    const out = await app.ok('tenant.signOut', { siteId: site.id });
    expect(out.state).toBe('signed-out');
    expect((await app.fails('preflight.run', { siteId: site.id })).code).toBe('not-signed-in');
    expect(app.traffic()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });

  it('with a store that refuses, the sign-in is kept in memory and the log says so', async () => {
    const refusing = (name: string): SecretStore => {
      if (!name.startsWith('token-cache')) return memorySecretStore();
      const refuse = async (): Promise<never> => {
        throw new SecretStoreError('encryption-unavailable', 'safeStorage has only the basic_text backend here');
      };
      return { get: refuse, set: refuse, delete: refuse };
    };
    const app = harness({ secretStore: refusing });
    const site = await app.ok('sites.create', { name: 'No keyring', topology: 'teams-online', cloud: 'global' });
    expect((await signInByDeviceCode(app, site.id)).state).toBe('signed-in');
    expect(app.logs.join('\n')).toMatch(/kept in memory only/);
  });

  it('a failed sign-in comes back as words in the status, never as a token', async () => {
    const app = harness({ env: { ROOMREADY_CLIENT_ID: '00000000-0000-0000-0000-000000000001', ROOMREADY_TENANT: sim.tenantId } });
    const site = await app.ok('sites.create', { name: 'Wrong app', topology: 'teams-online', cloud: 'global' });
    const status = await app.ok('tenant.signIn', { siteId: site.id, method: 'device-code' });
    expect(status.state).toBe('signed-out');
    expect(status.error).toMatch(/AADSTS700016.*no app with client ID 00000000-0000-0000-0000-000000000001/);
    expect(status.error).not.toMatch(/eyJ|\n\s+at /);
    // No device code was ever shown for it.
    expect(app.eventsOf('tenant.changed').every((changed) => changed.deviceCode === undefined)).toBe(true);
  });

  it('without a configured tenant the status explains what to set', async () => {
    const app = harness({ env: {} });
    const site = await app.ok('sites.create', { name: 'Nothing set', topology: 'teams-online', cloud: 'global' });
    const status = await app.ok('tenant.status', { siteId: site.id });
    expect(status).toMatchObject({ state: 'signed-out' });
    expect(status.error).toContain('ROOMREADY_CLIENT_ID');
  });
});
