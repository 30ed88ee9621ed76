// The five deployment topologies, as data. Everything that varies by topology reads it from here.
// Facts: mtr-facts.md §1.2–1.5 (the seed's four) plus today's Teams-only online deployment.

export const TOPOLOGY_IDS = [
  'teams-online',
  'online',
  'onprem',
  'hybrid-exo-sfbserver',
  'hybrid-exchange-onprem-sfbonline',
] as const;
export type TopologyId = (typeof TOPOLOGY_IDS)[number];

/** Where the room mailbox lives. */
export type ExchangeLocation = 'online' | 'server';
/** Which service the console signs in to for meetings. */
export type MeetingPlatform = 'teams' | 'sfb-online' | 'sfb-server';
/** The console meeting mode the topology implies (SkypeSettings.xml meeting-mode matrix, mtr-facts §3.5). */
export type MeetingMode = 'teams-only' | 'sfb-only' | 'sfb-default-with-teams' | 'teams-default-with-sfb';

/** The console's own names for the meeting modes (console.md 4.9-era revision; rooms-manage.md). */
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = {
  'teams-only': 'Microsoft Teams Only',
  'sfb-only': 'Skype for Business Only',
  'sfb-default-with-teams': 'Skype for Business (default) and Microsoft Teams',
  'teams-default-with-sfb': 'Skype for Business and Microsoft Teams (default)',
};

export interface Topology {
  id: TopologyId;
  label: string;
  summary: string;
  exchange: ExchangeLocation;
  meetings: MeetingPlatform;
  /** An on-premises Active Directory holds (or is the source of) the account. */
  onPremisesDirectory: boolean;
  /** Licences are assigned in Microsoft Entra ID (a Teams Rooms or SfB Online SKU). */
  cloudLicensing: boolean;
  /** The Skype for Business Server registrar pool must be known for every room. */
  needsRegistrarPool: boolean;
  defaultMeetingMode: MeetingMode;
  /** Appended to meeting responses by Set-CalendarProcessing -AdditionalResponse (mtr-facts §1.1). */
  defaultAdditionalResponse: string;
  /** Shown wherever the topology is chosen; undefined when the topology is current. */
  warning?: string;
  /** The seed page this topology comes from. */
  source: string;
}

const TEAMS_RESPONSE = 'This is a Microsoft Teams Meeting room!';
const SKYPE_RESPONSE = 'This is a Skype Meeting room!';
const SFB_ONLINE_RETIRED =
  'Skype for Business Online was retired on 31 July 2021: the room will run Teams meetings only. ' +
  'The seed\'s Enable-CsMeetingRoom step for SfB Online no longer exists; RoomReady verifies the Teams account instead.';

export const TOPOLOGIES: Record<TopologyId, Topology> = {
  'teams-online': {
    id: 'teams-online',
    label: 'Microsoft 365 (Exchange Online + Teams)',
    summary: 'Everything in Microsoft 365; the room signs in to Teams. Today\'s default.',
    exchange: 'online',
    meetings: 'teams',
    onPremisesDirectory: false,
    cloudLicensing: true,
    needsRegistrarPool: false,
    defaultMeetingMode: 'teams-only',
    defaultAdditionalResponse: TEAMS_RESPONSE,
    source: 'OSfB: Teams/rooms/create-resource-account.md',
  },
  online: {
    id: 'online',
    label: 'Online (Exchange Online + Skype for Business Online)',
    summary: 'The seed\'s online deployment: Office 365 with Skype for Business Online.',
    exchange: 'online',
    meetings: 'sfb-online',
    onPremisesDirectory: false,
    cloudLicensing: true,
    needsRegistrarPool: false,
    defaultMeetingMode: 'teams-only',
    defaultAdditionalResponse: SKYPE_RESPONSE,
    warning: SFB_ONLINE_RETIRED,
    source: 'OSfB: Skype/SfbServer/deploy/deploy-clients/with-office-365.md',
  },
  onprem: {
    id: 'onprem',
    label: 'On-premises (Active Directory + Exchange Server + Skype for Business Server)',
    summary: 'Single forest, Exchange 2013 SP1 or later and Skype for Business Server 2015 or later.',
    exchange: 'server',
    meetings: 'sfb-server',
    onPremisesDirectory: true,
    cloudLicensing: false,
    needsRegistrarPool: true,
    defaultMeetingMode: 'sfb-only',
    defaultAdditionalResponse: SKYPE_RESPONSE,
    source: 'OSfB: Skype/SfbServer/deploy/deploy-clients/with-skype-for-business-server-2015.md',
  },
  'hybrid-exo-sfbserver': {
    id: 'hybrid-exo-sfbserver',
    label: 'Hybrid: Exchange Online + Skype for Business Server',
    summary: 'Mailbox in Exchange Online, account synchronised from on-premises AD, meetings on Skype for Business Server.',
    exchange: 'online',
    meetings: 'sfb-server',
    onPremisesDirectory: true,
    cloudLicensing: true,
    needsRegistrarPool: true,
    defaultMeetingMode: 'sfb-default-with-teams',
    defaultAdditionalResponse: SKYPE_RESPONSE,
    source: 'OSfB: Skype/SfbServer/deploy/deploy-clients/with-exchange-online.md',
  },
  'hybrid-exchange-onprem-sfbonline': {
    id: 'hybrid-exchange-onprem-sfbonline',
    label: 'Hybrid: Exchange Server + Skype for Business Online / Teams',
    summary: 'Mailbox on Exchange Server, account synchronised to Microsoft Entra ID, meetings online.',
    exchange: 'server',
    meetings: 'sfb-online',
    onPremisesDirectory: true,
    cloudLicensing: true,
    needsRegistrarPool: false,
    defaultMeetingMode: 'teams-only',
    defaultAdditionalResponse: TEAMS_RESPONSE,
    warning: SFB_ONLINE_RETIRED,
    source: 'OSfB: Skype/SfbServer/deploy/deploy-clients/with-exchange-on-premises.md',
  },
};

export function isTopologyId(value: string): value is TopologyId {
  return (TOPOLOGY_IDS as readonly string[]).includes(value);
}
