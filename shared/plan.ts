// (room, topology) -> the ordered steps that make it a working Teams Rooms / Skype Room Systems
// account: which system each touches, where it runs, what it sets, how to verify it and what to do
// when it fails. One table of data (plan/steps.ts + plan/sequences.ts) drives scripts, the live
// engine, checklists and reports.
import { resolveRoom, type ProvisionMode, type ResolvedRoom, type Room, type Site } from './model.ts';
import { SEQUENCES } from './plan/sequences.ts';
import { STEP_BUILDERS } from './plan/steps.ts';
import type { ParamValue, Runtime, Scalar, Step } from './plan/types.ts';
import { TOPOLOGIES, type Topology } from './topology.ts';

export * from './plan/types.ts';
export { RUNTIMES, GRAPH_SCOPES, ON_PREMISES_RUNTIMES, STEP_KIND_NEEDS, stepKindNeeds, type RuntimeInfo } from './plan/runtimes.ts';
export { CALENDAR_PROCESSING } from './plan/calendar.ts';
export { SEQUENCES } from './plan/sequences.ts';

/** Consecutive steps that run in the same place: one script (or one manual task) per phase. */
export interface Phase {
  runtime: Runtime;
  steps: Step[];
}

export interface RoomPlan {
  room: ResolvedRoom;
  topology: Topology;
  mode: ProvisionMode;
  steps: Step[];
  phases: Phase[];
}

export function planRoom(room: Room, site: Site): RoomPlan {
  const resolved = resolveRoom(room, site);
  const topology = TOPOLOGIES[site.topology];
  const context = { room: resolved, site, topology };
  const steps = SEQUENCES[site.topology][resolved.mode]
    .map((id) => STEP_BUILDERS[id](context))
    .filter((step): step is Step => step !== undefined);
  return { room: resolved, topology, mode: resolved.mode, steps, phases: phasesOf(steps) };
}

export function phasesOf(steps: readonly Step[]): Phase[] {
  const phases: Phase[] = [];
  for (const step of steps) {
    const last = phases[phases.length - 1];
    if (last && last.runtime === step.runtime) last.steps.push(step);
    else phases.push({ runtime: step.runtime, steps: [step] });
  }
  return phases;
}

export interface StepSetting {
  name: string;
  value: string;
}

/** What a step sets, in words a person can check ("AutomateProcessing = AutoAccept"). Never a secret. */
export function stepSettings(step: Step): StepSetting[] {
  switch (step.kind) {
    case 'create':
      return Object.entries(step.create.parameters).map(([name, value]) => ({ name, value: describeValue(value) }));
    case 'ensure':
      return step.properties
        .filter((rule) => rule.write)
        .map((rule) => ({ name: rule.write!.parameter, value: describeValue(rule.write!.value) }));
    case 'room-list':
      return [{ name: 'RoomList member of', value: step.list }];
    case 'group-membership':
      return [{ name: 'Member of group', value: step.group }];
    case 'license':
      return [{ name: 'License', value: step.skuPartNumber }];
    case 'verify':
      return [];
    case 'manual':
      return [];
  }
}

export function describeScalar(value: Scalar): string {
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
}

export function describeValue(value: ParamValue): string {
  if (typeof value !== 'object') return describeScalar(value);
  if (Array.isArray(value)) return value.join(', ');
  if ('secret' in value) return value.secret === 'room-password' ? '(room password, asked for at run time)' : '(password profile with the room password; no change at next sign-in)';
  if ('fromCurrent' in value) return `(the existing object's ${value.fromCurrent})`;
  if ('hashtable' in value) return Object.entries(value.hashtable).map(([key, item]) => `${key}=${describeScalar(item)}`).join('; ');
  return '';
}
