// A room's stages as checklists, as pure data: the Room screen's left rail (topology -> account ->
// Exchange -> calendar -> licence -> meetings -> validate -> console -> report). The plan, the last
// provisioning run, the steps running now, the last validation, the console checklist and the marks
// a person put on manual items go in; nine StageViews come out. Which step and which check belongs
// to which stage, and how states rank, are tables in room-progress/stages.ts.
import type { ChecklistOptions } from './checklist/types.ts';
import type { CheckResult } from './checks/types.ts';
import { ROOM_STAGES, type ChecklistItemView, type ItemState, type RoomOutcomeView, type RoomStage, type StageView } from './ipc.ts';
import type { Room, Site } from './model.ts';
import type { OnSiteCheck } from './onsite/results.ts';
import { planRoom } from './plan.ts';
import type { StepId } from './plan/types.ts';
import { consoleItems } from './room-progress/console.ts';
import { applyMark, type ManualMark } from './room-progress/manual.ts';
import { onSiteItems } from './room-progress/onsite.ts';
import { reportItems, type SignOffInput } from './room-progress/report.ts';
import { STAGE_NOT_NEEDED, STAGE_TITLES, STEP_STAGES, worstState, type StepStage } from './room-progress/stages.ts';
import { outcomesByStep, stepItem } from './room-progress/steps.ts';
import { topologyItems } from './room-progress/topology.ts';
import { findingsByStage, validateItems } from './room-progress/validation.ts';

export type { ManualMark } from './room-progress/manual.ts';
export {
  CHECK_CATEGORY_STAGES,
  MANUAL_RUNTIMES,
  STAGE_TITLES,
  STATE_PRECEDENCE,
  STEP_STAGES,
  worstState,
  type StepStage,
} from './room-progress/stages.ts';
export { STEP_STATUS_STATES, stepItemId } from './room-progress/steps.ts';
export { checkItemId } from './room-progress/validation.ts';
export { consoleItemId, isConsoleChecklistItem } from './room-progress/console.ts';
export { onSiteItemId } from './room-progress/onsite.ts';
export { CUSTOMER_SIGN_OFF_ID, INSTALLER_SIGN_OFF_ID, type SignOffInput } from './room-progress/report.ts';
export { stepPowerShell } from './room-progress/step-powershell.ts';

export interface RoomProgressInput {
  site: Site;
  room: Room;
  /** The last provisioning run's outcome for this room (or the steps so far of a run in progress). */
  provision?: RoomOutcomeView;
  /** Steps running right now (live step status). */
  runningSteps?: readonly StepId[];
  /** The last validation's results for this room. */
  validation?: { generatedAt: string; results: readonly CheckResult[] };
  /** Marks on manual items, by item id. */
  manual: Readonly<Record<string, ManualMark>>;
  hasPassword: boolean;
  /** The room's recorded sign-offs (installer, customer): each passes its report item. */
  signOffs?: readonly SignOffInput[];
  /** Options for the console checklist (proxy, sign-in route, peripherals); none by default. */
  checklistOptions?: ChecklistOptions;
  /** What the on-site tools recorded for the room (network, sign-in, certificates, console configuration). */
  onSiteChecks?: readonly OnSiteCheck[];
}

function stage(id: RoomStage, items: ChecklistItemView[]): StageView {
  return { id, title: STAGE_TITLES[id], state: worstState(items.map((item) => item.state)), items };
}

/** Always the 9 stages of ROOM_STAGES, in that order. */
export function buildRoomStages(input: RoomProgressInput): StageView[] {
  const { site, room, manual } = input;
  const plan = planRoom(room, site);
  const mark = (items: ChecklistItemView[]) => items.map((item) => applyMark(item, manual));

  const outcomes = outcomesByStep(input.provision);
  const running = new Set(input.runningSteps ?? []);
  const findings = findingsByStage(input.validation);
  const stepStages = new Map<StepStage, ChecklistItemView[]>();
  for (const step of plan.steps) {
    const stageId = STEP_STAGES[step.id];
    stepStages.set(stageId, [...(stepStages.get(stageId) ?? []), stepItem(step, outcomes.get(step.id), running.has(step.id))]);
  }
  const stepStageItems = (id: StepStage): ChecklistItemView[] => {
    const steps = stepStages.get(id) ?? [];
    const items = steps.length > 0 ? steps : [{ id: `${id}:not-needed`, title: STAGE_TITLES[id], state: 'passed' as const, detail: STAGE_NOT_NEEDED[id], manual: false }];
    return mark([...items, ...(findings.get(id) ?? [])]);
  };

  // The on-site tools' results first: they are what the installer runs at the console before the checklist's screens.
  const consoleList = mark([...onSiteItems(input.onSiteChecks), ...consoleItems(site, room, input.checklistOptions)]);
  const items: Record<RoomStage, ChecklistItemView[]> = {
    topology: topologyItems(site, room, plan.steps, input.hasPassword),
    account: stepStageItems('account'),
    exchange: stepStageItems('exchange'),
    calendar: stepStageItems('calendar'),
    license: stepStageItems('license'),
    meetings: stepStageItems('meetings'),
    validate: validateItems(input.validation),
    console: consoleList,
    report: mark(reportItems(input.validation, consoleList, input.signOffs)),
  };
  return ROOM_STAGES.map((id) => stage(id, items[id]));
}

/** Each stage's state, from its items by STATE_PRECEDENCE; a stage that is missing reads pending. */
export function summarizeStages(stages: readonly StageView[]): Record<RoomStage, ItemState> {
  const summary = Object.fromEntries(ROOM_STAGES.map((id) => [id, 'pending'])) as Record<RoomStage, ItemState>;
  for (const view of stages) summary[view.id] = worstState(view.items.map((item) => item.state));
  return summary;
}
