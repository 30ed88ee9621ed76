import { describe, expect, it } from 'vitest';
import { buildConsoleChecklist, PASSWORD_DESCRIPTION } from '../../../shared/checklist.ts';
import { resolveRoom } from '../../../shared/model.ts';
import { ONSITE_TOOLS } from '../../../shared/onsite/results.ts';
import { consoleItemId, onSiteItemId } from '../../../shared/room-progress.ts';
import { build, itemById, roomFor, siteFor } from './helpers.ts';

const site = siteFor('hybrid-exo-sfbserver');
const checklistItems = buildConsoleChecklist(resolveRoom(roomFor(), site), site).sections.flatMap((section) => section.items);
const consoleStage = (stages: ReturnType<typeof build>) => stages.find((stage) => stage.id === 'console')!;
const onSiteIds = ONSITE_TOOLS.map(onSiteItemId);

describe('console stage', () => {
  it('holds the on-site tools, then every checklist item, in order, each manual', () => {
    const stage = consoleStage(build({ site }));
    expect(stage.items.map((item) => item.id)).toEqual([...onSiteIds, ...checklistItems.map(consoleItemId)]);
    expect(stage.items.every((item) => item.manual && item.state === 'manual')).toBe(true);
    expect(stage.state).toBe('manual');
  });

  it('offers an item\'s one verbatim value to type, and never a described one', () => {
    const stages = build({ site });
    for (const entry of checklistItems) {
      const item = itemById(stages, consoleItemId(entry));
      const verbatim = entry.values.filter((value) => (value.presentation ?? 'verbatim') === 'verbatim');
      expect(item.value, entry.id).toBe(verbatim.length === 1 ? verbatim[0]!.value : undefined);
    }
    const signIn = checklistItems.find((entry) => entry.values.some((value) => value.value === PASSWORD_DESCRIPTION))!;
    const item = itemById(stages, consoleItemId(signIn));
    expect(item.detail).toContain(PASSWORD_DESCRIPTION);
    expect(item.value).not.toBe(PASSWORD_DESCRIPTION);
  });

  it('gives an item\'s command as PowerShell to run on the console', () => {
    const entry = checklistItems.find((candidate) => candidate.command !== undefined)!;
    expect(itemById(build({ site }), consoleItemId(entry)).remediation?.powershell).toBe(entry.command);
  });

  it('checklist options reach the checklist (a proxy adds its items)', () => {
    expect(JSON.stringify(consoleStage(build({ site })))).not.toContain('proxy.contoso.com:8080');
    const withProxy = consoleStage(build({ site, checklistOptions: { proxy: { server: 'proxy.contoso.com:8080' } } }));
    expect(JSON.stringify(withProxy)).toContain('proxy.contoso.com:8080');
  });

  it('done marks pass items; the report\'s console sign-off passes only when every console item is done', () => {
    const first = consoleItemId(checklistItems[0]!);
    const one = build({ site, manual: { [first]: { done: true, note: 'USB ready', doneAt: '2025-05-02T09:00:00Z' } } });
    expect(itemById(one, first)).toMatchObject({ state: 'passed', note: 'USB ready', doneAt: '2025-05-02T09:00:00Z' });
    expect(itemById(one, 'report:console-signed-off').state).toBe('manual');
    expect(itemById(one, 'report:console-signed-off').detail).toContain(`1 of ${onSiteIds.length + checklistItems.length}`);

    const all = Object.fromEntries([...onSiteIds, ...checklistItems.map(consoleItemId)].map((id) => [id, { done: true, doneAt: '2025-05-02T09:00:00Z' }]));
    const done = build({ site, manual: all });
    expect(consoleStage(done).state).toBe('passed');
    expect(itemById(done, 'report:console-signed-off').state).toBe('passed');
  });

  it('the installer sign-off is manual until marked done', () => {
    expect(itemById(build({ site }), 'report:installer-sign-off')).toMatchObject({ state: 'manual', manual: true });
    const signed = build({ site, manual: { 'report:installer-sign-off': { done: true, note: 'J. Smith', doneAt: '2025-05-02T17:00:00Z' } } });
    expect(itemById(signed, 'report:installer-sign-off')).toMatchObject({ state: 'passed', note: 'J. Smith' });
  });
});
