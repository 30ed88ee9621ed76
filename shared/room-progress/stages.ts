// The facts behind a room's stages, as data: which stage each plan step and each check category
// belongs to, the stages' titles, which runtimes RoomReady cannot run from the app, and the order in
// which item states outrank each other. Everything else in room-progress derives from these tables.
import type { CheckCategory } from '../checks/types.ts';
import { ITEM_STATES, type ItemState, type RoomStage } from '../ipc.ts';
import { RUNTIMES } from '../plan/runtimes.ts';
import type { Runtime, StepId } from '../plan/types.ts';

/** The stages that hold plan steps. */
export type StepStage = 'account' | 'exchange' | 'calendar' | 'license' | 'meetings';

export const STAGE_TITLES: Readonly<Record<RoomStage, string>> = {
  topology: 'Topology',
  account: 'Account',
  exchange: 'Exchange mailbox',
  calendar: 'Calendar processing',
  license: 'Licence',
  meetings: 'Meetings',
  validate: 'Validation',
  console: 'Console',
  report: 'Report',
};

/** Where each plan step shows up. A Record over every StepId, so a new step cannot be forgotten. */
export const STEP_STAGES: Readonly<Record<StepId, StepStage>> = {
  'ad.user': 'account',
  'ad.password-never-expires': 'account',
  'ad.account-enabled': 'account',
  'exchange.room-account': 'account',
  'directory.sync': 'account',
  'entra.sign-in': 'account',
  'entra.password-never-expires': 'account',
  'entra.group-membership': 'account',
  'exchange.room-mailbox': 'exchange',
  'exchange.enable-room-mailbox': 'exchange',
  'exchange.convert-to-room': 'exchange',
  'exchange.regional-configuration': 'exchange',
  'exchange.room-capacity': 'exchange',
  'exchange.room-location': 'exchange',
  'places.metadata': 'exchange',
  'exchange.room-list': 'exchange',
  'exchange.calendar-processing': 'calendar',
  'entra.usage-location': 'license',
  'entra.license': 'license',
  'sfb.meeting-room': 'meetings',
  'teams.online-user': 'meetings',
};

/**
 * Where a validation finding belongs besides the validate stage: a check that does not pass also
 * shows in the stage whose step sets what it checks, so that stage's chip tells the truth.
 */
export const CHECK_CATEGORY_STAGES: Readonly<Record<CheckCategory, StepStage>> = {
  mailbox: 'exchange',
  places: 'exchange',
  calendar: 'calendar',
  account: 'account',
  identity: 'account',
  security: 'account',
  license: 'license',
};

/** What a step stage says when this topology and mode give it no step at all. */
export const STAGE_NOT_NEEDED: Readonly<Record<StepStage, string>> = {
  account: 'No separate account step: the mailbox step creates the account.',
  exchange: 'No Exchange step for this topology and mode.',
  calendar: 'No calendar step for this topology and mode.',
  license: 'No cloud licence in this topology: nothing to assign in Microsoft Entra ID.',
  meetings: 'No separate meetings step: the account signs in to Teams with its licence.',
};

/**
 * Runtimes the app cannot run itself: on-premises shells (they need a domain-joined machine with the
 * module) and work done by hand. Without an outcome their steps are manual, with the PowerShell to run.
 */
export const MANUAL_RUNTIMES: ReadonlySet<Runtime> = new Set<Runtime>(Object.values(RUNTIMES).filter((runtime) => runtime.onPremises || runtime.manual).map((runtime) => runtime.id));

/** Item states from worst to best: a stage takes the first state any of its items has. */
export const STATE_PRECEDENCE: readonly ItemState[] = ['failed', 'unknown', 'warning', 'running', 'pending', 'manual', 'passed'];

if (new Set(STATE_PRECEDENCE).size !== ITEM_STATES.length || ITEM_STATES.some((state) => !STATE_PRECEDENCE.includes(state))) {
  throw new Error('STATE_PRECEDENCE must rank every ITEM_STATES entry exactly once');
}

/** The worst of some states; passed when there are none. */
export function worstState(states: Iterable<ItemState>): ItemState {
  let worst = STATE_PRECEDENCE.length - 1;
  for (const state of states) {
    const rank = STATE_PRECEDENCE.indexOf(state);
    if (rank < 0) throw new Error(`"${String(state)}" is not an item state (one of ${ITEM_STATES.join(', ')})`);
    worst = Math.min(worst, rank);
  }
  return STATE_PRECEDENCE[worst]!;
}
