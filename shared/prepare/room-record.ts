// room.json: everything RoomReady decided for one room, for machines (the app reopens it, reports
// read it). The resolved room, and each step with what it sets, how to verify it and how to fix it.
import type { ConsoleEra } from '../console-era.ts';
import { stepSettings, type RoomPlan, type StepSetting } from '../plan.ts';

export const ROOM_RECORD_SCHEMA_VERSION = 1;

export interface RoomRecordStep {
  order: number;
  id: string;
  title: string;
  system: string;
  runtime: string;
  kind: string;
  /** The room's script that runs the step; absent for steps done by hand. */
  script?: string;
  sets: StepSetting[];
  purpose: string;
  verification: string;
  remediation: string;
  instructions?: string[];
  command?: string;
  source: string;
}

export interface RoomRecord {
  schemaVersion: number;
  upn: string;
  displayName: string;
  topology: string;
  mode: string;
  consoleEra: ConsoleEra;
  room: RoomPlan['room'];
  steps: RoomRecordStep[];
  warnings: { column: string; message: string }[];
}

export function roomRecord(plan: RoomPlan, consoleEra: ConsoleEra, scriptOfRuntime: ReadonlyMap<string, string>, warnings: RoomRecord['warnings']): RoomRecord {
  return {
    schemaVersion: ROOM_RECORD_SCHEMA_VERSION,
    upn: plan.room.upn,
    displayName: plan.room.displayName,
    topology: plan.topology.id,
    mode: plan.mode,
    consoleEra,
    room: plan.room,
    steps: plan.steps.map((step, index) => ({
      order: index + 1,
      id: step.id,
      title: step.title,
      system: step.system,
      runtime: step.runtime,
      kind: step.kind,
      ...(scriptOfRuntime.has(step.runtime) ? { script: scriptOfRuntime.get(step.runtime) } : {}),
      sets: stepSettings(step),
      purpose: step.purpose,
      verification: step.verification,
      remediation: step.remediation,
      ...(step.kind === 'manual' ? { instructions: step.instructions, ...(step.command ? { command: step.command } : {}) } : {}),
      source: step.source,
    })),
    warnings,
  };
}
