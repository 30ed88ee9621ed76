import { describe, expect, it } from 'vitest';
import type { ChecklistOptions } from '../../../shared/checklist.ts';
import type { CheckResult } from '../../../shared/checks/types.ts';
import type { RoomOutcomeView } from '../../../shared/ipc.ts';
import { PROVISION_MODES, type Room, type Site } from '../../../shared/model.ts';
import { planRoom, stepNeedsPassword } from '../../../shared/plan.ts';
import { stepItemId } from '../../../shared/room-progress.ts';
import { TOPOLOGY_IDS } from '../../../shared/topology.ts';
import { build, itemById, roomFor, siteFor, UPN } from './helpers.ts';

/** A password no real text contains, different on every run. */
const PASSWORD = `Pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}!Zq`;

const COMBINATIONS = TOPOLOGY_IDS.flatMap((topology) => PROVISION_MODES.map((mode) => ({ topology, mode })));

describe('no item carries the room password', () => {
  it.each(COMBINATIONS)('$topology / $mode: not from the site, the room, checklist options or a run\'s changes', ({ topology, mode }) => {
    // Objects that carry the password where a wholesale copy would leak it (site files and callers
    // may hold fields the schemas do not know).
    const base = siteFor(topology, mode);
    const site = { ...base, defaults: { ...base.defaults, password: PASSWORD, roomPassword: PASSWORD } } as unknown as Site;
    const room = { ...roomFor(), password: PASSWORD } as unknown as Room;
    const checklistOptions = { password: PASSWORD, adminPassword: PASSWORD, computerName: 'MTR-BOARD' } as unknown as ChecklistOptions;
    // A run that (wrongly) reported the password it set as a change, for every step that sets one.
    const secretSteps = planRoom(room, site).steps.filter(stepNeedsPassword);
    expect(secretSteps.length).toBeGreaterThan(0);
    const provision: RoomOutcomeView = {
      upn: UPN,
      status: 'manual',
      steps: secretSteps.map((step) => ({
        room: UPN,
        step: step.id,
        status: 'would-change',
        changes: secretParameterNames(step).map((property) => ({ property, before: null, after: PASSWORD })),
        message: 'Would set the password.',
      })),
    };
    const validation = { generatedAt: '2025-05-01T10:00:00Z', results: [] as CheckResult[] };

    const stages = build({ site, room, checklistOptions, provision, validation, hasPassword: true });
    const text = JSON.stringify(stages);
    expect(text).not.toContain(PASSWORD);
    // The changes are there, just hidden: the test would see a leak.
    for (const step of secretSteps) {
      const item = itemById(stages, stepItemId(step.id));
      expect(JSON.stringify(item.evidence), step.id).toContain('(hidden)');
    }
    // The never-run items (manual PowerShell) hold no password either.
    expect(JSON.stringify(build({ site, room, checklistOptions, hasPassword: true }))).not.toContain(PASSWORD);
  });
});

function secretParameterNames(step: ReturnType<typeof planRoom>['steps'][number]): string[] {
  const names: string[] = [];
  const scan = (entries: Readonly<Record<string, unknown>>) => {
    for (const [name, value] of Object.entries(entries)) if (typeof value === 'object' && value !== null && 'secret' in value) names.push(name);
  };
  if (step.kind === 'create') scan(step.create.parameters);
  if (step.kind === 'ensure') {
    scan(step.write.parameters);
    for (const rule of step.properties) if (rule.write) scan({ [rule.write.parameter]: rule.write.value, ...rule.write.with });
  }
  return names;
}
