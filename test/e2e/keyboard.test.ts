// The wizard with the keyboard alone: the skip link, focus landing on each new screen's heading,
// buttons and the room's stage rail driven by keys — in real Chromium, on the real handlers.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, startBrowserHarness, type AppPage, type BrowserHarness } from '../support/browser/app-session.ts';

type Focused = { tag: string; text: string; role: string | null };
const focused = (): Focused => {
  const element = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null; getAttribute(name: string): string | null } | null } }).document.activeElement;
  return { tag: element?.tagName ?? '', text: (element?.textContent ?? '').trim().slice(0, 80), role: element?.getAttribute('role') ?? null };
};

describe('keyboard only', () => {
  let harness: BrowserHarness;
  let app: AppPage;

  beforeAll(async () => {
    harness = await startBrowserHarness(inject('browserRunDir'));
    // A configured tenant: the app starts at Start rather than in practice mode.
    app = await openApp(harness, { env: { ROOMREADY_CLIENT_ID: '00000000-0000-0000-0000-000000000002' } });
    await app.page.getByRole('heading', { level: 1, name: /^Start/ }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  const keyUntil = async (key: string, wanted: (element: Focused) => boolean, limit = 40): Promise<Focused> => {
    for (let presses = 0; presses < limit; presses++) {
      await app.page.keyboard.press(key);
      const now = await app.page.evaluate(focused);
      if (wanted(now)) return now;
    }
    throw new Error(`${key} pressed ${limit} times without reaching the element`);
  };

  it('focus starts on the screen heading; the skip link is the first stop of the page and moves focus to the main content', async () => {
    expect(await app.page.evaluate(focused)).toMatchObject({ tag: 'H1' });
    // Backwards from the heading: the header's switches, then the skip link, the page's first stop.
    const link = await keyUntil('Shift+Tab', (element) => element.tag === 'A', 6);
    expect(link.text).toBe('Skip to main content');
    await app.page.keyboard.press('Enter');
    expect(await app.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id)).toBe('main');
  });

  it('Tab and Enter open the practice site; focus lands on the new screen heading', async () => {
    await keyUntil('Tab', (element) => element.tag === 'BUTTON' && element.text === 'Open practice site');
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { level: 1, name: /^Site: Practice/ }).waitFor({ timeout: 20_000 });
    await expect.poll(() => app.page.evaluate(focused)).toMatchObject({ tag: 'H1' });
  });

  it('a room opens from the rooms table with the keyboard, and arrow keys walk its stage rail', async () => {
    await keyUntil('Tab', (element) => element.tag === 'BUTTON' && element.text === 'Everest', 80);
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { level: 1, name: 'Room: Everest' }).waitFor();
    await expect.poll(() => app.page.evaluate(focused)).toMatchObject({ tag: 'H1', text: 'Room: Everest' });
    const first = await keyUntil('Tab', (element) => element.role === 'tab');
    expect(first.text).toMatch(/^.?\s*Topology/);
    await app.page.keyboard.press('ArrowDown');
    const second = await app.page.evaluate(focused);
    expect(second.role).toBe('tab');
    expect(second.text).toMatch(/Account/);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByRole('tab', { name: /^Account/ }).getAttribute('aria-selected')).toBe('true');
    await app.page.getByRole('heading', { level: 2, name: 'Account' }).waitFor();
    app.assertClean();
  });
});
