import { describe, expect, it } from 'vitest';
import { ITEM_STATES, ROOM_STAGES, type ItemState, type StageView } from '../../../shared/ipc.ts';
import { STATE_PRECEDENCE, summarizeStages, worstState } from '../../../shared/room-progress.ts';
import { build, siteFor } from './helpers.ts';

const stageWith = (id: StageView['id'], states: ItemState[]): StageView => ({
  id,
  title: id,
  state: 'passed',
  items: states.map((state, index) => ({ id: `${id}:${index}`, title: state, state, manual: false })),
});

describe('state precedence', () => {
  it('ranks every item state exactly once, failed worst and passed best', () => {
    expect([...STATE_PRECEDENCE].sort()).toEqual([...ITEM_STATES].sort());
    expect(STATE_PRECEDENCE).toEqual(['failed', 'unknown', 'warning', 'running', 'pending', 'manual', 'passed']);
  });

  // Every pair: the one earlier in the documented order wins, in either position.
  const pairs = STATE_PRECEDENCE.flatMap((worse, i) => STATE_PRECEDENCE.slice(i + 1).map((better) => ({ worse, better })));
  it.each(pairs)('$worse beats $better', ({ worse, better }) => {
    expect(worstState([better, worse])).toBe(worse);
    expect(worstState([worse, better, better])).toBe(worse);
    expect(summarizeStages([stageWith('account', [better, worse, better])]).account).toBe(worse);
  });

  it('a stage with only passed items is passed; no items is passed too', () => {
    expect(worstState(['passed', 'passed'])).toBe('passed');
    expect(worstState([])).toBe('passed');
  });

  it('summarizeStages gives every stage a state, from the items (not a stale stage state), pending when a stage is missing', () => {
    const summary = summarizeStages([stageWith('calendar', ['passed', 'manual']), stageWith('report', ['pending', 'failed'])]);
    expect(Object.keys(summary).sort()).toEqual([...ROOM_STAGES].sort());
    expect(summary.calendar).toBe('manual');
    expect(summary.report).toBe('failed');
    expect(summary.topology).toBe('pending');
  });

  it('summarizeStages agrees with the stages buildRoomStages made', () => {
    const stages = build({ site: siteFor('onprem'), hasPassword: false });
    expect(summarizeStages(stages)).toEqual(Object.fromEntries(stages.map((stage) => [stage.id, stage.state])));
    expect(summarizeStages(stages).topology).toBe('pending');
    expect(summarizeStages(stages).license).toBe('passed');
  });
});
