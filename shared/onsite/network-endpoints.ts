// What a Teams Room must reach, per cloud, as data: the on-site network check probes these and the
// checklist can print them for the network team. Identity, Graph and Exchange hosts come from
// shared/clouds.ts (defined once there). Sources: "Microsoft 365 URLs and IP address ranges"
// (worldwide ID 11/12/56, GCC High ID 1/7/13/31, DoD ID 1/7/13, 21Vianet ID 1/17), Teams Rooms
// network prerequisites and the Pro management enrollment page (mtr-facts.md §4.8), the Windows
// Update (WSUS) and Microsoft Store proxy lists.
import { CLOUDS } from '../clouds.ts';
import type { CloudId } from '../model.ts';

export const NETWORK_SERVICES = ['identity', 'teams', 'exchange', 'management', 'updates'] as const;
export type NetworkService = (typeof NETWORK_SERVICES)[number];

export interface NetworkEndpoint {
  /** Unique within a cloud's list; check ids are `network.<probe>.<id>`. */
  id: string;
  service: NetworkService;
  host: string;
  port: number;
  /** Probe a TLS handshake too (and look for TLS inspection). */
  tls: boolean;
  /** What it means for the room when this endpoint cannot be reached. */
  why: string;
  /** What to ask the network team for, e.g. "allow TCP 443 to login.microsoftonline.com". */
  ask: string;
  /** Organisations (the certificate issuer's O=) Microsoft uses for this host; another one suggests TLS inspection. */
  expectedIssuerOrganizations?: readonly string[];
  /** The room still joins meetings without it: a failure is a warning, not a failure. */
  optional?: boolean;
}

/** A Teams media relay answering STUN binding requests over UDP. */
export interface StunTarget {
  id: string;
  host: string;
  port: number;
}

/** Teams media: "Optimize / Required" UDP ports to the media relays (worldwide ID 11). */
export const TEAMS_MEDIA_UDP_PORTS = { from: 3478, to: 3481 } as const;
export const TEAMS_MEDIA_ASK = `allow UDP ${TEAMS_MEDIA_UDP_PORTS.from}–${TEAMS_MEDIA_UDP_PORTS.to} to the Teams media relays (Microsoft 365 URLs and IP address ranges, Teams "Optimize" category), without a proxy`;

/** Microsoft's own issuing CAs and DigiCert issue the certificates of Microsoft 365 hosts (worldwide and US government). */
export const MICROSOFT_ISSUER_ORGANIZATIONS = ['Microsoft Corporation', 'DigiCert Inc'] as const;

/** "https://login.microsoftonline.com" → "login.microsoftonline.com" (shared/ has no URL global). */
export function hostOfUrl(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return withoutScheme.split(/[/?#]/, 1)[0]!.replace(/:\d+$/, '');
}

const allowTcp = (port: number, host: string) => `allow TCP ${port} to ${host}`;

function https(id: string, service: NetworkService, host: string, why: string, extra: Partial<NetworkEndpoint> = {}): NetworkEndpoint {
  return { id, service, host, port: 443, tls: true, why, ask: allowTcp(443, host), ...extra };
}

function identity(cloud: CloudId, issuers?: readonly string[]): NetworkEndpoint {
  const host = hostOfUrl(CLOUDS[cloud].authorityHost);
  return https('identity', 'identity', host, `The room account signs in to Microsoft Entra ID at ${host}. Without it the console cannot sign in: no calendar, no meetings.`, issuers ? { expectedIssuerOrganizations: issuers } : {});
}

function exchange(cloud: CloudId, issuers?: readonly string[]): NetworkEndpoint {
  const host = hostOfUrl(CLOUDS[cloud].exchangeRoot);
  return https('exchange', 'exchange', host, `The room's calendar comes from Exchange Online at ${host}. Without it the console shows no meetings and one-touch join does not work.`, issuers ? { expectedIssuerOrganizations: issuers } : {});
}

function teams(id: string, host: string, why: string, issuers?: readonly string[]): NetworkEndpoint {
  return https(id, 'teams', host, why, issuers ? { expectedIssuerOrganizations: issuers } : {});
}

/** Windows and the Teams Rooms app update themselves (daily from 02:00); the room joins meetings without these. */
const UPDATES: readonly NetworkEndpoint[] = [
  {
    id: 'windows-update',
    service: 'updates',
    host: 'download.windowsupdate.com',
    port: 80,
    tls: false,
    why: 'Windows Update downloads updates from here. Without it Windows security updates stop; meetings still work.',
    ask: `${allowTcp(80, 'download.windowsupdate.com')} (Windows Update, *.windowsupdate.com)`,
    optional: true,
  },
  https('windows-update-delivery', 'updates', 'dl.delivery.mp.microsoft.com', 'Windows Update delivers updates from here. Without it updates stall; meetings still work.', { optional: true }),
  https('microsoft-store', 'updates', 'displaycatalog.mp.microsoft.com', 'The Microsoft Store catalog, used to update the Teams Rooms app. Without it the app stays on its current version; meetings still work.', {
    optional: true,
  }),
];

/** Teams Rooms Pro management (worldwide). Only rooms enrolled in Pro management need these. */
const PRO_MANAGEMENT: readonly NetworkEndpoint[] = [
  https('pro-management-agent', 'management', 'agent.rooms.microsoft.com', 'The Teams Rooms Pro management agent reports here. Without it the Pro Management portal cannot monitor or update the room.', {
    optional: true,
    ask: `${allowTcp(443, 'agent.rooms.microsoft.com')} and the Pro management hosts global.azure-devices-provisioning.net, gj3ftstorage.blob.core.windows.net, mmrprod{noam,emea,apac}iot.azure-devices.net and mmrprod{noam,emea,apac}stor.blob.core.windows.net (GCC: mmrprodgcciot / mmrprodgccstor)`,
  }),
  https('pro-management-provisioning', 'management', 'global.azure-devices-provisioning.net', 'The Pro management agent registers the room through Azure IoT provisioning here. Without it the room cannot enroll in Pro management.', {
    optional: true,
  }),
];

const GLOBAL_ENDPOINTS: readonly NetworkEndpoint[] = [
  identity('global', MICROSOFT_ISSUER_ORGANIZATIONS),
  teams('teams', 'teams.microsoft.com', 'The Teams service itself (*.teams.microsoft.com). Without it the console cannot start Teams: no meetings, no calls.', MICROSOFT_ISSUER_ORGANIZATIONS),
  teams('teams-config', 'config.teams.microsoft.com', 'Teams reads its settings and feature configuration here at start-up. Without it the Teams Rooms app may not start or may start without features.', MICROSOFT_ISSUER_ORGANIZATIONS),
  teams('teams-notifications', 'go.trouter.teams.microsoft.com', 'Teams delivers incoming calls and meeting updates through this notification channel. Without it the room misses incoming calls and live meeting changes.', MICROSOFT_ISSUER_ORGANIZATIONS),
  teams('teams-media-relay-tcp', 'worldaz.tr.teams.microsoft.com', 'A Teams media relay over TCP 443: where audio and video fall back to when UDP 3478–3481 is blocked. Without it media may fail entirely.', MICROSOFT_ISSUER_ORGANIZATIONS),
  exchange('global', MICROSOFT_ISSUER_ORGANIZATIONS),
  ...PRO_MANAGEMENT,
  ...UPDATES,
];

const GLOBAL_STUN: readonly StunTarget[] = [{ id: 'teams-media-relay', host: 'worldaz.tr.teams.microsoft.com', port: TEAMS_MEDIA_UDP_PORTS.from }];

/**
 * Per cloud. Teams Rooms Pro management is documented for the worldwide cloud (and GCC) only, so the
 * national clouds list none; their media relays are published as address ranges, not names, so they
 * have no STUN target (the check says so rather than guessing a host).
 */
export const NETWORK_ENDPOINTS: Readonly<Record<CloudId, readonly NetworkEndpoint[]>> = {
  global: GLOBAL_ENDPOINTS,
  usgov: [
    identity('usgov', MICROSOFT_ISSUER_ORGANIZATIONS),
    teams('teams', 'gov.teams.microsoft.us', 'The Teams service for GCC High (*.gov.teams.microsoft.us). Without it the console cannot start Teams: no meetings, no calls.', MICROSOFT_ISSUER_ORGANIZATIONS),
    exchange('usgov', MICROSOFT_ISSUER_ORGANIZATIONS),
    ...UPDATES,
  ],
  usgovdod: [
    identity('usgovdod', MICROSOFT_ISSUER_ORGANIZATIONS),
    teams('teams', 'dod.teams.microsoft.us', 'The Teams service for DoD (*.dod.teams.microsoft.us). Without it the console cannot start Teams: no meetings, no calls.', MICROSOFT_ISSUER_ORGANIZATIONS),
    exchange('usgovdod'),
    ...UPDATES,
  ],
  china: [
    identity('china'),
    teams('teams', 'teams.microsoftonline.cn', 'The Teams service operated by 21Vianet. Without it the console cannot start Teams: no meetings, no calls.'),
    exchange('china'),
    ...UPDATES,
  ],
  // Practice mode probes the real worldwide endpoints (tests aim the probes at loopback instead).
  simulated: GLOBAL_ENDPOINTS,
};

export const STUN_TARGETS: Readonly<Record<CloudId, readonly StunTarget[]>> = {
  global: GLOBAL_STUN,
  usgov: [],
  usgovdod: [],
  china: [],
  simulated: GLOBAL_STUN,
};

/** Where the clock probe reads an HTTPS Date header: the cloud's sign-in endpoint. */
export function clockUrlOf(cloud: CloudId): string {
  return `${CLOUDS[cloud].authorityHost}/`;
}
