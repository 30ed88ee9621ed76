// README.md at the root of a prepared folder: the admin's run sheet. Which script to run where, in
// which order, with which role; the manual tasks between them; how passwords are handled; what was
// rejected. Every value from the input goes through the Markdown escaping of shared/markdown.ts.
import { CLOUDS } from '../clouds.ts';
import { CONSOLE_ERA_INFO, type ConsoleEra } from '../console-era.ts';
import type { ManifestIssue } from '../manifest.ts';
import { codeSpan, escapeText, fencedCodeBlock } from '../markdown.ts';
import type { ProvisionMode, Site } from '../model.ts';
import { RUNTIMES, type RoomPlan, type Step } from '../plan.ts';
import { TOPOLOGIES } from '../topology.ts';
import { CHECKLIST_FILE, roomDir, SKYPE_SETTINGS_FILE } from './layout.ts';

export interface RunSheetPhase {
  phaseIndex: number;
  runtime: keyof typeof RUNTIMES;
  /** The site-wide script; absent for a manual phase. */
  script?: string;
  steps: Step[];
}

export interface RunSheetInput {
  site: Site;
  era: ConsoleEra;
  generator: { name: string; version: string };
  plans: readonly RoomPlan[];
  /** Run order per provisioning mode present in the site. */
  phasesByMode: ReadonlyMap<ProvisionMode, RunSheetPhase[]>;
  errors: readonly ManifestIssue[];
  warnings: readonly ManifestIssue[];
  passwordsInSettings: boolean;
  vaultFile?: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function distinctTitles(steps: readonly Step[]): string[] {
  return [...new Set(steps.map((step) => step.title))];
}

function phaseSection(phase: RunSheetPhase, position: number): string[] {
  const titles = distinctTitles(phase.steps).map(escapeText).join('; ');
  if (!phase.script) {
    // A task done by hand between two scripts: its own instructions, nothing to run here.
    const lines = [`### ${position}. By hand — ${titles}`, ''];
    const manual = phase.steps.find((step): step is Extract<Step, { kind: 'manual' }> => step.kind === 'manual');
    if (manual) {
      for (const instruction of manual.instructions) lines.push(`- ${escapeText(instruction)}`);
      if (manual.command) lines.push('', fencedCodeBlock(manual.command, 'powershell', '  '));
    }
    lines.push('');
    return lines;
  }
  const runtime = RUNTIMES[phase.runtime];
  return [
    `### ${position}. ${escapeText(runtime.label)} — ${codeSpan(phase.script)}`,
    '',
    `- Where: ${escapeText(runtime.where)}`,
    `- Role: ${escapeText(runtime.roles)}`,
    `- Steps: ${titles}`,
    '- First preview, then run:',
    '',
    fencedCodeBlock(`.\\${phase.script} -WhatIf\n.\\${phase.script}`, 'powershell', '  '),
    '',
  ];
}

function issueLines(title: string, issues: readonly ManifestIssue[]): string[] {
  if (issues.length === 0) return [];
  return [`## ${title}`, '', ...issues.map((issue) => `- Row ${issue.row}, ${escapeText(issue.column)}: ${escapeText(issue.message)}`), ''];
}

export function renderRunSheet(input: RunSheetInput): string {
  const { site, era, generator, plans } = input;
  const topology = TOPOLOGIES[site.topology];
  const lines: string[] = [
    `# RoomReady run sheet: ${escapeText(site.name)}`,
    '',
    `Prepared by ${escapeText(generator.name)} ${escapeText(generator.version)} for ${plural(plans.length, 'room')}.`,
    '',
    `- Topology: ${escapeText(topology.label)}`,
    `- Cloud: ${escapeText(CLOUDS[site.cloud].label)}`,
    ...(site.tenantDomain ? [`- Tenant domain: ${escapeText(site.tenantDomain)}`] : []),
    `- Console app: ${escapeText(CONSOLE_ERA_INFO[era].label)}`,
    '',
  ];
  if (topology.warning) lines.push(`> **Note:** ${escapeText(topology.warning)}`, '');

  lines.push(
    '## Before you start',
    '',
    '- Run each script with `-WhatIf` first: it reports, per room and step, what it would change, and changes nothing.',
    '- Scripts only change what differs from the plan, so running one again is safe; a finished room reports every step as passed.',
    '- Each step prints one `ROOMREADY-RESULT` line (JSON) that RoomReady reads back; keep the output as a record.',
    '- The scripts never contain a password. When a step must set a room\'s password, the script asks for it, or reads `<upn>.credential.xml` from the folder given with `-CredentialFolder` (create those with `-SaveCredentials`; they are protected for your Windows account).',
  );
  if (input.vaultFile) {
    lines.push(`- The rooms' passwords are in the encrypted vault ${codeSpan(input.vaultFile)}; show one with ${codeSpan('roomready passwords <vault> --room <upn>')}.`);
  }
  if (input.passwordsInSettings) {
    lines.push(`- Each ${codeSpan(SKYPE_SETTINGS_FILE)} holds its room's password in plain text, because you asked for it: hand the files over securely. The console deletes the file after reading it.`);
  }
  lines.push('');

  for (const [mode, phases] of input.phasesByMode) {
    const title = input.phasesByMode.size > 1 ? `## Run order for rooms in "${mode}" mode` : '## Run order';
    lines.push(title, '');
    phases.forEach((phase, index) => lines.push(...phaseSection(phase, index + 1)));
  }

  lines.push(
    '## At the console',
    '',
    `Each room's folder holds ${codeSpan(SKYPE_SETTINGS_FILE)} (the console configuration) and ${codeSpan(CHECKLIST_FILE)} (the installer's checklist, with the exact values to type on each setup screen).`,
    '',
    '## Rooms',
    '',
    ...plans.map((plan) => `- ${escapeText(plan.room.displayName)} — ${codeSpan(plan.room.upn)} — ${codeSpan(`${roomDir(plan.room.upn)}/`)}`),
    '',
    ...issueLines('Rejected rows', input.errors),
    ...issueLines('Warnings', input.warnings),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
