// National clouds as data. Issue 3 adds authority hosts and service roots; the generated scripts
// need the environment names each PowerShell module uses to connect to the right cloud.
import type { CloudId } from './model.ts';

export interface CloudProfile {
  id: CloudId;
  label: string;
  /** Connect-MgGraph -Environment */
  graphEnvironment: string;
  /** Connect-ExchangeOnline -ExchangeEnvironmentName */
  exchangeEnvironment: string;
  /** Connect-MicrosoftTeams -TeamsEnvironmentName; undefined for the commercial cloud (the default). */
  teamsEnvironment?: string;
}

export const CLOUDS: Record<CloudId, CloudProfile> = {
  global: { id: 'global', label: 'Microsoft 365 (worldwide, including GCC)', graphEnvironment: 'Global', exchangeEnvironment: 'O365Default' },
  usgov: { id: 'usgov', label: 'Microsoft 365 GCC High', graphEnvironment: 'USGov', exchangeEnvironment: 'O365USGovGCCHigh', teamsEnvironment: 'TeamsGCCH' },
  usgovdod: { id: 'usgovdod', label: 'Microsoft 365 DoD', graphEnvironment: 'USGovDoD', exchangeEnvironment: 'O365USGovDoD', teamsEnvironment: 'TeamsDOD' },
  china: { id: 'china', label: 'Microsoft 365 operated by 21Vianet', graphEnvironment: 'China', exchangeEnvironment: 'O365China', teamsEnvironment: 'TeamsChina' },
  simulated: { id: 'simulated', label: 'RoomReady simulated tenant (practice mode)', graphEnvironment: 'Global', exchangeEnvironment: 'O365Default' },
};
