// Network requirements (mtr-facts.md §4.8): SfB-era ports and services where the room uses Skype for
// Business, Teams-era endpoints and bandwidth where it uses Teams, Pro management endpoints where
// that service exists for the room.
import { hasProManagement, isTeamsEra, TEAMS_ERAS, usesSkypeForBusiness, usesTeams } from '../context.ts';
import {
  GCC_PRO_MANAGEMENT_ENDPOINTS,
  PRO_MANAGEMENT_ENDPOINTS,
  SFB_MEDIA_PORTS,
  SKYPE_SERVICE_ENDPOINTS,
  SOURCES,
  SRS_TELEMETRY_URLS,
} from '../facts.ts';
import type { ChecklistContext, ChecklistItemDefinition } from '../types.ts';
import { verbatim } from '../values.ts';
import { listOf } from '../wording.ts';

const networkPage = (context: ChecklistContext) => (isTeamsEra(context) ? SOURCES.roomsPrep : SOURCES.srsPrep);

/** The services this room's console talks to, named for the topology and meeting mode. */
function servicesReached(context: ChecklistContext): string[] {
  const { topology } = context;
  const services: string[] = [];
  if (topology.onPremisesDirectory) services.push('Active Directory');
  if (topology.cloudLicensing) services.push('Microsoft Entra ID');
  services.push(topology.exchange === 'online' ? 'Exchange Online' : 'your Exchange Server');
  if (usesTeams(context)) services.push('Microsoft Teams');
  if (usesSkypeForBusiness(context)) services.push(topology.meetings === 'sfb-server' ? 'your Skype for Business Server' : 'Skype for Business Online');
  return services;
}

export const NETWORK_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'network.wired',
    section: 'network',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The console has a wired connection; 1 Gbps is recommended.',
    source: SOURCES.srsPrep,
  },
  {
    id: 'network.web-ports',
    section: 'network',
    kind: 'check',
    text: 'Outbound HTTP (TCP 80) and HTTPS (TCP 443) are open.',
    source: networkPage,
  },
  {
    id: 'network.services',
    section: 'network',
    kind: 'check',
    text: (context) => `The console reaches ${listOf(servicesReached(context), 'and')}.`,
    source: networkPage,
  },
  {
    id: 'network.sfb-media-ports',
    section: 'network',
    kind: 'check',
    when: usesSkypeForBusiness,
    text: 'The Skype for Business media ports are open (the documented example firewall rules).',
    values: () => SFB_MEDIA_PORTS.map(({ label, value }) => verbatim(label, value)),
    source: SOURCES.srsPrep,
  },
  {
    id: 'network.srs-telemetry',
    section: 'network',
    kind: 'check',
    eras: ['srs-v2'],
    text: 'The telemetry endpoints are allowed.',
    values: () => SRS_TELEMETRY_URLS.map((url) => verbatim('URL', url)),
    source: SOURCES.srsPrep,
  },
  {
    id: 'network.skype-services',
    section: 'network',
    kind: 'check',
    eras: ['srs-v2'],
    when: usesSkypeForBusiness,
    text: 'The Skype telemetry and quick-tips hosts are reachable on TCP 443.',
    values: () => SKYPE_SERVICE_ENDPOINTS.map((host) => verbatim('Host', host)),
    source: SOURCES.srsPrep,
  },
  {
    id: 'network.teams-endpoints',
    section: 'network',
    kind: 'check',
    when: usesTeams,
    text: 'TCP and UDP traffic to the Teams "required" categories of "Microsoft 365 URLs and IP address ranges" is allowed.',
    source: SOURCES.roomsPrep,
  },
  {
    id: 'network.update-services',
    section: 'network',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: 'Windows Update, the Microsoft Store (app updates) and Intune (if used) are reachable.',
    source: SOURCES.roomsPrep,
  },
  {
    id: 'network.bandwidth',
    section: 'network',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: 'The room has at least 10 Mbps up and down.',
    source: SOURCES.roomsPrep,
  },
  {
    id: 'network.media-bypasses-proxy',
    section: 'network',
    kind: 'check',
    eras: TEAMS_ERAS,
    text: 'Media traffic bypasses any web proxy.',
    source: SOURCES.roomsPrep,
  },
  {
    id: 'network.pro-management',
    section: 'network',
    kind: 'check',
    eras: TEAMS_ERAS,
    when: hasProManagement,
    text: 'The Teams Rooms Pro management service endpoints are reachable.',
    values: (context) =>
      [...PRO_MANAGEMENT_ENDPOINTS, ...(context.options.gcc ? GCC_PRO_MANAGEMENT_ENDPOINTS : [])].map((host) => verbatim('Host', host)),
    source: SOURCES.roomsPrep,
  },
  {
    id: 'network.hdcp',
    section: 'network',
    kind: 'check',
    text: 'HDCP is turned off on any switch that feeds the HDMI ingest.',
    source: SOURCES.srsPrep,
  },
];
