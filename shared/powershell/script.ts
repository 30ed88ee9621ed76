// One script for one runtime, covering that runtime's steps of every given room: header, settings,
// helper library, environment check, then the rooms one after another (each step of a room in plan
// order; a failure stops only the rest of that room), then a summary and the exit code.
import type { Site } from '../model.ts';
import type { RoomPlan } from '../plan.ts';
import { RUNTIMES } from '../plan/runtimes.ts';
import { stepNeedsPassword, type Runtime, type Step } from '../plan/types.ts';
import { Code } from './code.ts';
import { WAITS_FOR_REPLICATION, environmentCommands, renderEnvironment } from './environment.ts';
import { renderHeader } from './header.ts';
import { LIBRARY_CORE, LIBRARY_GRAPH_CONTEXT, LIBRARY_LICENSE, LIBRARY_ROOM_LIST } from './library.ts';
import { psBool, psInt, psString } from './literal.ts';
import { renderStep, stepCmdlets } from './step-code.ts';

export interface GenerateScriptInput {
  site: Site;
  /** Any runtime but 'manual', which gets a checklist item instead of a script. */
  runtime: Runtime;
  /** One plan for a room's own folder, every room's plan for the site-wide script. */
  plans: readonly RoomPlan[];
  generator: { name: string; version: string };
}

interface RoomSection {
  plan: RoomPlan;
  steps: Step[];
}

// A room's steps render to the same text in its own script and in the site-wide one: render once.
const renderedBodies = new WeakMap<RoomPlan, Map<Runtime, string>>();

function roomBody(room: RoomSection, runtime: Runtime): string {
  let byRuntime = renderedBodies.get(room.plan);
  if (!byRuntime) renderedBodies.set(room.plan, (byRuntime = new Map()));
  let text = byRuntime.get(runtime);
  if (text === undefined) {
    const section = new Code(1);
    section.comment('Filters in the steps below (Get-ADUser -Filter) refer to the room as $Upn.');
    section.line('$Upn = $RoomContext.Upn');
    room.steps.forEach((step, stepIndex) => renderStep(section, step, stepIndex + 1, room.steps.length));
    text = section.text();
    byRuntime.set(runtime, text);
  }
  return text;
}

function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function generateScript(input: GenerateScriptInput): string {
  const { site, runtime, plans, generator } = input;
  if (RUNTIMES[runtime].manual) throw new Error(`the ${runtime} runtime has no script: its steps are done by hand`);
  const rooms: RoomSection[] = plans
    .map((plan) => ({ plan, steps: plan.steps.filter((step) => step.runtime === runtime) }))
    .filter((room) => room.steps.length > 0);
  const steps = rooms.flatMap((room) => room.steps);
  const distinctSteps = distinct(steps.map((step) => step.id)).map((id) => steps.find((step) => step.id === id)!);
  const kinds = new Set(steps.map((step) => step.kind));
  const commands = distinct([
    ...steps.flatMap((step) => {
      const cmdlets = stepCmdlets(step);
      return [...cmdlets.reads, ...cmdlets.writes];
    }),
    ...environmentCommands(runtime, site.cloud),
  ]);

  const code = new Code();
  renderHeader(code, { runtime, steps: distinctSteps, asksForPassword: steps.some(stepNeedsPassword) });
  code.line();
  code.line('Set-StrictMode -Version 3.0');
  code.line("$ErrorActionPreference = 'Stop'");
  code.line();
  code.comment('About this script. Values in quotes are data: nothing in them runs.');
  code.line(`$RoomReadyGenerator = ${psString(`${generator.name} ${generator.version}`)}`);
  code.line(`$RoomReadyRuntime = ${psString(runtime)}`);
  code.line(`$RoomReadySite = ${psString(site.name)}`);
  code.line(`$RoomReadyWaitsForReplication = ${psBool(WAITS_FOR_REPLICATION[runtime])}`);
  code.line(WAITS_FOR_REPLICATION[runtime] ? '$RoomReadyReplicationDeadline = (Get-Date).AddMinutes($ReplicationTimeoutMinutes)' : '$RoomReadyReplicationDeadline = $null');
  const roomEntries = rooms.map(
    (room) =>
      `@{ Upn = ${psString(room.plan.room.upn)}; DisplayName = ${psString(room.plan.room.displayName)}; NeedsPassword = ${psBool(room.steps.some(stepNeedsPassword))} }`,
  );
  if (roomEntries.length === 0) code.line('$RoomReadyRooms = @()');
  else code.block('$RoomReadyRooms = @(', (list) => roomEntries.forEach((entry) => list.line(entry)), ')');
  code.line();
  code.raw(LIBRARY_CORE);
  if (kinds.has('room-list')) code.raw(LIBRARY_ROOM_LIST);
  if (kinds.has('license')) code.raw(LIBRARY_LICENSE);
  if (environmentCommands(runtime, site.cloud).includes('Get-MgContext')) code.raw(LIBRARY_GRAPH_CONTEXT);

  renderEnvironment(code, runtime, site.cloud, commands);
  code.line();
  code.line("Write-Host ('RoomReady {0} script for {1} ({2}); {3} room(s).' -f $RoomReadyRuntime, $RoomReadySite, $RoomReadyGenerator, $RoomReadyRooms.Count)");
  code.line('Assert-RoomReadyRoomFilter');

  rooms.forEach((room, index) => {
    code.line();
    code.comment('=============================================================================================');
    code.comment(`Room ${index + 1} of ${rooms.length} (its name and address are the values on the next line)`);
    code.comment('=============================================================================================');
    code.line(
      `$RoomContext = New-RoomReadyRoom -Upn ${psString(room.plan.room.upn)} -DisplayName ${psString(room.plan.room.displayName)} -Number ${psInt(index + 1)} -Count ${psInt(rooms.length)}`,
    );
    code.block('if ($RoomContext.Selected) {', (section) => section.rendered(roomBody(room, runtime)));
  });

  code.line();
  code.comment('=============================================================================================');
  code.comment('Summary: exit code 1 when any step failed');
  code.comment('=============================================================================================');
  code.line('Write-RoomReadySummary');
  code.block("if ($RoomReadyStatusCounts['failed'] -gt 0) {", (failed) => failed.line('exit 1'));
  code.line('exit 0');
  return code.toString();
}
