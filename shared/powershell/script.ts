// One script for one runtime, covering that runtime's steps of every given room: header, settings,
// helper library, environment check, then the rooms one after another (each step of a room in plan
// order; a failure stops only the rest of that room), then a summary and the exit code.
import type { Site } from '../model.ts';
import type { RoomPlan } from '../plan.ts';
import { RUNTIMES, stepKindNeeds } from '../plan/runtimes.ts';
import { stepNeedsPassword, type Runtime, type Step } from '../plan/types.ts';
import { Code } from './code.ts';
import { WAITS_FOR_REPLICATION, environmentCommands, renderEnvironment } from './environment.ts';
import { renderHeader } from './header.ts';
import { LIBRARY_CORE, LIBRARY_GRAPH_CONTEXT, LIBRARY_GROUP, LIBRARY_LICENSE, LIBRARY_ROOM_LIST } from './library.ts';
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

/** Text that many scripts contain word for word: the same object each time it is handed out. */
export interface SharedText {
  readonly text: string;
}

/** The whole script text. */
export function generateScript(input: GenerateScriptInput): string {
  return generateScriptParts(input)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
}

// Parts that are the same for many scripts (the helper library, a runtime's header and environment
// check) are handed out as the same SharedText object, so a writer can encode them once.
const libraryParts = new Map<string, SharedText>();
function constantPart(text: string): SharedText {
  let part = libraryParts.get(text);
  if (part === undefined) libraryParts.set(text, (part = { text: `${text.replace(/\n$/, '')}\n` }));
  return part;
}
const memoised = new Map<string, SharedText>();
function memo(key: string, render: (code: Code) => void): SharedText {
  let part = memoised.get(key);
  if (part === undefined) {
    const code = new Code();
    render(code);
    part = { text: code.toString() };
    if (memoised.size >= 256) memoised.clear();
    memoised.set(key, part);
  }
  return part;
}

/**
 * The script as consecutive pieces whose concatenation is generateScript's result. The pieces
 * shared between scripts come back as the same SharedText objects, call after call.
 */
export function generateScriptParts(input: GenerateScriptInput): (string | SharedText)[] {
  const { site, runtime, plans, generator } = input;
  if (RUNTIMES[runtime].manual) throw new Error(`the ${runtime} runtime has no script: its steps are done by hand`);
  const rooms: RoomSection[] = plans
    .map((plan) => ({ plan, steps: plan.steps.filter((step) => step.runtime === runtime) }))
    .filter((room) => room.steps.length > 0);
  const steps = rooms.flatMap((room) => room.steps);
  const distinctSteps = distinct(steps.map((step) => step.id)).map((id) => steps.find((step) => step.id === id)!);
  const kinds = new Set(steps.map((step) => step.kind));
  const asksForPassword = steps.some(stepNeedsPassword);
  const extra = stepKindNeeds(kinds);
  const commands = distinct([
    ...steps.flatMap((step) => {
      const cmdlets = stepCmdlets(step);
      return [...cmdlets.reads, ...cmdlets.writes];
    }),
    ...environmentCommands(runtime, site.cloud),
  ]);
  const parts: (string | SharedText)[] = [];

  const headerKey = ['header', runtime, distinctSteps.map((step) => step.id).join(','), asksForPassword, generator.name, generator.version, site.name].join('\u0000');
  parts.push(
    memo(headerKey, (code) => {
      renderHeader(code, { runtime, steps: distinctSteps, asksForPassword });
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
    }),
  );

  const list = new Code();
  const roomEntries = rooms.map(
    (room) =>
      `@{ Upn = ${psString(room.plan.room.upn)}; DisplayName = ${psString(room.plan.room.displayName)}; NeedsPassword = ${psBool(room.steps.some(stepNeedsPassword))} }`,
  );
  if (roomEntries.length === 0) list.line('$RoomReadyRooms = @()');
  else list.block('$RoomReadyRooms = @(', (entries) => roomEntries.forEach((entry) => entries.line(entry)), ')');
  list.line();
  parts.push(list.toString());

  parts.push(constantPart(LIBRARY_CORE));
  if (kinds.has('room-list')) parts.push(constantPart(LIBRARY_ROOM_LIST));
  if (kinds.has('license')) parts.push(constantPart(LIBRARY_LICENSE));
  if (kinds.has('group-membership')) parts.push(constantPart(LIBRARY_GROUP));
  if (environmentCommands(runtime, site.cloud).includes('Get-MgContext')) parts.push(constantPart(LIBRARY_GRAPH_CONTEXT));

  parts.push(
    memo(['environment', runtime, site.cloud, commands.join(','), extra.modules.join(','), extra.scopes.join(',')].join('\u0000'), (code) => {
      renderEnvironment(code, runtime, site.cloud, commands, extra);
      code.line();
      code.line("Write-Host ('RoomReady {0} script for {1} ({2}); {3} room(s).' -f $RoomReadyRuntime, $RoomReadySite, $RoomReadyGenerator, $RoomReadyRooms.Count)");
      code.line('Assert-RoomReadyRoomFilter');
    }),
  );

  rooms.forEach((room, index) => {
    const code = new Code();
    code.line();
    code.comment('=============================================================================================');
    code.comment(`Room ${index + 1} of ${rooms.length} (its name and address are the values on the next line)`);
    code.comment('=============================================================================================');
    code.line(
      `$RoomContext = New-RoomReadyRoom -Upn ${psString(room.plan.room.upn)} -DisplayName ${psString(room.plan.room.displayName)} -Number ${psInt(index + 1)} -Count ${psInt(rooms.length)}`,
    );
    code.block('if ($RoomContext.Selected) {', (section) => section.rendered(roomBody(room, runtime)));
    parts.push(code.toString());
  });

  parts.push(
    memo('summary', (code) => {
      code.line();
      code.comment('=============================================================================================');
      code.comment('Summary: exit code 1 when any step failed');
      code.comment('=============================================================================================');
      code.line('Write-RoomReadySummary');
      code.block("if ($RoomReadyStatusCounts['failed'] -gt 0) {", (failed) => failed.line('exit 1'));
      code.line('exit 0');
    }),
  );
  return parts;
}
