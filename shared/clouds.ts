// National clouds as data: where to sign in, where Graph and Exchange Online live, the scopes built
// from them, and the environment names each PowerShell module uses for the same cloud. Sources:
// learn.microsoft.com/graph/deployments; electron-anchors.md §4.5; Exchange Online environment names.
import type { CloudId } from './model.ts';

export interface CloudProfile {
  id: CloudId;
  label: string;
  /** Microsoft Entra ID sign-in (MSAL authority host). */
  authorityHost: string;
  /** Microsoft Graph service root, without a trailing slash. */
  graphRoot: string;
  /** Exchange Online, the host of the admin REST endpoint (/adminapi/beta/{tenantId}/InvokeCommand). */
  exchangeRoot: string;
  /** Connect-MgGraph -Environment */
  graphEnvironment: string;
  /** Connect-ExchangeOnline -ExchangeEnvironmentName */
  exchangeEnvironment: string;
  /** Connect-MicrosoftTeams -TeamsEnvironmentName; undefined for the commercial cloud (the default). */
  teamsEnvironment?: string;
  /** Practice mode: the global endpoints, answered by RoomReady's simulated tenant over loopback. */
  simulated?: boolean;
}

const GLOBAL_ENDPOINTS = {
  authorityHost: 'https://login.microsoftonline.com',
  graphRoot: 'https://graph.microsoft.com',
  exchangeRoot: 'https://outlook.office365.com',
} as const;

export const CLOUDS: Record<CloudId, CloudProfile> = {
  global: {
    id: 'global',
    label: 'Microsoft 365 (worldwide, including GCC)',
    ...GLOBAL_ENDPOINTS,
    graphEnvironment: 'Global',
    exchangeEnvironment: 'O365Default',
  },
  usgov: {
    id: 'usgov',
    label: 'Microsoft 365 GCC High',
    authorityHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://graph.microsoft.us',
    exchangeRoot: 'https://outlook.office365.us',
    graphEnvironment: 'USGov',
    exchangeEnvironment: 'O365USGovGCCHigh',
    teamsEnvironment: 'TeamsGCCH',
  },
  usgovdod: {
    id: 'usgovdod',
    label: 'Microsoft 365 DoD',
    authorityHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://dod-graph.microsoft.us',
    exchangeRoot: 'https://webmail.apps.mil',
    graphEnvironment: 'USGovDoD',
    exchangeEnvironment: 'O365USGovDoD',
    teamsEnvironment: 'TeamsDOD',
  },
  china: {
    id: 'china',
    label: 'Microsoft 365 operated by 21Vianet',
    authorityHost: 'https://login.chinacloudapi.cn',
    graphRoot: 'https://microsoftgraph.chinacloudapi.cn',
    exchangeRoot: 'https://partner.outlook.cn',
    graphEnvironment: 'China',
    exchangeEnvironment: 'O365China',
    teamsEnvironment: 'TeamsChina',
  },
  simulated: {
    id: 'simulated',
    label: 'RoomReady simulated tenant (practice mode)',
    ...GLOBAL_ENDPOINTS,
    graphEnvironment: 'Global',
    exchangeEnvironment: 'O365Default',
    simulated: true,
  },
};

/** Delegated Graph permissions RoomReady asks for (README: Registering the Entra app). */
export const GRAPH_DELEGATED_PERMISSIONS = ['User.ReadWrite.All', 'Organization.Read.All', 'Place.ReadWrite.All', 'Policy.Read.All', 'Domain.Read.All', 'Directory.Read.All', 'GroupMember.ReadWrite.All'] as const;

export type ServiceResource = 'graph' | 'exchange';

/** The ".default" scope of a service in a cloud: what app-only tokens and consented delegated tokens ask for. */
export function defaultScope(cloud: CloudProfile, resource: ServiceResource): string {
  return `${resource === 'graph' ? cloud.graphRoot : cloud.exchangeRoot}/.default`;
}

/** Delegated scopes, fully qualified with the cloud's own Graph host (national clouds need that). */
export function delegatedScopes(cloud: CloudProfile, resource: ServiceResource): string[] {
  return resource === 'graph'
    ? GRAPH_DELEGATED_PERMISSIONS.map((permission) => `${cloud.graphRoot}/${permission}`)
    : [`${cloud.exchangeRoot}/Exchange.Manage`];
}
