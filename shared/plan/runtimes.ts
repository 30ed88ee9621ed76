// Where steps run. A script is generated per runtime; it checks it is in the right shell, connects
// where a module needs it, and names the admin role the work requires (mtr-facts §1.0).
import { CLOUDS } from '../clouds.ts';
import type { CloudId } from '../model.ts';
import type { CmdletCall, Runtime, StepKind } from './types.ts';

export interface RuntimeInfo {
  id: Runtime;
  label: string;
  /** Where the admin runs the script. */
  where: string;
  /** Modules the script imports (Import-Module -Name); empty when the shell provides the cmdlets. */
  modules: string[];
  /** The connection the script opens first, if any, with any scopes the script's steps add. */
  connect?: (cloud: CloudId, extraScopes?: readonly string[]) => CmdletCall;
  /** Admin roles needed, in words. */
  roles: string;
  /** Base name of the generated script file. */
  fileStem: string;
  /** True when no script is generated: the step is done by hand and confirmed later. */
  manual?: boolean;
  /** An on-premises shell: its script runs on a domain-joined machine with the module, never against the cloud. */
  onPremises?: boolean;
}

// Delegated scopes for Graph PowerShell: users (create/update, password policy, usage location,
// licences) and subscribedSkus (Organization.Read.All).
export const GRAPH_SCOPES = ['User.ReadWrite.All', 'Organization.Read.All'] as const;

/**
 * What a kind of step adds to its script's environment, only in scripts that have such a step:
 * group-membership needs Microsoft.Graph.Groups (Get-MgGroup, New-MgGroupMember) and the scope to
 * add members (GroupMember.ReadWrite.All also lists groups).
 */
export const STEP_KIND_NEEDS: Readonly<Partial<Record<StepKind, { modules: readonly string[]; scopes: readonly string[] }>>> = {
  'group-membership': { modules: ['Microsoft.Graph.Groups'], scopes: ['GroupMember.ReadWrite.All'] },
};

/** The modules and extra scopes a script for these step kinds needs beyond its runtime's own. */
export function stepKindNeeds(kinds: Iterable<StepKind>): { modules: string[]; scopes: string[] } {
  const modules = new Set<string>();
  const scopes = new Set<string>();
  for (const kind of kinds) {
    for (const module of STEP_KIND_NEEDS[kind]?.modules ?? []) modules.add(module);
    for (const scope of STEP_KIND_NEEDS[kind]?.scopes ?? []) scopes.add(scope);
  }
  return { modules: [...modules], scopes: [...scopes] };
}

export const RUNTIMES: Record<Runtime, RuntimeInfo> = {
  'active-directory': {
    id: 'active-directory',
    onPremises: true,
    label: 'Active Directory',
    where: 'Windows PowerShell 5.1 on a domain-joined admin machine with RSAT (ActiveDirectory module)',
    modules: ['ActiveDirectory'],
    roles: 'Domain Admins, or delegated rights to create and modify user objects in the rooms OU',
    fileStem: 'active-directory',
  },
  'exchange-server': {
    id: 'exchange-server',
    onPremises: true,
    label: 'Exchange Server',
    where: 'Exchange Management Shell (Exchange 2013 SP1 or later)',
    modules: [],
    roles: 'Organization Management or Recipient Management',
    fileStem: 'exchange-server',
  },
  'exchange-online': {
    id: 'exchange-online',
    label: 'Exchange Online',
    where: 'PowerShell 7 or Windows PowerShell 5.1 with the ExchangeOnlineManagement module (v3)',
    modules: ['ExchangeOnlineManagement'],
    connect: (cloud) => ({
      cmdlet: 'Connect-ExchangeOnline',
      parameters: { ExchangeEnvironmentName: CLOUDS[cloud].exchangeEnvironment, ShowBanner: false },
    }),
    roles: 'Exchange Administrator (or Global Administrator)',
    fileStem: 'exchange-online',
  },
  manual: {
    id: 'manual',
    label: 'By hand',
    where: 'the server or console named in the step',
    modules: [],
    roles: 'as named in the step',
    fileStem: 'manual',
    manual: true,
  },
  graph: {
    id: 'graph',
    label: 'Microsoft Entra ID (Microsoft Graph)',
    where: 'PowerShell 7 or Windows PowerShell 5.1 with the Microsoft.Graph.Users and Microsoft.Graph.Identity.DirectoryManagement modules',
    modules: ['Microsoft.Graph.Authentication', 'Microsoft.Graph.Users', 'Microsoft.Graph.Identity.DirectoryManagement'],
    connect: (cloud, extraScopes = []) => ({
      cmdlet: 'Connect-MgGraph',
      parameters: { Scopes: [...new Set([...GRAPH_SCOPES, ...extraScopes])], Environment: CLOUDS[cloud].graphEnvironment, NoWelcome: true },
    }),
    roles: 'User Administrator and License Administrator (or Global Administrator)',
    fileStem: 'graph',
  },
  'sfb-server': {
    id: 'sfb-server',
    onPremises: true,
    label: 'Skype for Business Server',
    where: 'Skype for Business Server Management Shell (2015 or later)',
    modules: [],
    roles: 'CsUserAdministrator or CsAdministrator',
    fileStem: 'sfb-server',
  },
  teams: {
    id: 'teams',
    label: 'Microsoft Teams',
    where: 'PowerShell 7 or Windows PowerShell 5.1 with the MicrosoftTeams module',
    modules: ['MicrosoftTeams'],
    connect: (cloud): CmdletCall => {
      const environment = CLOUDS[cloud].teamsEnvironment;
      const parameters: Record<string, string> = environment ? { TeamsEnvironmentName: environment } : {};
      return { cmdlet: 'Connect-MicrosoftTeams', parameters };
    },
    roles: 'Teams Administrator (or Global Administrator)',
    fileStem: 'teams',
  },
};

/** Runtimes whose scripts run on premises (RoomReady runs them itself only where PowerShell is there). */
export const ON_PREMISES_RUNTIMES: ReadonlySet<Runtime> = new Set(Object.values(RUNTIMES).filter((runtime) => runtime.onPremises).map((runtime) => runtime.id));
