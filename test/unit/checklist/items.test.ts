import { describe, expect, it } from 'vitest';
import { buildConsoleChecklist, CHECKLIST_ITEMS, CHECKLIST_SECTIONS, type ChecklistOptions } from '../../../shared/checklist.ts';
import { MEETING_MODES, type Room } from '../../../shared/model.ts';
import { COMBINATIONS, roomIn, siteFor } from './helpers.ts';

describe('the checklist item table', () => {
  it('gives every item a unique id', () => {
    const ids = CHECKLIST_ITEMS.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps each section together and the sections in checklist order', () => {
    const order = CHECKLIST_SECTIONS.map((section) => section.id);
    const runs = CHECKLIST_ITEMS.map((item) => item.section).filter((section, index, all) => index === 0 || all[index - 1] !== section);
    expect(runs).toEqual(order.filter((id) => runs.includes(id)));
  });

  it('has no dead rows: every item appears for some room, site and options', () => {
    const optionVariants: ChecklistOptions[] = [
      {},
      { proxy: { server: 'proxy:8080' }, proxyUsesInternalCa: true, adDomain: 'corp.contoso.com', computerName: 'MTR-01' },
      { signIn: 'manual', gcc: true },
      { signIn: 'one-time-password' },
    ];
    const roomVariants: Partial<Room>[] = [
      {},
      { sipAddress: 'sip:mtr-board@sip.contoso.net' },
      { license: 'Microsoft_Teams_Rooms_Basic' },
      ...MEETING_MODES.map((meetingMode) => ({ meetingMode })),
    ];
    const seen = new Set<string>();
    for (const { topology, era } of COMBINATIONS) {
      const site = siteFor(topology, era);
      for (const room of roomVariants) {
        for (const options of optionVariants) {
          for (const section of buildConsoleChecklist(roomIn(site, room), site, options).sections) {
            for (const item of section.items) seen.add(item.id);
          }
        }
      }
    }
    expect(CHECKLIST_ITEMS.map((item) => item.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('cites a documentation page for everything but the sign-off of a disclosed password', () => {
    const unsourced = CHECKLIST_ITEMS.filter((item) => item.source === undefined).map((item) => item.id);
    expect(unsourced).toEqual(['windows.update-schedule', 'sign-off.password-disclosure']);
  });
});
