// Offline preparation: a validated site -> every file an admin and an installer need, in memory.
// Per room: its scripts, SkypeSettings.xml, the console checklist and room.json; at the root: the
// site-wide scripts, the run sheet, the site file and manifest.json. The CLI and the app write the
// result with main/prepare/output-folder.ts.
import { buildConsoleChecklist, renderChecklistMarkdown } from './checklist.ts';
import type { ConsoleEra } from './console-era.ts';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestIssue } from './manifest.ts';
import { siteConsoleEra, type ProvisionMode, type Site } from './model.ts';
import { planRoom, RUNTIMES, type RoomPlan } from './plan.ts';
import { generateScript, scriptFileName, scriptPhases, withUtf8Bom } from './powershell.ts';
import { CHECKLIST_FILE, MANIFEST_FILE, ROOM_RECORD_FILE, roomDir, RUN_SHEET_FILE, SITE_FILE, siteScriptFile, SKYPE_SETTINGS_FILE } from './prepare/layout.ts';
import { roomRecord } from './prepare/room-record.ts';
import { renderRunSheet, type RunSheetPhase } from './prepare/run-sheet.ts';
import { skypeSettingsForRoom, writeSkypeSettingsXml } from './skype-settings.ts';

export * from './prepare/layout.ts';

export interface PreparedFile {
  /** Relative, with "/" separators. */
  path: string;
  content: string;
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

function warningsByRow(warnings: readonly ManifestIssue[]): Map<number, ManifestIssue[]> {
  const byRow = new Map<number, ManifestIssue[]>();
  for (const warning of warnings) byRow.set(warning.row, [...(byRow.get(warning.row) ?? []), warning]);
  return byRow;
}

/** Every file in memory, manifest last. Fine for a few hundred rooms; the CLI streams instead. */
export function prepareArtifacts(input: PrepareInput, rowOfRoom: readonly number[] = []): PreparedOutput {
  const files: PreparedFile[] = [];
  const { manifest, manifestFile } = streamArtifacts(input, rowOfRoom, (file) => files.push(file));
  files.push(manifestFile);
  return { files, manifest };
}

/**
 * Emits each file as soon as it is made (a room's files together), so memory stays flat however
 * many rooms there are; returns the manifest, to be written last.
 */
export function streamArtifacts(input: PrepareInput, rowOfRoom: readonly number[], emit: (file: PreparedFile) => void): PreparedManifest {
  const { site, generator } = input;
  const era: ConsoleEra = siteConsoleEra(site);
  const errors = [...(input.errors ?? [])];
  const warnings = [...(input.warnings ?? [])];
  const roomWarnings = warningsByRow(warnings);
  const plans = site.rooms.map((room) => planRoom(room, site));
  const manifestRooms: Manifest['rooms'] = [];

  plans.forEach((plan, index) => {
    const dir = roomDir(plan.room.upn);
    const artifacts: Manifest['rooms'][number]['artifacts'] = [];
    const add = (name: string, kind: Manifest['rooms'][number]['artifacts'][number]['kind'], content: string) => {
      emit({ path: `${dir}/${name}`, content });
      artifacts.push({ kind, path: `${dir}/${name}` });
    };
    const scriptOfRuntime = new Map<string, string>();
    plan.phases.forEach((phase, phaseIndex) => {
      if (RUNTIMES[phase.runtime].manual) return;
      const name = scriptFileName(phaseIndex, phase.runtime);
      scriptOfRuntime.set(phase.runtime, name);
      add(name, 'powershell', withUtf8Bom(generateScript({ site, runtime: phase.runtime, plans: [plan], generator })));
    });
    const password = input.settingsPasswords?.get(plan.room.upn);
    const settings = skypeSettingsForRoom(plan.room, site, password ? { era, password } : { era });
    add(SKYPE_SETTINGS_FILE, 'skype-settings', writeSkypeSettingsXml(settings, era));
    add(CHECKLIST_FILE, 'checklist', renderChecklistMarkdown(buildConsoleChecklist(plan.room, site, { skypeSettingsFile: SKYPE_SETTINGS_FILE })));
    const row = rowOfRoom[index];
    const ownWarnings = (row === undefined ? [] : (roomWarnings.get(row) ?? [])).map(({ column, message }) => ({ column, message }));
    add(ROOM_RECORD_FILE, 'room', json(roomRecord(plan, era, scriptOfRuntime, ownWarnings)));
    manifestRooms.push({ upn: plan.room.upn, displayName: plan.room.displayName, dir, artifacts });
  });

  const { siteScripts, phasesByMode } = siteWideScripts(site, plans, generator, emit);

  const siteFiles: Manifest['siteFiles'] = [{ kind: 'readme', path: RUN_SHEET_FILE }];
  emit({
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
  });
  if (input.siteFileText) {
    emit({ path: SITE_FILE, content: input.siteFileText });
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

/** One set of site-wide scripts per provisioning mode present (their orders can differ). */
function siteWideScripts(site: Site, plans: readonly RoomPlan[], generator: PrepareInput['generator'], emit: (file: PreparedFile) => void) {
  const byMode = new Map<ProvisionMode, RoomPlan[]>();
  for (const plan of plans) byMode.set(plan.mode, [...(byMode.get(plan.mode) ?? []), plan]);
  const mixed = byMode.size > 1;
  const siteScripts: Manifest['siteScripts'] = [];
  const phasesByMode = new Map<ProvisionMode, RunSheetPhase[]>();
  for (const [mode, group] of byMode) {
    const phases: RunSheetPhase[] = [];
    for (const { phaseIndex, runtime } of scriptPhases(group)) {
      const steps = group.flatMap((plan) => plan.steps.filter((step) => step.runtime === runtime));
      if (RUNTIMES[runtime].manual) {
        phases.push({ phaseIndex, runtime, steps });
        continue;
      }
      const path = siteScriptFile(phaseIndex, runtime, mixed ? mode : undefined);
      emit({ path, content: withUtf8Bom(generateScript({ site, runtime, plans: group, generator })) });
      siteScripts.push({ phase: phaseIndex + 1, runtime, mode, path });
      phases.push({ phaseIndex, runtime, script: path, steps });
    }
    phasesByMode.set(mode, phases);
  }
  return { siteScripts, phasesByMode };
}
