// The on-site toolkit in Chromium, as an installer uses it at a practice room's console: network
// checks against loopback stand-ins (a TLS listener with a "Microsoft" certificate, one behind a
// TLS-inspecting proxy's certificate, a STUN responder), the room's sign-in test against the
// simulated tenant (stored password, then a wrong typed one), certificate files read in the window,
// the console configuration exported for a USB stick, the room report carrying those checks, and an
// installer package sealed on the Site screen and opened from the Start screen. Each new screen
// state is photographed and checked with axe; the page must never log an error or receive a secret.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SiteView } from '../../shared/ipc.ts';
import type { NetworkEndpoint } from '../../shared/onsite/network-endpoints.ts';
import type { CertificateInspection, ConsoleApplyResult, NetworkReport, PackageSummary, SignInTestResult } from '../../shared/onsite/results.ts';
import { SIGN_IN_OUTCOME_INFO } from '../../shared/onsite/sign-in-outcomes.ts';
import { openApp, startBrowserHarness, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';
import { mintCertificate, mintPfx } from '../support/mint-certificate.ts';
import { mintStandInCertificates, startClockStandIn, startStunStandIn, startTlsStandIn, type ClockStandIn, type StunStandIn, type TlsStandIn } from '../support/onsite-stand-ins.ts';
import { chainSteps, practiceSiteOpened } from '../support/browser/walk.ts';

/** Secrets typed in this walk: none may ever come back across the bridge or reach a log. */
const ROOM_PASSWORD = 'Onsite-Pa55word!Room-8K3';
const WRONG_PASSWORD = 'Not-The-Room-Pa55word-Z9';
const PFX_PASSWORD = 'pfx secret for the walk 41';
const PASSPHRASE = 'on-site package passphrase 7';
const WRONG_PASSPHRASE = 'not the package passphrase';
const SECRETS = [ROOM_PASSWORD, WRONG_PASSWORD, PFX_PASSWORD, PASSPHRASE, WRONG_PASSPHRASE];

const DAY = 86_400_000;

function eventually<T>(check: () => T, options: { timeout?: number; message?: string } = {}) {
  return expect.poll(check, { timeout: 15_000, ...options });
}

const ALWAYS_RUN = new Set(['the page never received a password, a PFX password or a passphrase', 'no screen logged a console error, broke the CSP or threw']);

describe.sequential('the on-site toolkit, walked in Chromium', () => {
  let harness: BrowserHarness;
  let app: AppPage;
  let scratch: string;
  let trusted: TlsStandIn;
  let inspected: TlsStandIn;
  let stun: StunStandIn;
  let clock: ClockStandIn;
  let site: SiteView;
  let room: SiteView['rooms'][number];
  let packageFile: string;
  let shot = 0;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'roomready-e2e-onsite-'));
    const certificates = mintStandInCertificates();
    trusted = await startTlsStandIn(certificates.microsoftLeaf);
    inspected = await startTlsStandIn(certificates.inspectionLeaf);
    stun = await startStunStandIn();
    clock = await startClockStandIn();
    const endpoint = (id: string, service: NetworkEndpoint['service'], port: number): NetworkEndpoint => ({
      id,
      service,
      host: '127.0.0.1',
      port,
      tls: true,
      why: `The room needs ${id}.`,
      ask: `allow TCP ${port} to 127.0.0.1`,
      expectedIssuerOrganizations: ['Microsoft Corporation'],
    });
    harness = await startBrowserHarness(inject('browserRunDir'));
    app = await openApp(harness, {
      onsite: {
        consoleTarget: null,
        network: {
          endpoints: [endpoint('identity', 'identity', trusted.port), endpoint('exchange', 'exchange', inspected.port)],
          stun: [{ id: 'relay', host: '127.0.0.1', port: stun.port }],
          // The machine trusts both roots (a proxy's CA is usually deployed): inspection shows in the issuer.
          extraCaPem: [certificates.microsoftRoot.certPem, certificates.inspectionRoot.certPem],
          clockUrl: clock.url,
          timeoutMs: 3_000,
        },
      },
    });
    site = await practiceSiteOpened(app);
    room = site.rooms[0]!;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    await Promise.all([trusted?.close(), inspected?.close(), stun?.close(), clock?.close()]);
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  chainSteps(ALWAYS_RUN);

  const page = () => app.page;
  const heading1 = (name: string | RegExp) => page().getByRole('heading', { level: 1, name });
  const button = (name: string | RegExp) => page().getByRole('button', { name, exact: typeof name === 'string' });
  const tools = () => page().getByRole('region', { name: 'On-site tools' });
  const panel = (name: string) => tools().getByRole('tabpanel', { name });
  /** The last answer on a channel since `from`, as the page received it. */
  const answer = <T,>(name: string, from = 0) =>
    app.bridge.traffic.slice(from).findLast((crossing) => crossing.direction === 'answer' && crossing.name === name)?.value as
      | { ok: true; data: T }
      | { ok: false; code: string; message: string }
      | undefined;

  async function screen(name: string): Promise<void> {
    shot += 1;
    await app.screenshot(`onsite-${String(shot).padStart(2, '0')}`, name);
    await app.checkAccessibility(name);
  }

  /** On-site mode asks for touch targets of 44 px: every visible control in main. */
  async function smallControls(): Promise<unknown[]> {
    return page()
      .locator('main button, main [role="button"], main [role="tab"], main input, main select, main textarea')
      .evaluateAll((elements) =>
        elements
          .map((element) => {
            const box = (element as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
            return { label: (element as unknown as { outerHTML: string }).outerHTML.slice(0, 100), width: box.width, height: box.height };
          })
          .filter((box) => box.width > 0 && box.height > 0 && (box.height < 44 || box.width < 44)),
      );
  }

  async function clickInTable(name: string): Promise<void> {
    const target = page().getByRole('table', { name: 'Rooms of this site' }).getByRole('button', { name, exact: true });
    await target.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center', inline: 'center' }));
    await target.click();
  }

  it('a practice room gets a password through the dialog and is provisioned', async () => {
    await clickInTable(`Set password for ${room.displayName}`);
    const dialog = page().getByRole('dialog', { name: `Set password for ${room.displayName}` });
    await dialog.getByLabel('Room password').fill(ROOM_PASSWORD);
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await eventually(() => answer('passwords.set')).toMatchObject({ ok: true });
    // Provisioning creates the account with that password in the simulated tenant (setup, not under test here).
    const { runId } = await app.bridge.services.handlers['provision.start']({ siteId: site.id, upns: [room.upn] });
    const finished = (await app.bridge.waitForEvent('provision.finished', (payload) => (payload as { runId: string }).runId === runId, 60_000)) as {
      rooms: { upn: string; status: string }[];
    };
    expect(finished.rooms.map((outcome) => outcome.upn)).toEqual([room.upn]);
  }, 90_000);

  it('on-site mode shows the four tools as tabs, chosen with the keyboard', async () => {
    await clickInTable(`Open ${room.displayName}`);
    await heading1(`Room: ${room.displayName}`).waitFor();
    await button('On-site mode for this room').click();
    await heading1('On-site mode').waitFor();
    const tabs = tools().getByRole('tablist', { name: 'On-site tools' }).getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Network', 'Room sign-in', 'Certificates', 'Console configuration']);
    const network = tools().getByRole('tab', { name: 'Network' });
    expect(await network.getAttribute('aria-selected')).toBe('true');
    await network.focus();
    await page().keyboard.press('ArrowRight');
    await page().keyboard.press('Enter');
    await eventually(() => tools().getByRole('tab', { name: 'Room sign-in' }).getAttribute('aria-selected')).toBe('true');
    await panel('Room sign-in').getByRole('heading', { name: 'Room sign-in test' }).waitFor();
    await page().keyboard.press('ArrowLeft');
    await page().keyboard.press('Enter');
    await eventually(() => network.getAttribute('aria-selected')).toBe('true');
    await panel('Network').getByText('Not run for this room yet.').waitFor();
    expect(await smallControls()).toEqual([]);
    await screen('toolkit-network-empty');
  });

  it('Network: the checks run against the stand-ins, grouped, with the proxy and what to ask the network team', async () => {
    const from = app.bridge.traffic.length;
    await panel('Network').getByRole('button', { name: 'Run network checks' }).click();
    const summary = page().getByTestId('network-summary');
    await summary.waitFor({ timeout: 30_000 });
    const result = answer<NetworkReport>('onsite.network', from);
    expect(result?.ok).toBe(true);
    const report = (result as { data: NetworkReport }).data;
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    // The trusted listener passes; the proxy's certificate is flagged; the STUN relay answered.
    expect(byId.get('network.tls.identity')?.status).toBe('passed');
    const inspection = byId.get('network.tls.exchange');
    expect(inspection?.status).not.toBe('passed');
    expect(`${inspection?.title} ${inspection?.detail}`).toMatch(/inspect/i);
    expect(byId.get('network.stun.relay')?.status).toBe('passed');
    expect(stun.answered()).toBeGreaterThan(0);

    // What the page shows is that answer: counts, the proxy, a badge per check, grouped by kind.
    const counts = report.counts;
    expect(await summary.innerText()).toContain(`Passed ${counts.passed} · failed ${counts.failed} · warnings ${counts.warning} · unknown ${counts.unknown}.`);
    expect(await summary.innerText()).toContain(`Proxy in effect: ${report.proxy.value}`);
    const network = panel('Network');
    await network.getByRole('heading', { name: 'Secure connections (TLS)' }).waitFor();
    await network.getByRole('heading', { name: 'Media (STUN over UDP 3478)' }).waitFor();
    const flagged = network.locator('li[data-check-id="network.tls.exchange"]');
    expect(await flagged.innerText()).toMatch(/Warning|Failed/);
    expect(await flagged.innerText()).toContain('Ask the network team');
    expect(await network.locator('li[data-check-id="network.tls.identity"]').innerText()).toContain('Passed');
    expect(await network.locator('li[data-check-id="network.stun.relay"]').innerText()).toContain('Passed');
    expect(await network.locator('li[data-check-id]').count()).toBe(report.checks.length);
    await eventually(() => page().getByTestId('announcer').textContent()).toContain('Network checks finished');
    await screen('toolkit-network-results');
  }, 60_000);

  it('Room sign-in: the stored password signs in; a wrong typed one explains AADSTS50126', async () => {
    await tools().getByRole('tab', { name: 'Room sign-in' }).click();
    const signIn = panel('Room sign-in');
    await signIn.getByText('This room has a stored password').waitFor();
    let from = app.bridge.traffic.length;
    await signIn.getByRole('button', { name: 'Test sign-in' }).click();
    await signIn.getByText('Signed in', { exact: true }).waitFor({ timeout: 20_000 });
    const passed = answer<SignInTestResult>('onsite.signInTest', from) as { ok: true; data: SignInTestResult };
    expect(passed.data).toMatchObject({ upn: room.upn, outcome: 'signed-in', check: { status: 'passed' } });
    expect(passed.data.licences?.length).toBeGreaterThan(0);
    await signIn.getByText(passed.data.licences!.join(', '), { exact: true }).waitFor();
    // The stored password never crossed the bridge: the request named the room only.
    expect(app.bridge.traffic.slice(from).find((crossing) => crossing.direction === 'request')?.value).toEqual({ siteId: site.id, upn: room.upn });

    from = app.bridge.traffic.length;
    const field = signIn.getByLabel('Password for this test only (optional)');
    await field.fill(WRONG_PASSWORD);
    await signIn.getByRole('button', { name: 'Test sign-in' }).click();
    await signIn.getByText('AADSTS50126', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await field.inputValue()).toBe('');
    await signIn.getByText(SIGN_IN_OUTCOME_INFO['wrong-password'].explanation, { exact: true }).waitFor();
    await signIn.getByText(SIGN_IN_OUTCOME_INFO['wrong-password'].remedy, { exact: true }).waitFor();
    await signIn.getByText('Wrong password', { exact: true }).waitFor();
    expect(answer<SignInTestResult>('onsite.signInTest', from)).toMatchObject({ ok: true, data: { outcome: 'wrong-password', aadsts: 'AADSTS50126' } });
    expect(await smallControls()).toEqual([]);
    await screen('toolkit-sign-in-wrong-password');
  }, 60_000);

  it('Certificates: PEM, DER and PFX files read in the window; details, warnings and the install command', async () => {
    const now = Date.now();
    const root = mintCertificate({ commonName: 'Contoso Private Root CA', organization: 'Contoso', isCA: true });
    const intermediate = mintCertificate({ commonName: 'Contoso Issuing CA', organization: 'Contoso', isCA: true, issuer: root });
    // Expires in ten days; the private root needs installing on the console: two warnings.
    const leaf = mintCertificate({ commonName: 'proxy.contoso.com', issuer: intermediate, dnsNames: ['proxy.contoso.com'], notAfter: new Date(now + 10 * DAY) });
    const files = {
      root: path.join(scratch, 'contoso-root.cer'),
      leaf: path.join(scratch, 'proxy.pem'),
      pfx: path.join(scratch, 'proxy.pfx'),
    };
    await writeFile(files.root, root.der);
    await writeFile(files.leaf, leaf.certPem);
    await writeFile(files.pfx, mintPfx(leaf, [intermediate], PFX_PASSWORD));

    await tools().getByRole('tab', { name: 'Certificates' }).click();
    const certs = panel('Certificates');
    await certs.getByLabel('Certificate files').setInputFiles([files.root, files.leaf, files.pfx]);
    await certs.getByText('3 files chosen: contoso-root.cer, proxy.pem, proxy.pfx').waitFor();
    const password = certs.getByLabel(/^PFX password/);
    await password.fill(PFX_PASSWORD);
    const from = app.bridge.traffic.length;
    await certs.getByRole('button', { name: 'Inspect certificates' }).click();
    const table = certs.getByRole('table', { name: 'Certificates found' });
    await table.waitFor({ timeout: 20_000 });
    expect(await password.inputValue()).toBe('');
    const result = answer<CertificateInspection>('onsite.certificates', from);
    expect(result?.ok, JSON.stringify(result)).toBe(true);
    const inspection = (result as { data: CertificateInspection }).data;
    // The request carried the files' exact bytes.
    const request = app.bridge.traffic.slice(from).find((crossing) => crossing.direction === 'request')!.value as { files: { fileName: string; base64: string }[] };
    expect(Buffer.from(request.files[0]!.base64, 'base64').equals(root.der)).toBe(true);
    expect(request.files.map((file) => file.fileName)).toEqual(['contoso-root.cer', 'proxy.pem', 'proxy.pfx']);

    expect(await table.getByRole('row').count()).toBe(inspection.certificates.length + 1);
    const leafRow = table.getByRole('row').filter({ hasText: 'proxy.pem' });
    expect(await leafRow.innerText()).toContain('proxy.contoso.com');
    expect(await leafRow.innerText()).toMatch(/\b(9|10) days left\b/);
    // The warnings: expiry within 30 days and the missing chain, as checks with a state each.
    const warnings = certs.getByRole('list', { name: 'Warnings' });
    const warningTexts = (await warnings.getByRole('listitem').allInnerTexts()).join('\n');
    expect(warningTexts.length).toBeGreaterThan(0);
    expect(inspection.checks.filter((check) => check.status !== 'passed').length).toBe(await warnings.getByRole('listitem').count());
    // The private root's install command, exactly as main made it, with a copy button.
    const install = inspection.installCommands.find((command) => command.store === 'Root');
    expect(install).toBeDefined();
    await certs.getByText(install!.command, { exact: true }).waitFor();
    await certs.getByRole('button', { name: `Copy the install command for ${install!.file}` }).waitFor();
    // The CA files the commands name, saved for the console: the root's exact bytes under the command's name.
    const caFolder = path.join(scratch, 'ca-files');
    await mkdir(caFolder);
    app.bridge.dialogs.folder = caFolder;
    await certs.getByRole('button', { name: 'Save the CA files (.cer) for the console' }).click();
    await certs.getByText(/^Saved \d+ CA files in /).waitFor();
    const rootName = install!.file.slice(install!.file.lastIndexOf('\\') + 1);
    expect((await readFile(path.join(caFolder, rootName))).equals(root.der)).toBe(true);
    expect(await smallControls()).toEqual([]);
    await screen('toolkit-certificates');
  }, 60_000);

  it('Console configuration: exported for a USB stick into the chosen folder; the files are on disk', async () => {
    // The USB stick's drive, as the folder dialog would return it.
    const usb = path.join(scratch, 'usb');
    await mkdir(usb);
    app.bridge.dialogs.folder = usb;
    await tools().getByRole('tab', { name: 'Console configuration' }).click();
    const consolePanel = panel('Console configuration');
    // A SkypeSettings.xml the admin made for this room, with a custom theme naming its image.
    const themed = path.join(scratch, 'Everest themed.xml');
    const image = path.join(scratch, 'Lobby.png');
    await writeFile(
      themed,
      `<SkypeSettings><UserAccount><SkypeSignInAddress>${room.upn}</SkypeSignInAddress></UserAccount><Theming><ThemeName>Custom</ThemeName><CustomBackgroundMainFoRDisplay>Lobby.png</CustomBackgroundMainFoRDisplay></Theming></SkypeSettings>`,
    );
    await writeFile(image, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
    await consolePanel.getByLabel('SkypeSettings.xml for this room (optional)').setInputFiles(themed);
    await consolePanel.getByText('Everest themed.xml is used instead of the prepared file.').waitFor();
    // Without the image it names: refused, naming the element, before any folder is asked for.
    await consolePanel.getByRole('button', { name: 'Apply to this console or export for a USB stick' }).click();
    await consolePanel.getByText(/names the image "Lobby\.png" \(SkypeSettings\/Theming\/CustomBackgroundMainFoRDisplay\)/).waitFor();
    expect(app.bridge.dialogs.asked.some((question) => question.startsWith('folder:Export the console configuration'))).toBe(false);
    await consolePanel.getByLabel('Theme images the file names (JPG, PNG or BMP)').setInputFiles(image);
    const from = app.bridge.traffic.length;
    await consolePanel.getByRole('button', { name: 'Apply to this console or export for a USB stick' }).click();
    await eventually(() => answer('onsite.applyConsole', from) !== undefined, { timeout: 20_000 }).toBe(true);
    const answered = answer<ConsoleApplyResult>('onsite.applyConsole', from);
    expect(answered?.ok, JSON.stringify(answered)).toBe(true);
    const result = answered as { ok: true; data: ConsoleApplyResult };
    const applied = page().getByTestId('console-applied');
    await applied.waitFor();
    expect(result.data.mode).toBe('usb');
    await applied.getByText('Exported for a USB stick.').waitFor();
    await applied.getByText(result.data.folder, { exact: true }).waitFor();
    expect(result.data.folder.startsWith(usb)).toBe(true);
    expect(result.data.files.map((file) => file.name).sort()).toEqual(['Lobby.png', 'README-USB.txt', 'SkypeSettings.xml']);
    for (const file of result.data.files) {
      expect((await stat(path.join(result.data.folder, file.name))).size).toBe(file.bytes);
      await applied.getByText(`${file.name} (${file.bytes} bytes)`).waitFor();
    }
    const xml = await readFile(path.join(result.data.folder, 'SkypeSettings.xml'), 'utf8');
    expect(xml).toBe(await readFile(themed, 'utf8'));
    expect(xml).not.toContain(ROOM_PASSWORD);
    const steps = applied.getByRole('list').last();
    expect(await steps.evaluate((element) => (element as unknown as { tagName: string }).tagName)).toBe('OL');
    // In order; a command among them (indented) is shown as code with a copy button.
    expect((await steps.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s*Copy$/, '').trim())).toEqual(result.data.instructions.map((step) => step.trim()));
    for (const command of result.data.instructions.filter((step) => /^\s/.test(step))) await steps.getByRole('button', { name: `Copy the command ${command.trim()}` }).waitFor();
    // Off a console there is no LocalState to look into: the confirmation says so plainly.
    await consolePanel.getByRole('button', { name: 'Confirm after restart' }).click();
    await consolePanel.getByText(/not a Teams Rooms console/).waitFor();
    await screen('toolkit-console-usb');
  }, 60_000);

  it('the recorded results come back when on-site mode is opened again ("last run at …")', async () => {
    await page().getByRole('switch', { name: 'On-site mode' }).uncheck();
    await heading1(/^Site: Practice/).waitFor();
    const from = app.bridge.traffic.length;
    await page().getByRole('switch', { name: 'On-site mode' }).check();
    await heading1('On-site mode').waitFor();
    await eventually(() => answer<{ checks: unknown[] }>('onsite.checks', from)).toMatchObject({ ok: true });
    const network = panel('Network');
    await network.getByText(/^Last run at /).waitFor();
    await network.locator('li[data-check-id="network.tls.exchange"]').waitFor();
    await tools().getByRole('tab', { name: 'Room sign-in' }).click();
    await panel('Room sign-in').locator('li[data-check-id^="sign-in"]').first().waitFor();
    await screen('toolkit-recorded');
  });

  it('the room report (HTML) carries the on-site checks', async () => {
    await page().getByRole('switch', { name: 'On-site mode' }).uncheck();
    await clickInTable(`Open ${room.displayName}`);
    await heading1(`Room: ${room.displayName}`).waitFor();
    await page().getByRole('tab', { name: /^Report, / }).click();
    const file = path.join(scratch, 'room report.html');
    app.bridge.dialogs.savePath = file;
    const exportRegion = page().getByRole('region', { name: 'Room report' });
    await exportRegion.getByRole('button', { name: 'Export as HTML' }).click();
    await exportRegion.getByText(file, { exact: true }).waitFor({ timeout: 30_000 });
    const html = await readFile(file, 'utf8');
    const recorded = (await app.bridge.services.handlers['onsite.checks']({ siteId: site.id, upn: room.upn })).checks;
    const titles = new Set(['network.tls.exchange', 'network.stun.relay'].map((id) => recorded.find((check) => check.id === id)?.title));
    const signInCheck = recorded.find((check) => check.id.startsWith('sign-in'));
    expect(signInCheck).toBeDefined();
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const title of [...titles, signInCheck!.title]) expect(html).toContain(escape(title!));
    for (const secret of SECRETS) expect(html).not.toContain(secret);
  }, 60_000);

  it('Installer package: the passphrase typed twice, passwords left out; path, rooms and "not included" shown', async () => {
    await button('Back to the site').click();
    await heading1(/^Site: Practice/).waitFor();
    const exportCard = page().getByRole('region', { name: 'Installer package' });
    await exportCard.getByLabel('Package passphrase').fill(PASSPHRASE);
    await exportCard.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE}x`);
    await exportCard.getByText('The two passphrases are not the same.').waitFor();
    expect(await exportCard.getByRole('button', { name: 'Export installer package' }).isDisabled()).toBe(true);
    await exportCard.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    const include = exportCard.getByRole('checkbox', { name: 'Include room passwords' });
    expect(await include.isChecked()).toBe(false);
    await include.check();
    await exportCard.getByText(/^Anyone with the file and the passphrase can read the room passwords/).waitFor();
    await include.uncheck();
    packageFile = path.join(scratch, 'practice.roomready-package');
    app.bridge.dialogs.savePath = packageFile;
    const from = app.bridge.traffic.length;
    await exportCard.getByRole('button', { name: 'Export installer package' }).click();
    await exportCard.getByText(packageFile, { exact: true }).waitFor({ timeout: 20_000 });
    const summary = (answer<PackageSummary>('packages.export', from) as { ok: true; data: PackageSummary }).data;
    expect(summary).toMatchObject({ path: packageFile, includesPasswords: false, rooms: site.rooms.length });
    await exportCard.getByText('Room passwords are not included.').waitFor();
    expect(await exportCard.getByLabel('Package passphrase').inputValue()).toBe('');
    expect(await exportCard.getByLabel('Repeat the passphrase').inputValue()).toBe('');
    const request = app.bridge.traffic.slice(from).find((crossing) => crossing.direction === 'request')!.value;
    expect(request).toMatchObject({ siteId: site.id, includePasswords: false });
    const bytes = await readFile(packageFile);
    expect(bytes.length).toBe(summary.bytes);
    for (const plain of [ROOM_PASSWORD, PASSPHRASE, room.upn, site.site.name]) expect(bytes.includes(Buffer.from(plain))).toBe(false);
    await screen('package-exported');
  }, 60_000);

  it('Opening the package from Start: a wrong passphrase is refused plainly; the right one opens the site marked as from a package', async () => {
    expect(existsSync(packageFile)).toBe(true);
    await button('Close site').click();
    await heading1('Start').waitFor();
    const card = page().getByRole('region', { name: 'Open an installer package' });
    app.bridge.dialogs.packageToOpen = packageFile;
    const field = card.getByLabel('Package passphrase');
    await field.fill(WRONG_PASSPHRASE);
    let from = app.bridge.traffic.length;
    await card.getByRole('button', { name: 'Open installer package…' }).click();
    await eventually(() => answer('packages.open', from)).toMatchObject({ ok: false });
    const refused = answer('packages.open', from) as { ok: false; message: string };
    await eventually(() => card.locator('.failure').innerText()).toContain(refused.message);
    expect(refused.message).toMatch(/passphrase/i);
    expect(refused.message).not.toMatch(/\n\s+at /);
    expect(await field.inputValue()).toBe('');
    await screen('package-wrong-passphrase');

    await field.fill(PASSPHRASE);
    from = app.bridge.traffic.length;
    await card.getByRole('button', { name: 'Open installer package…' }).click();
    await heading1(`Site: ${site.site.name}`).waitFor({ timeout: 20_000 });
    const opened = (answer<SiteView>('packages.open', from) as { ok: true; data: SiteView }).data;
    expect(opened.package).toMatchObject({ path: packageFile, includesPasswords: false });
    expect(opened.rooms.map((entry) => entry.upn)).toEqual(site.rooms.map((entry) => entry.upn));
    const banner = page().getByTestId('package-banner');
    expect(await banner.innerText()).toContain(packageFile);
    expect(await banner.innerText()).toContain('Room passwords are not included');
    expect(app.bridge.dialogs.asked.filter((question) => question === 'open-package')).toHaveLength(2);
    // Made in practice mode, it stays on the simulated cloud and reaches a simulated tenant of its own.
    expect(opened.site.cloud).toBe('simulated');
    await eventually(() => answer('tenant.status', from)).toMatchObject({ ok: true, data: { siteId: opened.id, state: 'signed-in' } });
    await page().getByText('Signed in as ', { exact: false }).first().waitFor();
    await screen('package-opened');
  }, 60_000);

  it('the page never received a password, a PFX password or a passphrase', async () => {
    const toPage = app.bridge.traffic.filter((crossing) => crossing.direction !== 'request');
    expect(toPage.length).toBeGreaterThan(0);
    const leaks = toPage.filter((crossing) => SECRETS.some((secret) => JSON.stringify(crossing.value).includes(secret)));
    expect(leaks.map((crossing) => `${crossing.direction} ${crossing.name}`)).toEqual([]);
    // Each secret went to main in the requests that needed it, and nowhere else.
    const carriers = (secret: string) => [
      ...new Set(app.bridge.traffic.filter((crossing) => crossing.direction === 'request' && JSON.stringify(crossing.value).includes(secret)).map((crossing) => crossing.name)),
    ];
    const allowed: Record<string, string[]> = {
      [ROOM_PASSWORD]: ['passwords.set'],
      [WRONG_PASSWORD]: ['onsite.signInTest'],
      [PFX_PASSWORD]: ['onsite.certificates'],
      [PASSPHRASE]: ['packages.export', 'packages.open'],
      [WRONG_PASSPHRASE]: ['packages.open'],
    };
    for (const secret of SECRETS) for (const name of carriers(secret)) expect(allowed[secret]).toContain(name);
    expect(app.bridge.logs.filter((line) => SECRETS.some((secret) => line.includes(secret)))).toEqual([]);
    const html = await page().content();
    expect(SECRETS.filter((secret) => html.includes(secret))).toEqual([]);
  });

  it('no screen logged a console error, broke the CSP or threw', () => {
    app.assertClean();
  });
});
