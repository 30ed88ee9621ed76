// What the browser walks share: steps that build on each other, and the practice site a first
// launch opens.
import { beforeEach, onTestFailed } from 'vitest';
import type { SiteView } from '../../../shared/ipc.ts';
import type { AppPage } from './app-session.ts';

/**
 * Each step of a walk starts where the one before ended: after a step fails, the later ones fail at
 * once naming it (instead of failing confusingly), except the checks in `alwaysRun`.
 */
export function chainSteps(alwaysRun: ReadonlySet<string>): void {
  let broken: string | undefined;
  beforeEach((context) => {
    if (broken && !alwaysRun.has(context.task.name)) throw new Error(`Not walked: the earlier step "${broken}" failed, and this one starts where it should have ended.`);
    onTestFailed(() => {
      broken ??= context.task.name;
    });
  });
}

/** Waits for the practice site a first launch opens; its view as the page received it. */
export async function practiceSiteOpened(app: AppPage): Promise<SiteView> {
  await app.page.getByRole('heading', { level: 1, name: /^Site: Practice/ }).waitFor({ timeout: 20_000 });
  const opened = app.bridge.traffic.find((crossing) => crossing.direction === 'answer' && crossing.name === 'sites.openPractice');
  if (!opened) throw new Error('The first launch did not open the practice site.');
  return (opened.value as { data: SiteView }).data;
}
