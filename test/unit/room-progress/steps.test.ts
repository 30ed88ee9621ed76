import { describe, expect, it } from 'vitest';
import type { ItemState, RoomOutcomeView, StepOutcomeView } from '../../../shared/ipc.ts';
import { planRoom, type StepId } from '../../../shared/plan.ts';
import { MANUAL_RUNTIMES, stepItemId } from '../../../shared/room-progress.ts';
import { build, itemById, roomFor, siteFor, UPN } from './helpers.ts';

const STEP: StepId = 'exchange.calendar-processing';
const ID = stepItemId(STEP);

function outcome(status: StepOutcomeView['status'], extra: Partial<StepOutcomeView> = {}): RoomOutcomeView {
  return { upn: UPN, status: 'passed', steps: [{ room: UPN, step: STEP, status, changes: [], message: `message for ${status}`, ...extra }] };
}

describe('plan steps: outcome statuses', () => {
  const site = siteFor('teams-online');
  const table: { status: StepOutcomeView['status']; state: ItemState; detail: RegExp; remediation: boolean; manual: boolean }[] = [
    { status: 'passed', state: 'passed', detail: /message for passed/, remediation: false, manual: false },
    { status: 'changed', state: 'passed', detail: /message for changed/, remediation: false, manual: false },
    { status: 'would-change', state: 'pending', detail: /Would change/, remediation: false, manual: false },
    { status: 'failed', state: 'failed', detail: /message for failed/, remediation: true, manual: false },
    { status: 'skipped', state: 'failed', detail: /message for skipped/, remediation: true, manual: false },
    { status: 'pending', state: 'pending', detail: /waiting for replication.*message for pending/i, remediation: true, manual: false },
    { status: 'manual', state: 'manual', detail: /message for manual/, remediation: true, manual: true },
  ];

  it.each(table)('$status -> $state', ({ status, state, detail, remediation, manual }) => {
    const item = itemById(build({ site, provision: outcome(status, { remediation: 'do the fix' }) }), ID);
    expect(item.state).toBe(state);
    expect(item.detail).toMatch(detail);
    expect(item.manual).toBe(manual);
    if (remediation) expect(item.remediation?.text).toBe('do the fix');
    else expect(item.remediation).toBeUndefined();
  });

  it('a failed step without its own remediation falls back to the plan step\'s', () => {
    const step = planRoom(roomFor(), site).steps.find((candidate) => candidate.id === STEP)!;
    expect(itemById(build({ site, provision: outcome('failed') }), ID).remediation?.text).toBe(step.remediation);
  });

  it('a would-change outcome names the change in the detail and as evidence', () => {
    const provision = outcome('would-change', { changes: [{ property: 'AutomateProcessing', before: 'AutoUpdate', after: 'AutoAccept' }] });
    const item = itemById(build({ site, provision }), ID);
    expect(item.detail).toContain('AutomateProcessing -> AutoAccept');
    expect(item.evidence).toEqual({ observed: { AutomateProcessing: 'AutoUpdate' }, expected: { AutomateProcessing: 'AutoAccept' } });
  });

  it('a manual outcome carries the step\'s PowerShell', () => {
    const item = itemById(build({ site, provision: outcome('manual') }), ID);
    expect(item.remediation?.powershell).toContain("Set-CalendarProcessing -Identity 'mtr-board@contoso.com' -AutomateProcessing 'AutoAccept'");
  });

  it('says what the step sets', () => {
    expect(itemById(build({ site }), ID).detail).toContain('AutomateProcessing = AutoAccept');
  });
});

describe('plan steps: never run, running', () => {
  it('a step that never ran is pending, or manual with PowerShell when it runs on premises', () => {
    for (const topology of ['teams-online', 'onprem', 'hybrid-exchange-onprem-sfbonline'] as const) {
      const site = siteFor(topology);
      const stages = build({ site });
      for (const step of planRoom(roomFor(), site).steps) {
        const item = itemById(stages, stepItemId(step.id));
        if (MANUAL_RUNTIMES.has(step.runtime)) {
          expect(item.state, step.id).toBe('manual');
          expect(item.manual).toBe(true);
          expect(item.remediation?.text, step.id).toBeTruthy();
          if (step.kind !== 'manual') expect(item.remediation?.powershell, step.id).toBeTruthy();
        } else {
          expect(item.state, step.id).toBe('pending');
          expect(item.detail, step.id).toMatch(/Not run yet/);
        }
      }
    }
  });

  it('an AD step\'s PowerShell defines the $Upn its filter reads and asks for the password instead of holding it', () => {
    const stages = build({ site: siteFor('hybrid-exo-sfbserver') });
    const script = itemById(stages, stepItemId('ad.user')).remediation!.powershell!;
    expect(script).toContain("$Upn = 'mtr-board@contoso.com'");
    expect(script).toContain('$RoomPasswordSecret = Read-Host -AsSecureString');
    expect(script).toMatch(/New-ADUser .*-AccountPassword \$RoomPasswordSecret/);
  });

  it('directory sync, a manual step, gives its instructions and command', () => {
    const item = itemById(build({ site: siteFor('hybrid-exo-sfbserver') }), stepItemId('directory.sync'));
    expect(item.state).toBe('manual');
    expect(item.remediation?.powershell).toBe('Start-ADSyncSyncCycle -PolicyType Delta');
  });

  it('steps in runningSteps show running, whatever the last outcome said', () => {
    const site = siteFor('teams-online');
    const stages = build({ site, provision: outcome('failed'), runningSteps: [STEP, 'entra.license'] });
    expect(itemById(stages, ID).state).toBe('running');
    expect(itemById(stages, stepItemId('entra.license')).state).toBe('running');
    expect(itemById(stages, stepItemId('entra.usage-location')).state).toBe('pending');
    expect(stages.find((stage) => stage.id === 'calendar')!.state).toBe('running');
  });
});

describe('manual marks', () => {
  const site = siteFor('onprem');
  const id = stepItemId('sfb.meeting-room');

  it('done turns a manual item passed and keeps the note and when', () => {
    const item = itemById(build({ site, manual: { [id]: { done: true, note: 'ran it on FE01', doneAt: '2025-05-01T10:00:00Z' } } }), id);
    expect(item).toMatchObject({ state: 'passed', manual: true, note: 'ran it on FE01', doneAt: '2025-05-01T10:00:00Z' });
  });

  it('not done keeps it manual with the note, without doneAt', () => {
    const item = itemById(build({ site, manual: { [id]: { done: false, note: 'pool down', doneAt: '2025-05-01T10:00:00Z' } } }), id);
    expect(item.state).toBe('manual');
    expect(item.note).toBe('pool down');
    expect(item.doneAt).toBeUndefined();
  });

  it('a mark on an item that is not manual changes nothing (a failed step stays failed)', () => {
    const teams = siteFor('teams-online');
    const mark = { [ID]: { done: true, doneAt: '2025-05-01T10:00:00Z' } };
    expect(itemById(build({ site: teams, provision: outcome('failed'), manual: mark }), ID).state).toBe('failed');
    expect(itemById(build({ site: teams, manual: mark }), ID).state).toBe('pending');
  });

  it('a manual outcome marked done passes', () => {
    const teams = siteFor('teams-online');
    const item = itemById(build({ site: teams, provision: outcome('manual'), manual: { [ID]: { done: true, doneAt: 'today' } } }), ID);
    expect(item.state).toBe('passed');
  });

  it('marking every manual step done turns the stage passed', () => {
    const stages = build({ site });
    const marks = Object.fromEntries(stages.find((stage) => stage.id === 'meetings')!.items.map((item) => [item.id, { done: true, doneAt: 'now' }]));
    expect(stages.find((stage) => stage.id === 'meetings')!.state).toBe('manual');
    expect(build({ site, manual: marks }).find((stage) => stage.id === 'meetings')!.state).toBe('passed');
  });
});
