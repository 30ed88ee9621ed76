import { describe, expect, it } from 'vitest';
import { ROOM_STAGES, StageViewSchema } from '../../../shared/ipc.ts';
import { PROVISION_MODES } from '../../../shared/model.ts';
import { planRoom, STEP_IDS } from '../../../shared/plan.ts';
import { STEP_STAGES, stepItemId, worstState } from '../../../shared/room-progress.ts';
import { TOPOLOGY_IDS } from '../../../shared/topology.ts';
import { allItems, build, roomFor, siteFor } from './helpers.ts';

const COMBINATIONS = TOPOLOGY_IDS.flatMap((topology) => PROVISION_MODES.map((mode) => ({ topology, mode })));

describe('buildRoomStages: every topology and mode', () => {
  it.each(COMBINATIONS)('$topology / $mode: nine stages in order, every plan step exactly once, where STEP_STAGES puts it', ({ topology, mode }) => {
    const site = siteFor(topology, mode);
    const stages = build({ site });
    expect(stages.map((stage) => stage.id)).toEqual([...ROOM_STAGES]);

    const plan = planRoom(roomFor(), site);
    expect(plan.steps.length).toBeGreaterThan(0);
    const stepItems = allItems(stages).filter((item) => item.id.startsWith('step:'));
    expect(stepItems.map((item) => item.id).sort()).toEqual(plan.steps.map((step) => stepItemId(step.id)).sort());
    for (const step of plan.steps) {
      const holders = stages.filter((stage) => stage.items.some((item) => item.id === stepItemId(step.id)));
      expect(holders.map((stage) => stage.id)).toEqual([STEP_STAGES[step.id]]);
      expect(holders[0]!.items.find((item) => item.id === stepItemId(step.id))!.title).toBe(step.title);
    }
  });

  it.each(COMBINATIONS)('$topology / $mode: ids are unique and the same on every call; the result passes StageViewSchema', ({ topology, mode }) => {
    const site = siteFor(topology, mode);
    const first = build({ site });
    const ids = allItems(first).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(build({ site })).toEqual(first);
    for (const stage of first) expect(() => StageViewSchema.parse(stage)).not.toThrow();
  });

  it.each(COMBINATIONS)('$topology / $mode: each stage state is the worst of its items', ({ topology, mode }) => {
    for (const stage of build({ site: siteFor(topology, mode), hasPassword: false })) {
      expect(stage.state).toBe(worstState(stage.items.map((item) => item.state)));
      expect(stage.items.length).toBeGreaterThan(0);
    }
  });

  it.each(COMBINATIONS)('$topology / $mode: marks keep pointing at the same items whatever the run did (ids do not depend on state)', ({ topology, mode }) => {
    const site = siteFor(topology, mode);
    const steps = planRoom(roomFor(), site).steps;
    const idsOf = (stages: ReturnType<typeof build>) => allItems(stages).map((item) => item.id).filter((id) => !id.startsWith('validate:'));
    const fresh = idsOf(build({ site, hasPassword: false }));
    const failedRun = build({
      site,
      provision: { upn: 'x', status: 'failed', steps: steps.map((step) => ({ room: 'x', step: step.id, status: 'failed' as const, changes: [], message: 'no' })) },
      runningSteps: [steps[0]!.id],
      manual: Object.fromEntries(fresh.map((id) => [id, { done: true, doneAt: 'now' }])),
    });
    expect(idsOf(failedRun)).toEqual(fresh);
  });

  it('maps every step id to a step stage', () => {
    for (const id of STEP_IDS) expect(['account', 'exchange', 'calendar', 'license', 'meetings']).toContain(STEP_STAGES[id]);
  });

  it('a stage the plan leaves empty says so and passes (teams-online has no meetings step, onprem no licence)', () => {
    const teams = build({ site: siteFor('teams-online') });
    expect(teams.find((stage) => stage.id === 'meetings')!.items.map((item) => [item.id, item.state])).toEqual([['meetings:not-needed', 'passed']]);
    const onprem = build({ site: siteFor('onprem') });
    expect(onprem.find((stage) => stage.id === 'license')!.items.map((item) => [item.id, item.state])).toEqual([['license:not-needed', 'passed']]);
  });
});
