// The live state of one provisioning run, folded from provision.progress / provision.finished events.
import type { EventPayload, RoomOutcomeView } from '../../../../shared/ipc.ts';

export interface StepLive {
  step: string;
  title: string;
  status: 'running' | RoomOutcomeView['steps'][number]['status'];
  message?: string;
}

export interface RoomLive {
  upn: string;
  /** Steps the plan has for the room (the bar's maximum). */
  planned: number;
  steps: StepLive[];
  started: boolean;
  outcome?: RoomOutcomeView;
}

export interface RunLive {
  runId: string;
  rooms: Map<string, RoomLive>;
  finished?: EventPayload<'provision.finished'>;
}

export function newRun(runId: string, rooms: readonly { upn: string; planned: number }[]): RunLive {
  return { runId, rooms: new Map(rooms.map((room) => [room.upn, { upn: room.upn, planned: room.planned, steps: [], started: false }])) };
}

function roomOf(run: RunLive, upn: string): RoomLive {
  let room = run.rooms.get(upn);
  if (!room) {
    room = { upn, planned: 0, steps: [], started: false };
    run.rooms.set(upn, room);
  }
  return room;
}

/** Applies one event in place. */
export function applyProgress(run: RunLive, payload: EventPayload<'provision.progress'>): void {
  const event = payload.event;
  switch (event.type) {
    case 'room-started':
      roomOf(run, event.room).started = true;
      return;
    case 'step-started': {
      const room = roomOf(run, event.room);
      room.started = true;
      const existing = room.steps.find((step) => step.step === event.step);
      if (existing) existing.status = 'running';
      else room.steps.push({ step: event.step, title: event.title, status: 'running' });
      return;
    }
    case 'step-finished': {
      const room = roomOf(run, event.outcome.room);
      const existing = room.steps.find((step) => step.step === event.outcome.step);
      if (existing) {
        existing.status = event.outcome.status;
        existing.message = event.outcome.message;
      } else room.steps.push({ step: event.outcome.step, title: event.outcome.step, status: event.outcome.status, message: event.outcome.message });
      return;
    }
    case 'room-finished':
      roomOf(run, event.outcome.upn).outcome = event.outcome;
      return;
  }
}

export function applyFinished(run: RunLive, payload: EventPayload<'provision.finished'>): void {
  run.finished = payload;
  for (const outcome of payload.rooms) roomOf(run, outcome.upn).outcome = outcome;
}

export function roomFraction(room: RoomLive): number {
  if (room.outcome) return 1;
  const done = room.steps.filter((step) => step.status !== 'running').length;
  const planned = Math.max(room.planned, room.steps.length, 1);
  return Math.min(done / planned, 0.99);
}

export function runCounts(run: RunLive): { done: number; total: number; passed: number; failed: number } {
  let done = 0;
  let passed = 0;
  let failed = 0;
  for (const room of run.rooms.values()) {
    if (!room.outcome) continue;
    done++;
    if (room.outcome.status === 'passed') passed++;
    if (room.outcome.status === 'failed') failed++;
  }
  return { done, total: run.rooms.size, passed, failed };
}
