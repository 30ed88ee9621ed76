// The report stage's sign-off items: each party's item passes once the room's record holds that
// party's sign-off (and only that party's), names who signed and when; manual until then.
import { describe, expect, it } from 'vitest';
import { CUSTOMER_SIGN_OFF_ID, INSTALLER_SIGN_OFF_ID, type SignOffInput } from '../../../shared/room-progress.ts';
import { build, itemById, siteFor } from './helpers.ts';

const site = siteFor('teams-online');
const installer: SignOffInput = { party: 'installer', name: 'Jo Smith', role: 'AV installer', date: '2025-05-02', signedAt: '2025-05-02T17:00:00.000Z' };
const customer: SignOffInput = { party: 'customer', name: 'Ana Ruiz', role: 'IT manager, Contoso', date: '2025-05-03', signedAt: '2025-05-03T09:30:00.000Z' };
const reportStage = (stages: ReturnType<typeof build>) => stages.find((stage) => stage.id === 'report')!;

describe('report stage sign-offs', () => {
  it('has an installer and a customer sign-off item, both manual without sign-offs', () => {
    const stages = build({ site });
    expect(reportStage(stages).items.map((item) => item.id)).toEqual(['report:validation', 'report:console-signed-off', INSTALLER_SIGN_OFF_ID, CUSTOMER_SIGN_OFF_ID]);
    expect(itemById(stages, INSTALLER_SIGN_OFF_ID)).toMatchObject({ state: 'manual', manual: true });
    expect(itemById(stages, CUSTOMER_SIGN_OFF_ID)).toMatchObject({ state: 'manual', manual: true });
  });

  it("passes only the signing party's item, naming who signed, their role and the date", () => {
    const stages = build({ site, signOffs: [installer] });
    const item = itemById(stages, INSTALLER_SIGN_OFF_ID);
    // Decided by the record, so there is no mark to set on it any more.
    expect(item).toMatchObject({ state: 'passed', doneAt: installer.signedAt, manual: false });
    expect(item.detail).toContain('Jo Smith');
    expect(item.detail).toContain('AV installer');
    expect(item.detail).toContain('2025-05-02');
    expect(itemById(stages, CUSTOMER_SIGN_OFF_ID).state).toBe('manual');
  });

  it('both sign-offs pass both items; the stage still waits on validation and the console checklist', () => {
    const stages = build({ site, signOffs: [customer, installer] });
    expect(itemById(stages, INSTALLER_SIGN_OFF_ID).state).toBe('passed');
    expect(itemById(stages, CUSTOMER_SIGN_OFF_ID)).toMatchObject({ state: 'passed', doneAt: customer.signedAt });
    expect(reportStage(stages).state).not.toBe('passed');
  });

  it('a recorded sign-off wins over an earlier "not done" mark on the item', () => {
    const stages = build({ site, signOffs: [customer], manual: { [CUSTOMER_SIGN_OFF_ID]: { done: false, note: 'waiting for Ana', doneAt: '2025-05-01T10:00:00Z' } } });
    expect(itemById(stages, CUSTOMER_SIGN_OFF_ID).state).toBe('passed');
  });
});
