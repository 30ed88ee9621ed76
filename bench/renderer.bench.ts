// bench/renderer: what the renderer costs.
//  (a) the gzip size (level 9) of every JavaScript file the build ships in out/renderer/assets;
//  (b) time to first render of the Site screen with 1,000 rooms in Chromium, against the same
//      screen with 10 rooms measured in the same process, as a ratio.
// The page is the built renderer served through the app:// handler with the production CSP and
// wired to the real app services (test/support/browser). The rooms are the practice site's six
// plus rooms imported through the real rooms.importCsv handler from a generated CSV. One render is
// timed in the page: from the click on "Back to the site" (Room screen -> Site screen, which mounts
// the Site screen afresh) to the frame after the rooms table holds every row.
//
//   npm run bench:renderer               builds first (electron-vite build)
//   ROOMREADY_E2E_SKIP_BUILD=1 npm run bench:renderer   measures what out/renderer already holds
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openApp, startBrowserHarness, type AppPage, type BrowserHarness } from '../test/support/browser/app-session.ts';
import { buildApp, BUILT_RENDERER } from '../test/support/browser/renderer-build.ts';
import { median, table } from './support/stats.ts';

const PRACTICE_ROOMS = 6;
const SIZES = [10, 1000] as const;
const RUNS = Number(process.env.ROOMREADY_BENCH_RUNS ?? 7);

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function bundleSizes(): Promise<void> {
  const assets = path.join(BUILT_RENDERER, 'assets');
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js')).sort();
  if (files.length === 0) throw new Error(`No JavaScript in ${assets}: the build did not produce the renderer.`);
  let raw = 0;
  let gzipped = 0;
  const rows: string[][] = [];
  for (const name of files) {
    const bytes = await readFile(path.join(assets, name));
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += gz;
    rows.push([name, kib(bytes.length), kib(gz)]);
  }
  rows.push(['total', kib(raw), kib(gzipped)]);
  console.log('\n(a) Renderer JavaScript (out/renderer/assets, gzip level 9)\n');
  console.log(table(['file', 'raw', 'gzip'], rows));
}

function roomsCsv(count: number): string {
  const lines = ['DisplayName,UserPrincipalName,Capacity,UsageLocation,Building,Floor'];
  for (let index = 1; index <= count; index += 1) {
    const number = String(index).padStart(4, '0');
    lines.push(`Bench Room ${number},bench-${number}@contoso.com,${4 + (index % 12)},US,Building ${1 + (index % 5)},${index % 9}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Runs in the page: clicks "Back to the site" and resolves with the ms until the table's rows are
 * painted (header row + one per room, then one more frame). A string, because tsx's name-keeping
 * helpers would not exist in the page.
 */
const TIME_SITE_SCREEN = `(expectedRows) => new Promise((resolve, reject) => {
  const back = [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Back to the site');
  if (!back) return reject(new Error('No "Back to the site" button: the Room screen is not showing.'));
  const start = performance.now();
  back.click();
  const check = () => {
    const rows = document.querySelectorAll('[role="table"][aria-label="Rooms of this site"] [role="row"]').length;
    if (rows >= expectedRows + 1) requestAnimationFrame(() => resolve(performance.now() - start));
    else if (performance.now() - start > 30000) reject(new Error('The Site screen showed ' + (rows - 1) + ' of ' + expectedRows + ' rooms after 30 s.'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

async function siteWithRooms(harness: BrowserHarness, rooms: number): Promise<AppPage> {
  const app = await openApp(harness, { viewport: { width: 1280, height: 860 } });
  const page = app.page;
  // No tenant configured and no recent site: the app opens the practice site by itself.
  await page.getByRole('heading', { level: 1, name: /^Site: / }).waitFor({ timeout: 30_000 });
  await page.locator('input[type="file"][aria-label="Import rooms from CSV"]').setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: Buffer.from(roomsCsv(rooms - PRACTICE_ROOMS)) });
  await page.getByText(`${rooms} rooms · `).first().waitFor({ timeout: 60_000 });
  return app;
}

async function firstRender(harness: BrowserHarness, rooms: number): Promise<number[]> {
  const app = await siteWithRooms(harness, rooms);
  const page = app.page;
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run += 1) {
      const open = page.getByRole('table', { name: 'Rooms of this site' }).getByRole('button', { name: 'Open Everest', exact: true });
      await open.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
      await open.click();
      await page.getByRole('heading', { level: 1, name: 'Room: Everest' }).waitFor();
      const ms = (await page.evaluate(`(${TIME_SITE_SCREEN})(${rooms})`)) as number;
      if (run > 0) times.push(ms); // the first run warms the code paths up
    }
    app.assertClean();
  } finally {
    await app.close();
  }
  return times;
}

async function main(): Promise<void> {
  if (process.env.ROOMREADY_E2E_SKIP_BUILD !== '1') {
    console.log('Building the app (electron-vite build)...');
    await buildApp();
  }
  await bundleSizes();

  process.env.ROOMREADY_E2E_SKIP_BUILD = '1'; // serve what was just built
  const harness = await startBrowserHarness();
  try {
    const medians = new Map<number, number>();
    const rows: string[][] = [];
    for (const rooms of SIZES) {
      const times = await firstRender(harness, rooms);
      medians.set(rooms, median(times));
      rows.push([`${rooms} rooms`, `${median(times).toFixed(1)} ms`, `${Math.min(...times).toFixed(1)} ms`, `${Math.max(...times).toFixed(1)} ms`, String(times.length)]);
    }
    console.log(`\n(b) Time to first render of the Site screen (Chromium, median of ${RUNS} runs after one warm-up)\n`);
    console.log(table(['site', 'median', 'min', 'max', 'runs'], rows));
    const ratio = medians.get(1000)! / medians.get(10)!;
    console.log(`\n1,000 rooms / 10 rooms: ${ratio.toFixed(1)}x (100x the rooms)`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
