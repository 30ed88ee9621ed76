// The order of steps for each topology and provisioning mode: the fact sheet's orders (mtr-facts
// §1.2–1.5, §6), with every runtime in one contiguous block so each generated script runs once, in order.
import type { ProvisionMode } from '../model.ts';
import type { TopologyId } from '../topology.ts';
import type { StepId } from './types.ts';

const EXCHANGE_ONLINE_ROOM: StepId[] = ['exchange.calendar-processing', 'exchange.regional-configuration', 'places.metadata', 'exchange.room-list'];
const EXCHANGE_SERVER_ROOM: StepId[] = [
  'exchange.room-capacity',
  'exchange.room-location',
  'exchange.calendar-processing',
  'exchange.regional-configuration',
  'exchange.room-list',
];
// entra.group-membership (only when the site names the group its conditional-access policies
// exclude) comes before the licence: the console may sign in as soon as it is licensed.
const CLOUD_ONLY_ACCOUNT: StepId[] = ['entra.sign-in', 'entra.password-never-expires', 'entra.group-membership', 'entra.usage-location', 'entra.license'];
const SYNCED_ACCOUNT: StepId[] = ['directory.sync', 'entra.group-membership', 'entra.usage-location', 'entra.license'];
const AD_ACCOUNT: StepId[] = ['ad.password-never-expires', 'ad.account-enabled'];

export const SEQUENCES: Record<TopologyId, Record<ProvisionMode, StepId[]>> = {
  // Converting in Exchange Online: -EnableRoomMailboxAccount only works on premises (cmdlet reference,
  // mtr-facts §1.5a), so Graph enables the account and sets its password (entra.sign-in).
  'teams-online': {
    create: ['exchange.room-mailbox', ...EXCHANGE_ONLINE_ROOM, ...CLOUD_ONLY_ACCOUNT],
    convert: ['exchange.convert-to-room', ...EXCHANGE_ONLINE_ROOM, ...CLOUD_ONLY_ACCOUNT],
  },
  online: {
    create: ['exchange.room-mailbox', ...EXCHANGE_ONLINE_ROOM, ...CLOUD_ONLY_ACCOUNT, 'teams.online-user'],
    convert: ['exchange.convert-to-room', ...EXCHANGE_ONLINE_ROOM, ...CLOUD_ONLY_ACCOUNT, 'teams.online-user'],
  },
  onprem: {
    create: ['exchange.room-mailbox', ...EXCHANGE_SERVER_ROOM, ...AD_ACCOUNT, 'sfb.meeting-room'],
    convert: ['exchange.convert-to-room', 'exchange.room-account', ...EXCHANGE_SERVER_ROOM, ...AD_ACCOUNT, 'sfb.meeting-room'],
  },
  // The account is synchronised from AD, so AD (not Exchange Online or Graph) enables it and keeps
  // its password from expiring.
  'hybrid-exo-sfbserver': {
    create: ['exchange.room-mailbox', ...EXCHANGE_ONLINE_ROOM, 'ad.user', ...AD_ACCOUNT, ...SYNCED_ACCOUNT, 'sfb.meeting-room'],
    convert: ['exchange.convert-to-room', ...EXCHANGE_ONLINE_ROOM, 'ad.user', ...AD_ACCOUNT, ...SYNCED_ACCOUNT, 'sfb.meeting-room'],
  },
  'hybrid-exchange-onprem-sfbonline': {
    create: ['ad.user', ...AD_ACCOUNT, 'exchange.enable-room-mailbox', 'exchange.room-account', ...EXCHANGE_SERVER_ROOM, ...SYNCED_ACCOUNT, 'teams.online-user'],
    convert: ['exchange.convert-to-room', 'exchange.room-account', ...EXCHANGE_SERVER_ROOM, ...AD_ACCOUNT, ...SYNCED_ACCOUNT, 'teams.online-user'],
  },
};
