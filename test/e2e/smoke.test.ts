// The harness itself, end to end: the built renderer in real Chromium under the production CSP,
// window.roomready wired to the real app services, axe clean on the first screen.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, startBrowserHarness, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';

describe('renderer in Chromium (smoke)', () => {
  let harness: BrowserHarness;
  let app: AppPage;

  beforeAll(async () => {
    harness = await startBrowserHarness(inject('browserRunDir'));
    app = await openApp(harness);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  it('serves the page with the production CSP header', async () => {
    const response = await fetch(`${harness.server.origin}/index.html`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('first launch with no tenant configured: opens straight into the practice site, labelled', async () => {
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 20_000 }).toMatch(/^Site: Practice/);
    expect(await app.page.getByRole('note').filter({ hasText: 'Practice mode — simulated tenant, nothing real is changed' }).isVisible()).toBe(true);
    expect(app.bridge.traffic.some((crossing) => crossing.direction === 'request' && crossing.name === 'sites.openPractice')).toBe(true);
    await app.screenshot('00', 'smoke-first-launch');
    app.assertClean();
  });

  it('window.roomready round-trips app.info through the real handlers', async () => {
    const answer = await app.page.evaluate(() => (globalThis as unknown as { roomready: { app: { info(input: object): Promise<unknown> } } }).roomready.app.info({}));
    expect(answer).toMatchObject({ ok: true, data: { appName: 'RoomReady', tenantConfigured: false } });
    expect(app.bridge.traffic.some((crossing) => crossing.direction === 'request' && crossing.name === 'app.info')).toBe(true);
  });

  it('a malformed request is refused by the same checks main applies', async () => {
    const answer = await app.page.evaluate(() => (globalThis as unknown as { roomready: { sites: { open(input: object): Promise<unknown> } } }).roomready.sites.open({ path: 42 }));
    expect(answer).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('the page has neither Node nor the bridge internals', async () => {
    const globals = await app.page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>;
      return { require: typeof page.require, process: typeof page.process, module: typeof page.module, frozen: Object.isFrozen(page.roomready) };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', frozen: true });
  });

  it('an inline script is refused by the CSP, and the harness notices', async () => {
    const before = app.problems().length;
    await app.page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(tag: string): { textContent: string }; body: { appendChild(node: unknown): void } } }).document;
      const script = doc.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      doc.body.appendChild(script);
    });
    await expect.poll(() => app.problems().length, { timeout: 5_000 }).toBeGreaterThan(before);
    expect(await app.page.evaluate(() => (globalThis as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(app.problems().join('\n')).toMatch(/Content Security Policy|CSP violation/);
  });

  it('with a tenant configured the app starts at the Start screen, and axe finds no serious or critical violation there', async () => {
    const fresh = await openApp(harness, { env: { ROOMREADY_CLIENT_ID: '00000000-0000-0000-0000-000000000001' } });
    try {
      await expect.poll(() => fresh.page.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 10_000 }).toMatch(/^Start/);
      expect(fresh.bridge.traffic.some((crossing) => crossing.name === 'sites.openPractice')).toBe(false);
      await fresh.checkAccessibility('start');
      fresh.assertClean();
    } finally {
      await fresh.close();
    }
  });
});
