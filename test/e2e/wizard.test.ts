// The wizard, walked end to end in real Chromium: the built renderer under the production CSP,
// window.roomready wired to the real main-process handlers (createAppServices) and the practice
// mode's simulated tenant. Each step is one test, in order; a step that cannot run because an
// earlier one failed says so. Every screen is photographed (test/artifacts/screens) and checked
// with axe-core; the page must never log an error, break the CSP, or receive a secret.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ITEM_STATES, type ItemState } from '../../shared/ipc.ts';
import { worstState } from '../../shared/room-progress/stages.ts';
import { en } from '../../renderer/src/strings/en.ts';
import { openApp, startBrowserHarness, summarise, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';
import { chainSteps } from '../support/browser/walk.ts';

/** What the walk types into the password field: it must never come back across the bridge. */
const ROOM_PASSWORD = 'Walk-Pa55word!Unique-7Q2';
/** What the walk types as the installer package's passphrase: the same rule. */
const PASSPHRASE = 'walk passphrase 4 the installer';
/** A JSON Web Token's shape (header.payload.signature, base64url, header starting {"). */
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/**
 * UTF-8 with a BOM. Rows 2-3 are good; row 4 has a bad UPN and row 6 a capacity that is not a
 * number (both rejected); row 5 has no display name, which the model fills from the UPN.
 */
const CSV =
  '\uFEFFDisplayName,UserPrincipalName,Capacity,UsageLocation\r\n' +
  'Walk Room Alpha,walk-alpha@contoso.com,6,US\r\n' +
  'Walk Room Beta,walk-beta@contoso.com,10,US\r\n' +
  'Broken Address,not-an-address,4,US\r\n' +
  ',walk-nameless@contoso.com,8,US\r\n' +
  'Walk Room Ten,walk-ten@contoso.com,ten,US\r\n';

/** The word the UI shows for each item state (the renderer's catalogue) -> the state. */
const STATE_WORDS: Readonly<Record<string, ItemState>> = Object.fromEntries(ITEM_STATES.map((state) => [en[`state.${state}`], state]));

/** expect.poll with room for a busy machine (the whole suite runs in parallel with the browser). */
function eventually<T>(check: () => T, options: { timeout?: number; message?: string } = {}) {
  return expect.poll(check, { timeout: 10_000, ...options });
}

/** Checks of the whole session, worth running however far the walk got. */
const ALWAYS_RUN = new Set(['the page never had Node, and never received a password or a token', 'no screen logged a console error, broke the CSP or threw']);

describe.sequential('the wizard, walked in Chromium', () => {
  let harness: BrowserHarness;
  let app: AppPage;
  let scratch: string;
  let shot = 0;

  beforeAll(async () => {
    harness = await startBrowserHarness(inject('browserRunDir'));
    app = await openApp(harness, { colorScheme: 'light' });
    scratch = await mkdtemp(path.join(os.tmpdir(), 'roomready-walk-'));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  chainSteps(ALWAYS_RUN);

  const page = () => app.page;
  const heading1 = (name: string | RegExp) => page().getByRole('heading', { level: 1, name });
  const button = (name: string | RegExp) => page().getByRole('button', { name, exact: typeof name === 'string' });

  /**
   * Clicks a control inside the rooms table. The table scrolls on its own (both ways); Playwright
   * scrolls a control only just into view, where the table's horizontal scrollbar can cover it,
   * so it is centred first, as a person would scroll it.
   */
  async function clickInTable(name: string): Promise<void> {
    const target = page().getByRole('table', { name: 'Rooms of this site' }).getByRole('button', { name, exact: true });
    await target.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center', inline: 'center' }));
    await target.click();
  }

  /** Console errors, CSP violations and page errors, by the screen where they were first seen. */
  const problemsByScreen: { screen: string; problems: string[] }[] = [];
  let problemsSeen = 0;

  /**
   * Screenshot + axe. The page's problems (console errors, CSP violations, page errors) are
   * attributed to the screen and fail the last step, which lists them all: one cross-cutting
   * problem (say, a CSP that blocks the UI library's styles) should not hide the rest of the walk.
   */
  async function screen(name: string): Promise<void> {
    shot += 1;
    await app.screenshot(String(shot).padStart(2, '0'), name);
    const found = app.problems();
    if (found.length > problemsSeen) problemsByScreen.push({ screen: name, problems: summarise(found.slice(problemsSeen)) });
    problemsSeen = found.length;
    await app.checkAccessibility(name);
  }

  /** The same screen in the dark theme, then back to light. */
  async function inDarkTheme(name: string): Promise<void> {
    const toggle = page().getByRole('switch', { name: 'Dark theme' });
    expect(lightness(await page().evaluate(backgroundColour)), 'the light theme is light').toBeGreaterThan(0.8);
    await toggle.check();
    await eventually(async () => lightness(await page().evaluate(backgroundColour)), { message: 'the dark theme is dark' }).toBeLessThan(0.25);
    await screen(`${name}-dark`);
    await toggle.uncheck();
    await eventually(async () => lightness(await page().evaluate(backgroundColour))).toBeGreaterThan(0.8);
  }

  it('First launch with no tenant configured: the app opens in practice mode on the sample site', async () => {
    await heading1(/^Site: Practice/).waitFor({ timeout: 20_000 });
    expect(await page().getByRole('note').filter({ hasText: 'Practice mode — simulated tenant, nothing real is changed' }).isVisible()).toBe(true);
    await screen('first-launch');
    await button('Close site').click();
  });

  it('Start: app.info answers, practice mode is offered first (no tenant configured)', async () => {
    await heading1('Start').waitFor();
    const info = app.bridge.traffic.find((crossing) => crossing.direction === 'answer' && crossing.name === 'app.info');
    expect(info?.value).toMatchObject({ ok: true, data: { appName: 'RoomReady', tenantConfigured: false } });
    await eventually(() => page().getByText('No tenant is configured on this machine yet: start here.').isVisible()).toBe(true);
    await eventually(() => button('Open practice site').isEnabled()).toBe(true);
    await screen('start');
    await inDarkTheme('start');
  });

  it('New site: created from the Start screen, and the Site screen shows it', async () => {
    await page().getByLabel('Site name').fill('Walk HQ');
    await page().getByLabel('Tenant domain (optional)').fill('contoso.com');
    await button('Create site').click();
    await heading1('Site: Walk HQ').waitFor();
    expect(await page().getByText('No rooms yet. Import a CSV file or add a room.').isVisible()).toBe(true);
    await screen('new-site');
  });

  it('CSV import (UTF-8 BOM): good rows added, each bad row listed with its row, column and reason', async () => {
    await importCsv();
    const rejected = page().getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor();
    const rows = await rejected.getByRole('row').allInnerTexts();
    // A header row, then the two bad rows: the bad UPN (spreadsheet row 4) and the capacity (row 6).
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^4\s+UserPrincipalName\s.*not-an-address/);
    expect(rows[2]).toMatch(/^6\s+Capacity\s.*ten/);
    await eventually(() => page().getByText('Imported walk-rooms.csv: 3 added, 0 replaced, 2 rows rejected.').first().isVisible()).toBe(true);
    const table = page().getByRole('table', { name: 'Rooms of this site' });
    expect(await table.getByRole('button', { name: 'Open Walk Room Alpha' }).isVisible()).toBe(true);
    expect(await table.getByRole('button', { name: 'Open Walk Room Beta' }).isVisible()).toBe(true);
    // No display name: the room is named after its UPN rather than rejected.
    expect(await table.getByRole('button', { name: 'Open walk-nameless' }).isVisible()).toBe(true);
    expect(await table.getByRole('row').count()).toBe(1 + 3);
    await screen('csv-import-errors');
  });

  it('the new site is saved where the (preset) save dialog says, then closed', async () => {
    const file = path.join(scratch, 'walk-hq.roomready.json');
    app.bridge.dialogs.savePath = file;
    await button('Save site').click();
    await eventually(() => existsSync(file), { timeout: 10_000 }).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ site: { name: 'Walk HQ' } });
    await button('Close site').click();
    await heading1('Start').waitFor();
  });

  it('Practice mode: the sample site opens on the simulated tenant, clearly labelled', async () => {
    await button('Open practice site').click();
    await heading1(/^Site: Practice/).waitFor({ timeout: 20_000 });
    expect(await page().getByRole('note').filter({ hasText: 'Practice mode — simulated tenant, nothing real is changed' }).isVisible()).toBe(true);
    await eventually(() => page().getByText('Practice: the simulated tenant is always signed in.').isVisible()).toBe(true);
    await importCsv();
    await page().getByRole('table', { name: 'Rooms of this site' }).getByRole('button', { name: 'Open Walk Room Alpha' }).waitFor();
    await screen('practice-site');
    await inDarkTheme('practice-site');
  });

  it('a typed room password goes to main once and comes back only as "Set"', async () => {
    await clickInTable('Set password for Walk Room Alpha');
    const dialog = page().getByRole('dialog', { name: 'Set password for Walk Room Alpha' });
    await dialog.waitFor();
    await dialog.getByLabel('Room password').fill(ROOM_PASSWORD);
    await screen('password-dialog');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await eventually(() => app.bridge.traffic.some((crossing) => crossing.direction === 'answer' && crossing.name === 'passwords.set')).toBe(true);
    const answer = app.bridge.traffic.find((crossing) => crossing.direction === 'answer' && crossing.name === 'passwords.set')?.value as { ok: boolean; data?: { handle: string; warnings: string[] } };
    expect(answer).toMatchObject({ ok: true, data: { handle: expect.any(String) } });
    await dialog.waitFor({ state: 'detached' });
    // A closed modal must give the page back to assistive technology.
    await eventually(() => page().locator('#root').getAttribute('aria-hidden'), { message: 'after the password dialog closed, #root is still aria-hidden' }).toBeNull();
    const table = page().getByRole('table', { name: 'Rooms of this site' });
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const passwordColumn = headers.findIndex((text) => text.trim() === 'Password');
    expect(passwordColumn).toBeGreaterThan(0);
    const row = table.getByRole('row').filter({ has: page().getByRole('button', { name: 'Open Walk Room Alpha', exact: true }) });
    await eventually(() => row.getByRole('cell').nth(passwordColumn).textContent()).toBe('Set');
    expect(app.bridge.traffic.filter((crossing) => crossing.direction === 'request' && crossing.name === 'passwords.set')).toHaveLength(1);
  });

  it('Preflight of the selected rooms shows the change plan', async () => {
    await page().getByRole('checkbox', { name: 'Select Walk Room Alpha' }).check();
    await page().getByRole('checkbox', { name: 'Select Walk Room Beta' }).check();
    await eventually(() => page().getByText('Applies to the 2 selected rooms.').first().isVisible()).toBe(true);
    await button('Run preflight').click();
    await page().getByRole('heading', { name: 'Change plan' }).waitFor({ timeout: 20_000 });
    const plan = page().locator('.preflight-report');
    expect(await plan.getByText(/^walk-alpha@contoso\.com: /).count()).toBe(1);
    expect(await plan.getByText(/^walk-beta@contoso\.com: /).count()).toBe(1);
    const answer = app.bridge.traffic.findLast((crossing) => crossing.direction === 'answer' && crossing.name === 'preflight.run')?.value as { ok: boolean; data?: { changePlan: { upn: string; steps: unknown[] }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.data?.changePlan.map((room) => room.upn).sort()).toEqual(['walk-alpha@contoso.com', 'walk-beta@contoso.com']);
    expect(answer.data?.changePlan.every((room) => room.steps.length > 0)).toBe(true);
    await screen('preflight');
  });

  it('Provision in practice mode: live progress reaches the end for both rooms', async () => {
    await button('Provision').click();
    const finished = (await app.bridge.waitForEvent('provision.finished', undefined, 30_000)) as { rooms: { upn: string; status: string }[]; cancelled: boolean; error?: string };
    expect(finished.cancelled).toBe(false);
    expect(finished.error).toBeUndefined();
    expect(finished.rooms.map((room) => room.upn).sort()).toEqual(['walk-alpha@contoso.com', 'walk-beta@contoso.com']);
    expect(app.bridge.traffic.some((crossing) => crossing.direction === 'event' && crossing.name === 'provision.progress')).toBe(true);
    await page().getByText('2 of 2 rooms finished').waitFor();
    const bars = page().getByRole('progressbar', { name: /^Progress of walk-/ });
    expect(await bars.count()).toBe(2);
    for (const bar of await bars.all()) expect(await bar.evaluate((element) => (element as unknown as { value: number }).value)).toBe(1);
    await screen('provision-finished');
  });

  it('Validate the selected rooms against the simulated tenant', async () => {
    await button('Validate').click();
    await page().getByRole('heading', { name: 'Validation results' }).waitFor({ timeout: 20_000 });
    await eventually(() => page().getByText(/^2 rooms checked: \d+ passed, \d+ failed, \d+ warnings, \d+ unknown\.$/).first().isVisible()).toBe(true);
    await screen('validate');
  });

  it('Room screen: the nine stages in the left rail, each a checklist', async () => {
    await clickInTable('Open Walk Room Alpha');
    await heading1('Room: Walk Room Alpha').waitFor();
    const rail = page().getByRole('tablist', { name: 'Stages' });
    await rail.waitFor();
    const tabs = await rail.getByRole('tab').allInnerTexts();
    expect(tabs.map((text) => text.replace(/^\W+/, '').trim())).toEqual(['Topology', 'Account', 'Exchange', 'Calendar', 'Licence', 'Meetings', 'Validate', 'Console', 'Report']);
    // Provisioned and validated a moment ago: the account stage is decided, and the rail agrees
    // with its checklist — the stage's state is the worst of its items' (shared/room-progress's
    // precedence). What the simulated tenant makes of each check is its business, not this test's.
    const account = rail.getByRole('tab', { name: /^Account, / });
    const label = (await account.getAttribute('aria-label')) ?? '';
    const stageState = STATE_WORDS[label.replace('Account, ', '')];
    expect(stageState, label).toBeDefined();
    expect(['pending', 'running']).not.toContain(stageState);
    await account.click();
    await page().getByRole('heading', { level: 2, name: 'Account' }).waitFor();
    const items = page().locator('.checklist > li');
    expect(await items.count()).toBeGreaterThan(1);
    const texts = await items.allInnerTexts();
    const itemStates = texts.map((text) => STATE_WORDS[/^\W*(\w+)/.exec(text.trim())?.[1] ?? '']);
    expect(itemStates.every((state) => state !== undefined), texts.join('\n---\n')).toBe(true);
    expect(itemStates, 'the provisioning steps of the account passed').toContain('passed');
    expect(stageState).toBe(worstState(itemStates as ItemState[]));
    for (const [index, state] of itemStates.entries()) if (state === 'failed') expect(texts[index]).toContain('How to fix it');
    await screen('room-account');
    await inDarkTheme('room-account');
  });

  it('Console configuration: an edit changes the XML preview; a bad value is refused by name', async () => {
    await button('Console configuration for this room').click();
    await heading1('Console configuration').waitFor();
    const preview = page().locator('pre, textarea, code').filter({ hasText: '<SkypeSettings' }).first();
    await preview.waitFor();
    const before = await preview.innerText();
    await page().getByLabel('Guest name', { exact: true }).fill('Walk Guest Name');
    await eventually(() => preview.innerText()).toContain('<CustomDisplayNameForThirdPartyMeetings>Walk Guest Name</CustomDisplayNameForThirdPartyMeetings>');
    expect(await preview.innerText()).not.toBe(before);
    await screen('console');
    await inDarkTheme('console');

    const volume = page().getByLabel('Default speaker volume', { exact: true });
    await volume.fill('150');
    await eventually(() => page().getByText('The preview appears once the errors above are fixed.').isVisible()).toBe(true);
    const field = page().locator('.setting-field').filter({ has: volume });
    await eventually(() => field.getByRole('alert').or(field.locator('[id$="__validationMessage"]')).first().innerText()).toMatch(/0.*100|range|between/i);
    await screen('console-invalid');
    await volume.fill('60');
    await eventually(() => preview.innerText()).toContain('<AudioRenderDefaultDeviceVolume>60</AudioRenderDefaultDeviceVolume>');
  });

  it('Export scripts into the (preset) folder: the files are on disk', async () => {
    await page().getByRole('navigation', { name: 'Site sections' }).getByRole('button', { name: 'Site', exact: true }).click();
    await heading1(/^Site: Practice/).waitFor();
    const folder = path.join(scratch, 'export');
    app.bridge.dialogs.folder = folder;
    await button('Export scripts').click();
    const done = page().getByText(/^Exported \d+ rooms \(\d+ files\) to /).first();
    await done.waitFor({ timeout: 20_000 });
    const [, rooms, files] = /^Exported (\d+) rooms \((\d+) files\)/.exec(await done.innerText()) ?? [];
    expect(Number(rooms)).toBe(2); // the two selected rooms
    const onDisk = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(onDisk.length).toBe(Number(files));
    const names = onDisk.map((entry) => entry.name);
    expect(names.some((name) => name.endsWith('.ps1'))).toBe(true);
    expect(names).toContain('SkypeSettings.xml');
    const everything = (await Promise.all(onDisk.map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')))).join('\n');
    expect(everything).not.toContain(ROOM_PASSWORD);
    await screen('export');
  });

  it('Installer package: sealed with a passphrase typed twice, which is cleared and never comes back', async () => {
    const file = path.join(scratch, 'walk.roomready-package');
    app.bridge.dialogs.savePath = file;
    const card = page().getByRole('region', { name: 'Installer package' });
    const field = card.getByLabel('Package passphrase');
    const repeat = card.getByLabel('Repeat the passphrase');
    await field.fill(PASSPHRASE.slice(0, 8));
    await page().getByText('The passphrase needs at least 12 characters (8 so far).').waitFor();
    expect(await button('Export installer package').isDisabled()).toBe(true);
    await field.fill(PASSPHRASE);
    expect(await button('Export installer package').isDisabled()).toBe(true);
    await repeat.fill(PASSPHRASE);
    // Passwords stay out unless the admin ticks the box.
    expect(await card.getByRole('checkbox', { name: 'Include room passwords' }).isChecked()).toBe(false);
    await button('Export installer package').click();
    await card.getByText(file, { exact: true }).waitFor({ timeout: 20_000 });
    await card.getByText('Room passwords are not included.').waitFor();
    expect(await field.inputValue()).toBe('');
    expect(await repeat.inputValue()).toBe('');
    const answer = app.bridge.traffic.findLast((crossing) => crossing.direction === 'answer' && crossing.name === 'packages.export')?.value;
    expect(answer).toMatchObject({ ok: true, data: { path: file, rooms: 2, includesPasswords: false } }); // the two selected rooms
    const bytes = await readFile(file);
    expect(bytes.length).toBe((answer as { data: { bytes: number } }).data.bytes);
    expect(bytes.includes(Buffer.from(ROOM_PASSWORD))).toBe(false);
    expect(bytes.includes(Buffer.from(PASSPHRASE))).toBe(false);
    expect(bytes.includes(Buffer.from('walk-alpha@contoso.com'))).toBe(false);
    await screen('export-package');
  });

  it('On-site mode: the values to type, large touch targets, the post-setup checklist', async () => {
    await clickInTable('Open Walk Room Alpha');
    await button('On-site mode for this room').click();
    await heading1('On-site mode').waitFor();
    await page().getByRole('heading', { name: 'First-run screens' }).waitFor();
    await page().getByRole('heading', { name: 'Post-setup checklist' }).waitFor();
    expect(await page().getByText('walk-alpha@contoso.com').first().isVisible()).toBe(true);
    const small = await page()
      .locator('main button, main [role="button"], main input, main select, main textarea')
      .evaluateAll((elements) =>
        elements
          .map((element) => {
            const box = (element as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
            return { label: (element as unknown as { outerHTML: string }).outerHTML.slice(0, 80), width: box.width, height: box.height };
          })
          .filter((box) => box.width > 0 && box.height > 0 && (box.height < 44 || box.width < 44)),
      );
    expect(small).toEqual([]);
    // The values to type come with copy buttons; the sign-in address is one of them.
    expect(await page().getByRole('button', { name: /^Copy / }).count()).toBeGreaterThan(0);
    expect(await page().locator('main').getByText('walk-alpha@contoso.com', { exact: true }).count()).toBeGreaterThan(0);
    // A manual step marked done, with a note, is kept by main and shown as done.
    const markDone = page().getByRole('button', { name: /^Mark done: / }).first();
    const title = ((await markDone.getAttribute('aria-label')) ?? '').replace(/^Mark done: /, '');
    expect(title.length).toBeGreaterThan(0);
    await page().getByLabel(`Note for ${title}`, { exact: true }).first().fill('Checked with the admin by phone');
    await markDone.click();
    await eventually(() => app.bridge.traffic.findLast((crossing) => crossing.direction === 'answer' && crossing.name === 'rooms.markManual')?.value).toMatchObject({ ok: true });
    const undo = page().getByRole('button', { name: `Mark not done: ${title}`, exact: true }).first();
    await undo.waitFor();
    expect(await page().getByText('Note: Checked with the admin by phone').count()).toBeGreaterThan(0);
    await screen('onsite');
    await inDarkTheme('onsite');
  });

  it('the page never had Node, and never received a password or a token', async () => {
    const globals = await page().evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, Buffer: typeof scope.Buffer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
    const toPage = app.bridge.traffic.filter((crossing) => crossing.direction !== 'request');
    expect(toPage.length).toBeGreaterThan(0);
    const leaks = toPage.filter((crossing) => {
      const text = JSON.stringify(crossing.value);
      return text.includes(ROOM_PASSWORD) || text.includes(PASSPHRASE) || JWT.test(text) || /"(access|refresh|id)_?token"/i.test(text);
    });
    expect(leaks.map((crossing) => `${crossing.direction} ${crossing.name}`)).toEqual([]);
    // The one place the password went is the one request that carried it.
    const carried = app.bridge.traffic.filter((crossing) => crossing.direction === 'request' && JSON.stringify(crossing.value).includes(ROOM_PASSWORD));
    // (At most once each: this check also runs when the walk stopped before those steps.)
    expect(carried.map((crossing) => crossing.name)).toEqual(carried.length === 0 ? [] : ['passwords.set']);
    const sealedWith = app.bridge.traffic.filter((crossing) => crossing.direction === 'request' && JSON.stringify(crossing.value).includes(PASSPHRASE));
    expect(sealedWith.map((crossing) => crossing.name)).toEqual(sealedWith.length === 0 ? [] : ['packages.export']);
    expect(app.bridge.logs.filter((line) => line.includes(ROOM_PASSWORD) || line.includes(PASSPHRASE) || JWT.test(line))).toEqual([]);
    const html = await page().content();
    expect(html.includes(ROOM_PASSWORD) || html.includes(PASSPHRASE)).toBe(false);
  });

  it('no screen logged a console error, broke the CSP or threw', async () => {
    await screen('last');
    const report = problemsByScreen.map((entry) => `on "${entry.screen}":\n    ${entry.problems.join('\n    ')}`).join('\n  ');
    expect(problemsByScreen.length, `The page reported problems\n  ${report}`).toBe(0);
  });

  async function importCsv(): Promise<void> {
    const file = path.join(scratch, 'walk-rooms.csv');
    await writeFile(file, CSV, 'utf8');
    await page().locator('input[type="file"][aria-label="Import rooms from CSV"]').setInputFiles(file);
    await page().getByRole('heading', { name: 'CSV import' }).waitFor();
  }
});

/** 0 (black) to 1 (white), from a computed rgb()/rgba() colour. */
function lightness(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Runs in the page: the app's background colour, to see the theme change. */
function backgroundColour(): string {
  const scope = globalThis as unknown as { document: { querySelector(selector: string): unknown }; getComputedStyle(element: unknown): { backgroundColor: string } };
  const root = scope.document.querySelector('.app-root') ?? scope.document.querySelector('body');
  return scope.getComputedStyle(root).backgroundColor;
}
