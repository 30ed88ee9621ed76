// The part of a script that runs before anything changes: -SaveCredentials, the check that this is
// the right shell (modules load, every command exists: exit code 2 otherwise), and the connection
// to the right cloud, opened only when there is none yet. Current modules only: ExchangeOnlineManagement
// v3 (REST), Microsoft.Graph, MicrosoftTeams; never MSOnline, AzureAD or Basic-auth remote sessions.
import type { CloudId } from '../model.ts';
import { RUNTIMES } from '../plan/runtimes.ts';
import type { CmdletCall, Runtime } from '../plan/types.ts';
import type { Code } from './code.ts';
import { psArray, psString } from './literal.ts';
import { invocation } from './values.ts';

/** Scripts whose steps wait for an object made elsewhere: Graph for the user that Exchange or
 * directory sync creates, Teams for the provisioning that follows licensing. */
export const WAITS_FOR_REPLICATION: Readonly<Record<Runtime, boolean>> = {
  'active-directory': false,
  'exchange-server': false,
  'exchange-online': false,
  manual: false,
  graph: true,
  'sfb-server': false,
  teams: true,
};

/** How each connect cmdlet's "already connected?" is asked, and the commands that asking needs. */
const CONNECTION_PROBES: Record<string, { commands: string[]; render: (code: Code, call: CmdletCall) => void }> = {
  'Connect-ExchangeOnline': {
    commands: ['Get-ConnectionInformation'],
    render: (code, call) => {
      code.line("$RoomReadyConnections = @(Get-ConnectionInformation -ErrorAction 'SilentlyContinue' | Where-Object { [string](Get-RoomReadyProperty -InputObject $_ -Name 'State') -eq 'Connected' })");
      code.block('if ($RoomReadyConnections.Count -eq 0) {', (connect) => connect.line(`Invoke-RoomReadyConnect -Connect { ${invocation(call, 'data')} }`));
    },
  },
  'Connect-MgGraph': {
    commands: ['Get-MgContext'],
    render: (code, call) => {
      const scopes = call.parameters.Scopes;
      const environment = call.parameters.Environment;
      if (!Array.isArray(scopes) || typeof environment !== 'string') throw new Error('Connect-MgGraph needs Scopes and Environment');
      code.block(
        `if (-not (Test-RoomReadyGraphContext -Context (Get-MgContext) -Scopes ${psArray(scopes as readonly string[])} -Environment ${psString(environment)})) {`,
        (connect) => connect.line(`Invoke-RoomReadyConnect -Connect { ${invocation(call, 'data')} }`),
      );
    },
  },
  'Connect-MicrosoftTeams': {
    commands: ['Get-CsTenant'],
    render: (code, call) => {
      code.line('$RoomReadyTeamsConnected = $true');
      code.line("try { $null = Get-CsTenant -ErrorAction 'Stop' } catch { $RoomReadyTeamsConnected = $false }");
      code.block('if (-not $RoomReadyTeamsConnected) {', (connect) => connect.line(`Invoke-RoomReadyConnect -Connect { ${invocation(call, 'data')} }`));
    },
  },
};

/** What the script's steps add to its runtime's modules and Graph scopes (plan/runtimes.ts STEP_KIND_NEEDS). */
export interface ExtraNeeds {
  modules: readonly string[];
  scopes: readonly string[];
}
const NO_EXTRA: ExtraNeeds = { modules: [], scopes: [] };

export function connectCall(runtime: Runtime, cloud: CloudId, extra: ExtraNeeds = NO_EXTRA): CmdletCall | undefined {
  return RUNTIMES[runtime].connect?.(cloud, extra.scopes);
}

/** Commands the environment section itself uses, besides the steps' cmdlets. */
export function environmentCommands(runtime: Runtime, cloud: CloudId): string[] {
  const call = connectCall(runtime, cloud);
  if (!call) return [];
  const probe = CONNECTION_PROBES[call.cmdlet];
  if (!probe) throw new Error(`no connection probe for ${call.cmdlet}`);
  return [call.cmdlet, ...probe.commands];
}

export function renderEnvironment(code: Code, runtime: Runtime, cloud: CloudId, commands: readonly string[], extra: ExtraNeeds = NO_EXTRA): void {
  const info = RUNTIMES[runtime];
  code.line();
  code.comment('=============================================================================================');
  code.comment('Before anything changes: the right shell, the modules, the connection');
  code.comment('=============================================================================================');
  code.block('if ($PasswordsFromInput) {', (input) => input.line('Read-RoomReadyInputPasswords'));
  code.block('if ($SaveCredentials) {', (save) => {
    save.line('Save-RoomReadyCredentials -Cmdlet $PSCmdlet');
    save.line('exit 0');
  });
  const modules = [...new Set([...info.modules, ...extra.modules])];
  code.line(`Assert-RoomReadyEnvironment -Where ${psString(info.where)} -Modules ${psArray(modules)} -Commands ${psArray(commands)}`);
  if (info.modules.includes('ExchangeOnlineManagement')) {
    code.comment('Version 3 or later: REST cmdlets and modern authentication (the Basic-auth remote session is retired).');
    code.line("$RoomReadyExchangeModule = @(Get-Module -Name 'ExchangeOnlineManagement') | Sort-Object -Property Version -Descending | Select-Object -First 1");
    code.block('if ($null -eq $RoomReadyExchangeModule -or $RoomReadyExchangeModule.Version.Major -lt 3) {', (old) => {
      old.line("Write-Host 'This script needs ExchangeOnlineManagement 3.0 or later: Update-Module -Name ExchangeOnlineManagement'");
      old.line('exit 2');
    });
  }
  const call = connectCall(runtime, cloud, extra);
  if (call) {
    const probe = CONNECTION_PROBES[call.cmdlet];
    if (!probe) throw new Error(`no connection probe for ${call.cmdlet}`);
    code.block('if (-not $SkipConnect) {', (connect) => probe.render(connect, call));
  }
}
