// Offline preparation: a validated site -> every file an admin and an installer need, in memory.
// Per room: its scripts, SkypeSettings.xml, the console checklist and room.json; at the root: the
// site-wide scripts, the run sheet, the site file and manifest.json. The CLI and the app write the
// result with main/prepare/output-folder.ts.
import { buildConsoleChecklist, renderChecklistMarkdown } from './checklist.ts';
import type { ConsoleEra } from './console-era.ts';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestIssue } from './manifest.ts';
import { siteConsoleEra, type ProvisionMode, type ResolvedRoom, type Site } from './model.ts';
import { planRoom, RUNTIMES, type RoomPlan } from './plan.ts';
import { generateScriptParts, scriptFileName, scriptPhases, UTF8_BOM, type GenerateScriptInput, type SharedText } from './powershell.ts';
import { CHECKLIST_FILE, MANIFEST_FILE, ROOM_RECORD_FILE, roomDir, RUN_SHEET_FILE, SITE_FILE, siteScriptFile, SKYPE_SETTINGS_FILE } from './prepare/layout.ts';
import { roomRecord, type RoomRecord } from './prepare/room-record.ts';
import { renderRunSheet, type RunSheetPhase } from './prepare/run-sheet.ts';
import { skypeSettingsForRoom, writeSkypeSettingsXml } from './skype-settings.ts';

export * from './prepare/layout.ts';

/**
 * A file's text, whole or in consecutive pieces. Scripts come in pieces; the pieces many scripts
 * share (the helper library, a runtime's header) are SharedText objects, the same object each
 * time, so a writer can encode each once and reuse the bytes.
 */
export type FileContent = string | readonly (string | SharedText)[];

export interface PreparedFile {
  /** Relative, with "/" separators. */
  path: string;
  content: FileContent;
}

export function contentText(content: FileContent): string {
  return typeof content === 'string' ? content : content.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/** A script file: UTF-8 with a byte order mark (POWERSHELL_FILE_ENCODING_NOTE), in pieces. */
function scriptContent(input: GenerateScriptInput): (string | SharedText)[] {
  return [UTF8_BOM, ...generateScriptParts(input)];
}

export interface PrepareInput {
  /** Only rooms that passed validation. */
  site: Site;
  generator: { name: string; version: string };
  /** Rows that were rejected and warnings, as the manifest reports them. */
  errors?: readonly ManifestIssue[];
  warnings?: readonly ManifestIssue[];
  /** Passwords to put into SkypeSettings.xml, by UPN; only when the admin asked for it. */
  settingsPasswords?: ReadonlyMap<string, string>;
  /** The site file's text, to include so the site can be reopened. */
  siteFileText?: string;
  /** The secrets vault written next to the output, named in the run sheet. */
  vaultFile?: string;
}

export interface PreparedOutput {
  files: PreparedFile[];
  manifest: Manifest;
}

/** What streaming preparation returns once every other file has been emitted. */
export interface PreparedManifest {
  manifest: Manifest;
  /** manifest.json itself: write it last, so a folder with a manifest is a complete folder. */
  manifestFile: PreparedFile;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Every file in memory, manifest last. Fine for a few hundred rooms; the CLI streams instead. */
export function prepareArtifacts(input: PrepareInput, rowOfRoom: readonly number[] = []): PreparedOutput {
  const files: PreparedFile[] = [];
  const { manifest, manifestFile } = streamArtifacts(input, rowOfRoom, (file) => files.push(file));
  files.push(manifestFile);
  return { files, manifest };
}

/** generateArtifacts with a callback: each file is handed over as soon as it is made. */
export function streamArtifacts(input: PrepareInput, rowOfRoom: readonly number[], emit: (file: PreparedFile) => void): PreparedManifest {
  const files = generateArtifacts(input, rowOfRoom);
  for (let next = files.next(); ; next = files.next()) {
    if (next.done) return next.value;
    emit(next.value);
  }
}

type ArtifactKind = Manifest['rooms'][number]['artifacts'][number]['kind'];

/**
 * A room's console texts: its SkypeSettings.xml (with the password only when one is given) and the
 * installer's checklist. Prepared folders and installer packages both take them from here.
 */
export function roomConsoleTexts(room: ResolvedRoom, site: Site, era: ConsoleEra, password?: string): { skypeSettingsXml: string; checklistMarkdown: string } {
  const settings = skypeSettingsForRoom(room, site, password ? { era, password } : { era });
  const checklist = buildConsoleChecklist(room, site, { skypeSettingsFile: SKYPE_SETTINGS_FILE });
  return { skypeSettingsXml: writeSkypeSettingsXml(settings, era), checklistMarkdown: renderChecklistMarkdown(checklist) };
}

/** One room's files, in the order they are written. */
function* roomFiles(input: PrepareInput, plan: RoomPlan, era: ConsoleEra, warnings: RoomRecord['warnings']): Generator<PreparedFile & { kind: ArtifactKind }> {
  const { site, generator } = input;
  const dir = roomDir(plan.room.upn);
  const scriptOfRuntime = new Map<string, string>();
  for (const [phaseIndex, phase] of plan.phases.entries()) {
    if (RUNTIMES[phase.runtime].manual) continue;
    const name = scriptFileName(phaseIndex, phase.runtime);
    scriptOfRuntime.set(phase.runtime, name);
    yield { kind: 'powershell', path: `${dir}/${name}`, content: scriptContent({ site, runtime: phase.runtime, plans: [plan], generator }) };
  }
  const { skypeSettingsXml, checklistMarkdown } = roomConsoleTexts(plan.room, site, era, input.settingsPasswords?.get(plan.room.upn));
  yield { kind: 'skype-settings', path: `${dir}/${SKYPE_SETTINGS_FILE}`, content: skypeSettingsXml };
  yield { kind: 'checklist', path: `${dir}/${CHECKLIST_FILE}`, content: checklistMarkdown };
  yield { kind: 'room', path: `${dir}/${ROOM_RECORD_FILE}`, content: json(roomRecord(plan, era, scriptOfRuntime, warnings)) };
}

/**
 * Yields each file as soon as it is made (a room's files together), so memory stays flat however
 * many rooms there are, and returns the manifest, to be written last.
 */
export function* generateArtifacts(input: PrepareInput, rowOfRoom: readonly number[]): Generator<PreparedFile, PreparedManifest> {
  const { site, generator } = input;
  const era: ConsoleEra = siteConsoleEra(site);
  const errors = [...(input.errors ?? [])];
  const warnings = [...(input.warnings ?? [])];
  const roomWarnings = groupBy(warnings, (warning) => warning.row);
  const plans = site.rooms.map((room) => planRoom(room, site));
  const manifestRooms: Manifest['rooms'] = [];

  for (const [index, plan] of plans.entries()) {
    const row = rowOfRoom[index];
    const ownWarnings = (row === undefined ? [] : (roomWarnings.get(row) ?? [])).map(({ column, message }) => ({ column, message }));
    const artifacts: Manifest['rooms'][number]['artifacts'] = [];
    for (const { kind, path, content } of roomFiles(input, plan, era, ownWarnings)) {
      yield { path, content };
      artifacts.push({ kind, path });
    }
    manifestRooms.push({ upn: plan.room.upn, displayName: plan.room.displayName, dir: roomDir(plan.room.upn), artifacts });
  }

  const siteScripts: Manifest['siteScripts'] = [];
  const phasesByMode = new Map<ProvisionMode, RunSheetPhase[]>();
  const byMode = groupBy(plans, (plan) => plan.mode);
  // One set of site-wide scripts per provisioning mode present: their orders can differ.
  for (const [mode, group] of byMode) {
    const phases: RunSheetPhase[] = [];
    for (const { phaseIndex, runtime } of scriptPhases(group)) {
      const steps = group.flatMap((plan) => plan.steps.filter((step) => step.runtime === runtime));
      if (RUNTIMES[runtime].manual) {
        phases.push({ phaseIndex, runtime, steps });
        continue;
      }
      const path = siteScriptFile(phaseIndex, runtime, byMode.size > 1 ? mode : undefined);
      yield { path, content: scriptContent({ site, runtime, plans: group, generator }) };
      siteScripts.push({ phase: phaseIndex + 1, runtime, mode, path });
      phases.push({ phaseIndex, runtime, script: path, steps });
    }
    phasesByMode.set(mode, phases);
  }

  const siteFiles: Manifest['siteFiles'] = [{ kind: 'readme', path: RUN_SHEET_FILE }];
  yield {
    path: RUN_SHEET_FILE,
    content: renderRunSheet({
      site,
      era,
      generator,
      plans,
      phasesByMode,
      errors,
      warnings,
      passwordsInSettings: (input.settingsPasswords?.size ?? 0) > 0,
      ...(input.vaultFile ? { vaultFile: input.vaultFile } : {}),
    }),
  };
  if (input.siteFileText) {
    yield { path: SITE_FILE, content: input.siteFileText };
    siteFiles.push({ kind: 'site', path: SITE_FILE });
  }

  const manifest: Manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    generator: { name: 'roomready', version: generator.version },
    site: {
      name: site.name,
      cloud: site.cloud,
      ...(site.tenantDomain ? { tenantDomain: site.tenantDomain } : {}),
      appVersion: site.defaults.appVersion,
      consoleEra: era,
    },
    topology: site.topology,
    siteScripts,
    siteFiles,
    rooms: manifestRooms,
    errors,
    warnings,
  };
  return { manifest, manifestFile: { path: MANIFEST_FILE, content: json(manifest) } };
}
