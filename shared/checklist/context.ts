// The questions items ask about a room: which servers it talks to, which screens its console era
// shows, which management services its cloud and licence allow. Items use these, not raw fields.
import { classifyLicense, type LicenseTier } from '../licenses.ts';
import { siteConsoleEra, type ResolvedRoom, type Site } from '../model.ts';
import { TOPOLOGIES } from '../topology.ts';
import { CLOUDS_WITHOUT_PRO_MANAGEMENT, MEETING_MODE_LABELS, SOURCES } from './facts.ts';
import type { ChecklistContext, ChecklistOptions } from './types.ts';

export function checklistContext(room: ResolvedRoom, site: Site, options: ChecklistOptions): ChecklistContext {
  return { room, site, topology: TOPOLOGIES[site.topology], era: siteConsoleEra(site), options };
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** For Teams Rooms the UPN is the primary SMTP address, so its domain is the Exchange domain. */
export const exchangeDomain = (context: ChecklistContext): string => domainOf(context.room.upn);
export const sipDomain = (context: ChecklistContext): string => domainOf(context.room.sipAddress.replace(/^sip:/i, ''));
export const sipDomainDiffersFromExchange = (context: ChecklistContext): boolean =>
  sipDomain(context).toLowerCase() !== exchangeDomain(context).toLowerCase();
export const sipAddressDiffersFromUpn = (context: ChecklistContext): boolean =>
  context.room.sipAddress.replace(/^sip:/i, '').toLowerCase() !== context.room.upn.toLowerCase();

export const meetingModeLabel = (context: ChecklistContext): string => MEETING_MODE_LABELS[context.room.meetingMode];
export const usesSkypeForBusiness = (context: ChecklistContext): boolean => context.room.meetingMode !== 'teams-only';
export const usesTeams = (context: ChecklistContext): boolean => context.room.meetingMode !== 'sfb-only';
/** The console signs in to an on-premises Skype for Business Server pool. */
export const usesSfbServer = (context: ChecklistContext): boolean =>
  context.topology.meetings === 'sfb-server' && usesSkypeForBusiness(context);

export const TEAMS_ERAS = ['teams-4.9', 'teams-4.17'] as const;
export const isTeamsEra = (context: ChecklistContext): boolean => context.era !== 'srs-v2';
/** The console setup page of the room's era: the SRS v2 original or its Teams Rooms successor. */
export const consoleSetupPage = (context: ChecklistContext): string => (context.era === 'srs-v2' ? SOURCES.consoleSrs : SOURCES.consoleTeams);

/** On-premises servers (or an inspecting proxy) whose certificates may come from a private CA. */
export function privateCaIssuers(context: ChecklistContext): string[] {
  const issuers: string[] = [];
  if (context.topology.meetings === 'sfb-server') issuers.push('Skype for Business Server');
  if (context.topology.exchange === 'server') issuers.push('Exchange Server');
  if (context.options.proxyUsesInternalCa) issuers.push('the web proxy');
  return issuers;
}
export const needsPrivateCa = (context: ChecklistContext): boolean => privateCaIssuers(context).length > 0;

export const joinsDomain = (context: ChecklistContext): boolean =>
  context.topology.onPremisesDirectory || context.options.adDomain !== undefined;
export const activeDirectoryDomain = (context: ChecklistContext): string => context.options.adDomain ?? exchangeDomain(context);

function licenseTier(context: ChecklistContext): LicenseTier | undefined {
  if (!context.room.license) return undefined;
  const verdict = classifyLicense(context.room.license);
  return verdict.kind === 'room' ? verdict.license.tier : undefined;
}

/** The Pro Management portal exists in the room's cloud and the room's licence is not Basic. */
export const hasProManagement = (context: ChecklistContext): boolean =>
  !CLOUDS_WITHOUT_PRO_MANAGEMENT.includes(context.site.cloud) && licenseTier(context) !== 'basic';
/** One-time passwords come from the Pro Management portal, which offers them nowhere in GCC. */
export const hasOneTimePassword = (context: ChecklistContext): boolean => hasProManagement(context) && !context.options.gcc;
export const offersOneTimePassword = (context: ChecklistContext): boolean =>
  hasOneTimePassword(context) && context.options.signIn !== 'manual';
export const offersManualSetup = (context: ChecklistContext): boolean =>
  !hasOneTimePassword(context) || context.options.signIn !== 'one-time-password';
/** Both sign-in routes are listed, so each item says which route it belongs to. */
export const offersBothRoutes = (context: ChecklistContext): boolean => offersOneTimePassword(context) && offersManualSetup(context);
