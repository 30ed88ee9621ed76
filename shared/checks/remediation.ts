// Remediation as PowerShell a person can paste: cmdlet calls written by the script generator's own
// value encoder (powershell/values.ts), so every value is a verbatim literal, and the plan's texts.
import { RUNTIMES } from '../plan/runtimes.ts';
import type { CmdletCall, Runtime, Scalar, Step } from '../plan/types.ts';
import { planStep, type RoomExpectations } from './expectations.ts';
import { psString } from '../powershell/literal.ts';
import { SECRET_VARIABLES, cmdletName, parameterList } from '../powershell/values.ts';
import type { Remediation } from './types.ts';

/** One cmdlet call on one line, e.g. Set-CalendarProcessing -Identity 'room@contoso.com' -DeleteComments:$false */
export function commandLine(call: CmdletCall): string {
  return `${cmdletName(call.cmdlet)}${parameterList(call.parameters, 'data')}`;
}

export function runIn(runtime: Runtime): string {
  return RUNTIMES[runtime].label;
}

/**
 * The Active Directory module resolves $Upn in a filter itself, so the UPN never becomes filter
 * text (the plan's AD steps read the same way).
 */
export function adUserPipeline(upn: string, step: Step, then: string): string {
  if (step.kind !== 'ensure') throw new Error(`${step.id} has no read to pipe from`);
  return [`$Upn = ${psString(upn)}`, `${commandLine(step.read)} | ${then}`].join('\n');
}

/** How to check a plan step by hand: its read call and its verification sentence. */
export function verifyWithStep(step: Step, portal: string): Remediation {
  const read = 'read' in step ? step.read : undefined;
  const remediation: Remediation = { text: step.verification, runIn: runIn(step.runtime), portal };
  if (read) remediation.powershell = commandLine(read);
  return remediation;
}

type EnsureStep = Extract<Step, { kind: 'ensure' }>;

export function ensureStep(expected: RoomExpectations, id: EnsureStep['id']): EnsureStep {
  const step = planStep(expected, id);
  if (step?.kind !== 'ensure') throw new Error(`the plan has no ensure step ${id} for ${expected.upn}`);
  return step;
}

/**
 * The plan's write for one of an ensure step's properties, as a command for this room. Companion
 * parameters (a password set together with the property) are left out when the fix needs none.
 */
export function propertyFix(step: EnsureStep, property: string, portal: string, options: { companions?: boolean; value?: Scalar } = {}): Remediation {
  const rule = step.properties.find((candidate) => candidate.property === property);
  if (!rule?.write) throw new Error(`${step.id} does not write ${property}`);
  const parameters = {
    ...step.write.parameters,
    [rule.write.parameter]: options.value ?? rule.write.value,
    ...(options.companions === false ? {} : rule.write.with),
  };
  return { text: step.remediation, runIn: runIn(step.runtime), powershell: withPasswordPrompt(commandLine({ cmdlet: step.write.cmdlet, parameters })), portal };
}

/** Get-MgUser for the room with the properties a check looks at (the plan's own read, widened). */
export function graphUserRead(expected: RoomExpectations, properties: readonly string[], text: string, portal: string): Remediation {
  const step = ensureStep(expected, 'entra.sign-in');
  return {
    text,
    runIn: runIn(step.runtime),
    powershell: commandLine({ cmdlet: step.read.cmdlet, parameters: { ...step.read.parameters, Property: ['Id', ...properties] } }),
    portal,
  };
}

const PASSWORD_VARIABLE = SECRET_VARIABLES['room-password'];

/** A command that sets the room password reads it first, as the generated scripts do; it is never written down. */
export function withPasswordPrompt(command: string): string {
  if (!command.includes(PASSWORD_VARIABLE)) return command;
  return `${PASSWORD_VARIABLE} = Read-Host -AsSecureString -Prompt 'Password for the room account'\n${command}`;
}

/** Portal paths, where the admin centres have the setting. Written once, used by several checks. */
export const PORTAL = {
  exchangePowerShellOnly: 'No admin centre shows this setting: use Exchange PowerShell.',
  userAccount: 'Microsoft 365 admin center › Users › Active users › (the room) › Account',
  blockSignIn: 'Microsoft 365 admin center › Users › Active users › (the room) › Unblock sign-in',
  resetPassword:
    'Microsoft 365 admin center › Users › Active users › (the room) › Reset password, with "Require this user to change their password when they first sign in" cleared',
  usernameAndEmail: 'Microsoft 365 admin center › Users › Active users › (the room) › Manage username and email',
  licenses: 'Microsoft 365 admin center › Users › Active users › (the room) › Licenses and apps',
  licenseCounts: 'Microsoft 365 admin center › Billing › Licenses',
  bookingOptions: 'Exchange admin center › Recipients › Resources › (the room) › Booking delegates: "Accept or decline booking requests automatically"',
  conditionalAccess: 'Microsoft Entra admin center › Protection › Conditional Access › Policies › (the policy) › Users › Exclude',
  activeDirectory: 'Active Directory Users and Computers › (the rooms OU) › (the room) › Account',
  addRoom: 'Microsoft 365 admin center › Resources › Rooms & equipment › Add resource',
  places: 'Microsoft 365 admin center › Resources › Rooms & equipment › (the room), or Set-Place',
  roomLists: 'No admin centre creates room lists: use Exchange PowerShell.',
  skypeServer: 'Skype for Business Server Control Panel › Users › (the meeting room)',
} as const;
