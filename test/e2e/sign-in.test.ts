// A site's own tenant, signed in from the Site screen by device code: the code shown large with a
// copy button, approved "on another device", then signed in — and no token ever reaches the page.
// The tenant is a simulated one reached the way Microsoft 365 is (AppDeps.tenantTransport), with
// the app configured for it through the environment, as an admin would configure it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../main/simulator/index.ts';
import { simulatorTransport } from '../../main/tenant/transport.ts';
import { openApp, startBrowserHarness, summarise, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

describe.sequential('signing a site in to its tenant, in Chromium', () => {
  let sim: RunningSimulator;
  let harness: BrowserHarness;
  let app: AppPage;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 4, deviceCodeApprovalPolls: null, deviceCodeIntervalSeconds: 0 });
    harness = await startBrowserHarness(inject('browserRunDir'));
    app = await openApp(harness, { env: { ROOMREADY_CLIENT_ID: sim.publicClientId, ROOMREADY_TENANT: sim.tenantId }, tenantTransport: simulatorTransport(sim.url) });
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.server.origin });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    await sim?.stop();
  });

  it('a configured tenant: the Start screen does not push practice mode first', async () => {
    await app.page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => app.bridge.traffic.find((crossing) => crossing.direction === 'answer' && crossing.name === 'app.info')?.value, { timeout: 10_000 }).toMatchObject({ ok: true, data: { tenantConfigured: true } });
    expect(await app.page.getByText('No tenant is configured on this machine yet: start here.').count()).toBe(0);
  });

  it('the device code is shown large with a copy button; approved elsewhere, the site is signed in', async () => {
    const page = app.page;
    await page.getByLabel('Site name').fill('Contoso live');
    await page.getByLabel('Tenant domain (optional)').fill('contoso.com');
    await page.getByRole('button', { name: 'Create site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Site: Contoso live' }).waitFor();
    const card = page.getByRole('region', { name: 'Sign-in' });
    await card.getByText('Signed out').waitFor();

    await card.getByRole('button', { name: 'Sign in with a code' }).click();
    const changed = (await app.bridge.waitForEvent('tenant.changed', (payload) => (payload as { deviceCode?: unknown }).deviceCode !== undefined)) as { deviceCode: { userCode: string } };
    const userCode = changed.deviceCode.userCode;
    const shown = card.getByText(userCode, { exact: true });
    await shown.waitFor();
    // Large: readable across a room, at least twice the body text.
    const sizes = await shown.evaluate((element) => {
      const scope = globalThis as unknown as { getComputedStyle(target: unknown): { fontSize: string }; document: { body: unknown } };
      return { code: parseFloat(scope.getComputedStyle(element).fontSize), body: parseFloat(scope.getComputedStyle(scope.document.body).fontSize) };
    });
    expect(sizes.code).toBeGreaterThanOrEqual(2 * sizes.body);
    await card.getByRole('button', { name: 'Copy sign-in code' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()), { timeout: 10_000 }).toBe(userCode);
    await app.screenshot('30', 'sign-in-device-code');
    await app.checkAccessibility('sign-in-device-code');

    sim.tenant.approveDeviceCode(userCode);
    await card.getByText('Signed in', { exact: true }).waitFor({ timeout: 20_000 });
    await card.getByText(`Signed in as ${sim.adminUpn} (tenant ${sim.tenantId})`, { exact: false }).waitFor();
    expect(await card.getByText(userCode, { exact: true }).count()).toBe(0);
    await app.screenshot('31', 'signed-in');
    await app.checkAccessibility('signed-in');

    await card.getByRole('button', { name: 'Sign out' }).click();
    await card.getByText('Signed out').waitFor();
  });

  it('no token crossed the bridge, and the page stayed clean', () => {
    const toPage = app.bridge.traffic.filter((crossing) => crossing.direction !== 'request');
    expect(toPage.some((crossing) => crossing.name === 'tenant.signIn')).toBe(true);
    const leaks = toPage.filter((crossing) => JWT.test(JSON.stringify(crossing.value)) || /"(access|refresh|id)_?token"/i.test(JSON.stringify(crossing.value)));
    expect(leaks.map((crossing) => `${crossing.direction} ${crossing.name}`)).toEqual([]);
    expect(app.bridge.logs.filter((line) => JWT.test(line))).toEqual([]);
    expect(summarise(app.problems())).toEqual([]);
  });
});
