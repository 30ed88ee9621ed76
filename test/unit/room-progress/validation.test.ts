import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../shared/checks/types.ts';
import { CHECK_CATEGORY_STAGES, checkItemId } from '../../../shared/room-progress.ts';
import { checkById } from '../../../shared/checks/registry.ts';
import { build, itemById, siteFor, stageOf } from './helpers.ts';

const AUTO_ACCEPT: CheckResult = {
  id: 'calendar.auto-accept',
  title: 'Calendar auto-accepts meetings',
  status: 'failed',
  severity: 'fail',
  message: 'AutomateProcessing is AutoUpdate.',
  evidence: { observed: { AutomateProcessing: 'AutoUpdate' }, expected: { AutomateProcessing: 'AutoAccept' } },
  remediation: {
    text: 'Set AutomateProcessing to AutoAccept.',
    runIn: 'Exchange Online',
    powershell: "Set-CalendarProcessing -Identity 'mtr-board@contoso.com' -AutomateProcessing 'AutoAccept'",
    portal: 'Exchange admin center > Resources',
  },
};
const LICENSED: CheckResult = {
  id: 'license.teams-rooms',
  title: 'A Teams Rooms licence is assigned',
  status: 'passed',
  severity: 'fail',
  message: 'Microsoft_Teams_Rooms_Pro is assigned.',
  evidence: { observed: ['Microsoft_Teams_Rooms_Pro'], expected: 'a Teams Rooms SKU' },
};
const MFA: CheckResult = {
  id: 'security.no-mfa-or-device-ca',
  title: 'No MFA or device conditional access',
  status: 'unknown',
  severity: 'fail',
  message: 'Could not read conditional access.',
  reason: 'Policy.Read.All was not granted.',
  evidence: { observed: null, expected: 'no policy requiring MFA' },
};
const SIP: CheckResult = { ...LICENSED, id: 'identity.sip-equals-upn', title: 'SIP = UPN', status: 'warning', severity: 'warn', message: 'SIP differs.' };

const site = siteFor('teams-online');
const validation = { generatedAt: '2025-05-01T10:00:00Z', results: [AUTO_ACCEPT, LICENSED, MFA, SIP] };

describe('validation', () => {
  it('never validated: one pending item in validate, and the report says there is none', () => {
    const stages = build({ site });
    const validate = stages.find((stage) => stage.id === 'validate')!;
    expect(validate.items).toHaveLength(1);
    expect(validate.items[0]).toMatchObject({ state: 'pending' });
    expect(validate.items[0]!.detail).toMatch(/not run/);
    expect(itemById(stages, 'report:validation').state).toBe('pending');
  });

  it('each result is an item of the validate stage with its state, message, evidence and remediation as they are', () => {
    const stages = build({ site, validation });
    const validate = stages.find((stage) => stage.id === 'validate')!;
    expect(validate.items.map((item) => [item.id, item.state])).toEqual([
      ['check:calendar.auto-accept', 'failed'],
      ['check:license.teams-rooms', 'passed'],
      ['check:security.no-mfa-or-device-ca', 'unknown'],
      ['check:identity.sip-equals-upn', 'warning'],
    ]);
    expect(validate.state).toBe('failed');
    const item = itemById(stages, checkItemId(AUTO_ACCEPT));
    expect(item.title).toBe(AUTO_ACCEPT.title);
    expect(item.detail).toBe(AUTO_ACCEPT.message);
    expect(item.evidence).toEqual(AUTO_ACCEPT.evidence);
    expect(item.remediation).toEqual(AUTO_ACCEPT.remediation);
    expect(itemById(stages, checkItemId(MFA)).detail).toContain('Policy.Read.All was not granted.');
  });

  it('a result that does not pass also shows in the stage its category belongs to', () => {
    const stages = build({ site, validation });
    expect(stageOf(stages, 'finding:calendar.auto-accept')).toBe(CHECK_CATEGORY_STAGES[checkById('calendar.auto-accept').category]);
    expect(stageOf(stages, 'finding:calendar.auto-accept')).toBe('calendar');
    expect(stageOf(stages, 'finding:security.no-mfa-or-device-ca')).toBe('account');
    expect(stages.find((stage) => stage.id === 'calendar')!.state).toBe('failed');
    expect(() => itemById(stages, 'finding:license.teams-rooms')).toThrow(/found 0/);
  });

  it('the report item fails when a check failed and passes when none did', () => {
    expect(itemById(build({ site, validation }), 'report:validation').state).toBe('failed');
    const clean = { generatedAt: validation.generatedAt, results: [LICENSED, SIP] };
    expect(itemById(build({ site, validation: clean }), 'report:validation').state).toBe('passed');
  });
});
