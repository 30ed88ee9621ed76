// One step of one room as a short PowerShell snippet an admin can paste into the step's own shell:
// the remediation of a step RoomReady cannot run from the app. Values enter only as verbatim
// literals (powershell/literal.ts via values.ts); the room password never does: the snippet asks for
// it with Read-Host -AsSecureString.
import type { CmdletCall, ParamValue, Step } from '../plan/types.ts';
import { psArray, psBool, psString } from '../powershell/literal.ts';
import { groupMembershipCalls, roomListCalls, licenseReadCall } from '../powershell/step-code.ts';
import { cmdletName, paramValue, parameterName, SECRET_VARIABLES } from '../powershell/values.ts';

type Where = 'read' | 'write';

function value(item: ParamValue, where: Where): string {
  if (typeof item === 'object' && !Array.isArray(item) && 'fromCurrent' in item) {
    if (where !== 'write') throw new Error(`fromCurrent (${item.fromCurrent}) belongs only in a write`);
    return `$Current.${parameterName(item.fromCurrent)}`;
  }
  return paramValue(item, 'data');
}

function parameters(entries: Readonly<Record<string, ParamValue>>, where: Where): string {
  return Object.entries(entries)
    .map(([name, item]) => (typeof item === 'boolean' ? ` -${parameterName(name)}:${psBool(item)}` : ` -${parameterName(name)} ${value(item, where)}`))
    .join('');
}

function call(cmdlet: CmdletCall, where: Where, errorAction: 'Stop' | 'SilentlyContinue' = 'Stop', extra: Readonly<Record<string, ParamValue>> = {}): string {
  return `${cmdletName(cmdlet.cmdlet)}${parameters({ ...cmdlet.parameters, ...extra }, where)} -ErrorAction ${psString(errorAction)}`;
}

/** What an ensure step writes: each rule's parameter and its companions. */
function ruleParameters(step: Extract<Step, { kind: 'ensure' }>): Record<string, ParamValue> {
  const entries: Record<string, ParamValue> = {};
  for (const rule of step.properties) {
    if (!rule.write) continue;
    entries[rule.write.parameter] = rule.write.value;
    Object.assign(entries, rule.write.with ?? {});
  }
  return entries;
}

function bodyOf(step: Step): string[] {
  switch (step.kind) {
    case 'manual':
      return step.command ? [step.command] : [];
    case 'create':
      return [`$Current = ${call(step.read, 'read', 'SilentlyContinue')}`, `if ($null -eq $Current) { $null = ${call(step.create, 'write')} }`];
    case 'ensure':
      return [`$Current = ${call(step.read, 'read')}`, call(step.write, 'write', 'Stop', ruleParameters(step))];
    case 'verify': {
      const properties = step.expect.map((rule) => rule.property);
      return [`${call(step.read, 'read')} | Format-List -Property ${psArray(properties)}`];
    }
    case 'room-list': {
      const calls = roomListCalls(step);
      return [
        `if ($null -eq (${call(calls.read, 'read', 'SilentlyContinue')})) { $null = ${call(calls.create, 'write')} }`,
        call(calls.add, 'write'),
      ];
    }
    case 'group-membership': {
      const calls = groupMembershipCalls(step);
      return [
        `$Group = @(${call(calls.group, 'read')})`,
        `if ($Group.Count -ne 1) { throw ('Expected exactly one group named {0}; found {1}.' -f ${psString(step.group)}, $Group.Count) }`,
        `$User = ${call(calls.user, 'read')}`,
        `if (@(${call(calls.memberOf, 'read')} | Where-Object { $_.Id -eq $Group[0].Id }).Count -eq 0) { ${calls.add.cmdlet} -GroupId $Group[0].Id -DirectoryObjectId $User.Id -ErrorAction 'Stop' }`,
      ];
    }
    case 'license':
      return [
        `$Sku = Get-MgSubscribedSku -All -ErrorAction 'Stop' | Where-Object { $_.SkuPartNumber -eq ${psString(step.skuPartNumber)} }`,
        `$User = ${call(licenseReadCall(step), 'read')}`,
        `if (-not ($User.AssignedLicenses.SkuId -contains $Sku.SkuId)) { $null = Set-MgUserLicense -UserId ${psString(step.user)} -AddLicenses @(@{ SkuId = $Sku.SkuId }) -RemoveLicenses @() -ErrorAction 'Stop' }`,
      ];
  }
}

/** Variables the body reads (the room's UPN in AD filters) and the password prompt, only when used. */
function preamble(step: Step, body: string): string[] {
  const prompt = psString(`Password for ${step.target}`);
  const lines: string[] = [];
  if (/\$Upn\b/.test(body)) lines.push(`$Upn = ${psString(step.target)}`);
  if (body.includes(SECRET_VARIABLES['room-password'])) {
    lines.push(`${SECRET_VARIABLES['room-password']} = Read-Host -AsSecureString -Prompt ${prompt}`);
  }
  if (body.includes(SECRET_VARIABLES['room-password-profile'])) {
    lines.push(
      `${SECRET_VARIABLES['room-password-profile']} = @{ Password = [System.Net.NetworkCredential]::new('', (Read-Host -AsSecureString -Prompt ${prompt})).Password; ForceChangePasswordNextSignIn = $false }`,
    );
  }
  return lines;
}

/** The snippet, or undefined when the step is done without a command (a manual step without one). */
export function stepPowerShell(step: Step): string | undefined {
  const body = bodyOf(step);
  if (body.length === 0) return undefined;
  const text = body.join('\n');
  return [...preamble(step, text), text].join('\n');
}
