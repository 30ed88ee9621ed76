// The settings a room's console needs: its account, the topology's sign-in details and its meeting mode.
import type { ConsoleEra } from '../console-era.ts';
import { siteConsoleEra, type ResolvedRoom, type Site } from '../model.ts';
import { TOPOLOGIES } from '../topology.ts';
import type { SettingKey, SkypeSettings } from './elements.ts';
import { meetingModeSettings } from './meeting-mode.ts';
import { documents, revisionOfEra, rowOf } from './schema.ts';

export interface RoomSkypeSettingsOptions {
  /** Console era; defaults to the site's app version. */
  era?: ConsoleEra;
  /** Put the room password in the file. Only when given (and not empty): the file then holds it in plain text. */
  password?: string;
  /** NetBIOS domain for DomainUsername (DOMAIN\alias) on Skype for Business Server topologies. */
  netbiosDomain?: string;
  /** ConfigureDomain on Skype for Business Server topologies; defaults to the Exchange domain when it differs from the SIP domain. */
  configureDomains?: readonly string[];
  /** ModernAuthEnabled (4.9–4.16); defaults to on where Exchange and meetings are both online. */
  modernAuth?: boolean;
  /** Site-wide console settings (devices, theme, ...); the room's account and meeting mode override them. */
  base?: SkypeSettings;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export function skypeSettingsForRoom(room: ResolvedRoom, site: Site, options: RoomSkypeSettingsOptions = {}): SkypeSettings {
  const era = options.era ?? siteConsoleEra(site);
  const revision = revisionOfEra(era);
  const topology = TOPOLOGIES[site.topology];
  const sfbServer = topology.meetings === 'sfb-server';
  const settings: SkypeSettings = { ...options.base };
  // Only what the era documents: the writer refuses anything else.
  const set = <K extends SettingKey>(key: K, value: SkypeSettings[K] | undefined) => {
    if (value !== undefined && documents(rowOf(key), revision)) settings[key] = value;
  };

  set('userAccount.skypeSignInAddress', room.upn);
  // Omitting ExchangeAddress does not make the console reuse the sign-in address (§3.3); the mailbox address is the UPN.
  set('userAccount.exchangeAddress', room.upn);
  if (options.password !== undefined && options.password !== '') set('userAccount.password', options.password);

  if (sfbServer) {
    if (options.netbiosDomain) set('userAccount.domainUsername', `${options.netbiosDomain}\\${room.alias}`);
    const sipDomain = domainOf(room.sipAddress);
    const exchangeDomain = domainOf(room.upn);
    // SRS v2 first-run setup: when the SIP domain differs from the Exchange domain, configure the Exchange domain.
    const domains = options.configureDomains ?? (sipDomain !== exchangeDomain ? [exchangeDomain] : undefined);
    if (domains && domains.length > 0) set('userAccount.configureDomain', domains.join(', '));
  }

  const modernAuth = options.modernAuth ?? (topology.exchange === 'online' && !sfbServer ? true : undefined);
  set('userAccount.modernAuthEnabled', modernAuth);

  for (const [key, value] of Object.entries(meetingModeSettings(room.meetingMode, era))) {
    set(key as SettingKey, value);
  }
  return settings;
}
