// Every step a room account can need, defined once. A step builder returns undefined when the room
// has nothing for it to do (no time zone given, no room list...). Which steps a topology uses, and
// in what order, is in sequences.ts. Facts: mtr-facts.md §1 and §6; cmdlet-params.json.
import type { ResolvedRoom, Site } from '../model.ts';
import { displayNameFilter } from '../odata.ts';
import { TOPOLOGIES, type Topology } from '../topology.ts';
import { CALENDAR_PROCESSING } from './calendar.ts';
import type { PropertyRule, Step, StepId } from './types.ts';

export interface StepContext {
  room: ResolvedRoom;
  site: Site;
  topology: Topology;
}

type StepBuilder = (context: StepContext) => Step | undefined;

const PASSWORD = { secret: 'room-password' } as const;
const PASSWORD_PROFILE = { secret: 'room-password-profile' } as const;
// The ActiveDirectory module resolves $Upn itself, from the scope that runs the read: every room
// section of a generated script sets $Upn to the room's UPN. The UPN never enters the filter text.
const AD_FILTER_BY_UPN = 'UserPrincipalName -eq $Upn';

function rules(entries: Array<[property: string, expected: string | number | boolean]>): PropertyRule[] {
  return entries.map(([property, expected]) => ({ property, expected, write: { parameter: property, value: expected } }));
}

/** Place fields a room may carry, with the Set-Place parameter each one sets. */
function placeRules(room: ResolvedRoom): PropertyRule[] {
  const entries: Array<[string, string | number]> = [];
  if (room.capacity !== undefined) entries.push(['Capacity', room.capacity]);
  if (room.building) entries.push(['Building', room.building]);
  if (room.floor) entries.push(/^-?\d{1,4}$/.test(room.floor) ? ['Floor', Number(room.floor)] : ['FloorLabel', room.floor]);
  if (room.street) entries.push(['Street', room.street]);
  if (room.city) entries.push(['City', room.city]);
  if (room.state) entries.push(['State', room.state]);
  if (room.postalCode) entries.push(['PostalCode', room.postalCode]);
  if (room.countryOrRegion) entries.push(['CountryOrRegion', room.countryOrRegion.toUpperCase()]);
  return rules(entries);
}

/** The same location facts on Exchange Server, which has no Places: Set-User address fields. */
function userLocationRules(room: ResolvedRoom): PropertyRule[] {
  const entries: Array<[string, string]> = [];
  const office = [room.building, room.floor ? `Floor ${room.floor}` : undefined].filter(Boolean).join(', ');
  if (office) entries.push(['Office', office]);
  if (room.street) entries.push(['StreetAddress', room.street]);
  if (room.city) entries.push(['City', room.city]);
  if (room.state) entries.push(['StateOrProvince', room.state]);
  if (room.postalCode) entries.push(['PostalCode', room.postalCode]);
  // No CountryOrRegion: Get-User reads it back as a country object ("United States"), never "US".
  return rules(entries);
}

const mailboxIsRoom: PropertyRule = { property: 'RecipientTypeDetails', expected: 'RoomMailbox' };
const primarySmtpIs = (upn: string): PropertyRule => ({ property: 'PrimarySmtpAddress', expected: upn });

export const STEP_BUILDERS: Record<StepId, StepBuilder> = {
  'ad.user': ({ room, topology }) => ({
    id: 'ad.user',
    kind: 'create',
    title: 'Active Directory user for the room',
    system: 'active-directory',
    runtime: 'active-directory',
    target: room.upn,
    purpose: 'The console signs in with this account; in hybrid deployments it is the source of the cloud account.',
    read: { cmdlet: 'Get-ADUser', parameters: { Filter: AD_FILTER_BY_UPN, Properties: ['Enabled', 'PasswordNeverExpires'] } },
    create: {
      cmdlet: 'New-ADUser',
      parameters: {
        Name: room.mailboxName,
        DisplayName: room.displayName,
        UserPrincipalName: room.upn,
        SamAccountName: room.samAccountName,
        ...(room.organizationalUnit ? { Path: room.organizationalUnit } : {}),
        AccountPassword: PASSWORD,
        Enabled: true,
        PasswordNeverExpires: true,
        // Hybrid with Exchange Online: the proxy address lets directory sync soft-match the cloud mailbox.
        ...(topology.exchange === 'online' ? { EmailAddress: room.upn, OtherAttributes: { hashtable: { proxyAddresses: `SMTP:${room.upn}` } } } : {}),
      },
    },
    expect: [
      { property: 'Enabled', expected: true },
      { property: 'PasswordNeverExpires', expected: true },
    ],
    verification: 'Get-ADUser finds the UPN; the account is enabled and its password never expires.',
    remediation: 'Create the user in Active Directory Users and Computers in the rooms OU with "Password never expires" as the only option checked, or rerun the script.',
    source: 'mtr-facts §1.4 step 5, §1.5 step 1',
  }),

  'ad.password-never-expires': ({ room }) => ({
    id: 'ad.password-never-expires',
    kind: 'ensure',
    title: 'Password never expires (Active Directory)',
    system: 'active-directory',
    runtime: 'active-directory',
    target: room.upn,
    purpose: 'An expired password signs the console out of Teams/Skype and Exchange with nobody there to type a new one.',
    read: { cmdlet: 'Get-ADUser', parameters: { Filter: AD_FILTER_BY_UPN, Properties: ['PasswordNeverExpires'] } },
    write: { cmdlet: 'Set-ADUser', parameters: { Identity: { fromCurrent: 'DistinguishedName' } } },
    properties: rules([['PasswordNeverExpires', true]]),
    verification: 'Get-ADUser -Properties PasswordNeverExpires shows True.',
    remediation: 'Set-ADUser -PasswordNeverExpires $true, or a fine-grained password policy exception for the rooms OU if policy forbids it.',
    source: 'mtr-facts §1.3 step 4; §1.2 step 3 (Teams-era password include)',
  }),

  'ad.account-enabled': ({ room }) => ({
    id: 'ad.account-enabled',
    kind: 'ensure',
    title: 'Account enabled (Active Directory)',
    system: 'active-directory',
    runtime: 'active-directory',
    target: room.upn,
    purpose: 'A disabled account cannot authenticate to Exchange or Skype for Business.',
    read: { cmdlet: 'Get-ADUser', parameters: { Filter: AD_FILTER_BY_UPN, Properties: ['Enabled'] } },
    write: { cmdlet: 'Set-ADUser', parameters: { Identity: { fromCurrent: 'DistinguishedName' } } },
    properties: rules([['Enabled', true]]),
    verification: 'Get-ADUser shows Enabled = True.',
    remediation: 'Set-ADUser -Enabled $true (room mailboxes are created with a disabled account unless the room account is enabled).',
    source: 'mtr-facts §1.3 step 5',
  }),

  'exchange.room-mailbox': ({ room, topology }) => {
    const online = topology.exchange === 'online';
    return {
      id: 'exchange.room-mailbox',
      kind: 'create',
      title: 'Room mailbox with a sign-in enabled account',
      system: 'exchange',
      runtime: online ? 'exchange-online' : 'exchange-server',
      target: room.upn,
      purpose: 'The console shows this mailbox\'s calendar and joins the meetings booked in it; it must be a room mailbox.',
      read: { cmdlet: 'Get-Mailbox', parameters: { Identity: room.upn } },
      create: {
        cmdlet: 'New-Mailbox',
        parameters: {
          Name: room.mailboxName,
          Alias: room.alias,
          DisplayName: room.displayName,
          ...(online
            ? { MicrosoftOnlineServicesID: room.upn }
            : {
                UserPrincipalName: room.upn,
                SamAccountName: room.samAccountName,
                ...(room.organizationalUnit ? { OrganizationalUnit: room.organizationalUnit } : {}),
              }),
          PrimarySmtpAddress: room.upn,
          Room: true,
          EnableRoomMailboxAccount: true,
          RoomMailboxPassword: PASSWORD,
        },
      },
      expect: [mailboxIsRoom, primarySmtpIs(room.upn), { property: 'UserPrincipalName', expected: room.upn }],
      verification: 'Get-Mailbox shows RecipientTypeDetails RoomMailbox, PrimarySmtpAddress and UserPrincipalName both equal to the room UPN.',
      remediation:
        'If a mailbox with this address exists but is not a room, provision the room in "convert" mode. If New-Mailbox fails on the name, choose another Name: it must be unique.',
      source: online ? 'mtr-facts §1.2 step 2, §1.5a' : 'mtr-facts §1.3 step 2',
    };
  },

  'exchange.enable-room-mailbox': ({ room }) => ({
    id: 'exchange.enable-room-mailbox',
    kind: 'create',
    title: 'Room mailbox for the Active Directory user',
    system: 'exchange',
    runtime: 'exchange-server',
    target: room.upn,
    purpose: 'Gives the AD user the room mailbox whose calendar the console shows.',
    read: { cmdlet: 'Get-Mailbox', parameters: { Identity: room.upn } },
    create: {
      cmdlet: 'Enable-Mailbox',
      parameters: { Identity: room.upn, Room: true, Alias: room.alias, DisplayName: room.displayName, PrimarySmtpAddress: room.upn },
    },
    expect: [mailboxIsRoom, primarySmtpIs(room.upn)],
    verification: 'Get-Mailbox shows RecipientTypeDetails RoomMailbox and PrimarySmtpAddress equal to the UPN.',
    remediation: 'Run Enable-Mailbox -Room for the user in the Exchange Management Shell; the AD user must exist first.',
    source: 'mtr-facts §1.5 step 2',
  }),

  'exchange.convert-to-room': ({ room, topology }) => ({
    id: 'exchange.convert-to-room',
    kind: 'ensure',
    title: 'Existing mailbox is a room mailbox whose UPN equals its address',
    system: 'exchange',
    runtime: topology.exchange === 'online' ? 'exchange-online' : 'exchange-server',
    target: room.upn,
    purpose: 'Teams Rooms needs a room mailbox whose UPN equals its primary SMTP address.',
    read: { cmdlet: 'Get-Mailbox', parameters: { Identity: room.upn } },
    write: { cmdlet: 'Set-Mailbox', parameters: { Identity: room.upn } },
    properties: [
      { property: 'RecipientTypeDetails', expected: 'RoomMailbox', write: { parameter: 'Type', value: 'Room' } },
      {
        property: 'UserPrincipalName',
        expected: room.upn,
        write: { parameter: topology.exchange === 'online' ? 'MicrosoftOnlineServicesID' : 'UserPrincipalName', value: room.upn },
      },
      primarySmtpIs(room.upn),
    ],
    verification: 'Get-Mailbox shows RecipientTypeDetails RoomMailbox; UserPrincipalName and PrimarySmtpAddress equal the room UPN.',
    remediation:
      'If the primary SMTP address differs, change the room\'s UPN column to the mailbox\'s primary address, or change the primary address first (mail flow and email address policies may be affected, so RoomReady does not do it).',
    source: 'mtr-facts §1.2 step 2 (convert), §1.0 (UPN = primary SMTP)',
  }),

  // Exchange Server only: in Exchange Online, entra.sign-in does this through Graph.
  'exchange.room-account': ({ room }) => ({
    id: 'exchange.room-account',
    kind: 'ensure',
    title: 'Room mailbox account enabled for sign-in',
    system: 'exchange',
    runtime: 'exchange-server',
    target: room.upn,
    purpose: 'A room mailbox without an enabled account and a password cannot sign in on the console.',
    read: { cmdlet: 'Get-Mailbox', parameters: { Identity: room.upn } },
    write: { cmdlet: 'Set-Mailbox', parameters: { Identity: room.upn } },
    properties: [
      {
        property: 'RoomMailboxAccountEnabled',
        expected: true,
        write: { parameter: 'EnableRoomMailboxAccount', value: true, with: { RoomMailboxPassword: PASSWORD } },
      },
    ],
    verification: 'Get-Mailbox shows RoomMailboxAccountEnabled = True.',
    remediation: 'Set-Mailbox -EnableRoomMailboxAccount $true -RoomMailboxPassword <password>.',
    source: 'mtr-facts §1.2 step 2, §1.3 step 2',
  }),

  'exchange.calendar-processing': ({ room, topology }) => ({
    id: 'exchange.calendar-processing',
    kind: 'ensure',
    title: 'Calendar processing for a Teams Rooms / Skype Room Systems room',
    system: 'exchange',
    runtime: topology.exchange === 'online' ? 'exchange-online' : 'exchange-server',
    target: room.upn,
    purpose:
      'Exchange defaults strip the meeting body (the join link), rename meetings after the organiser and drop external invites, so the console shows no Join button.',
    read: { cmdlet: 'Get-CalendarProcessing', parameters: { Identity: room.upn } },
    write: { cmdlet: 'Set-CalendarProcessing', parameters: { Identity: room.upn } },
    properties: rules([
      ...CALENDAR_PROCESSING.map((setting) => [setting.parameter, setting.value] as [string, boolean | string]),
      ['AdditionalResponse', room.additionalResponse],
    ]),
    verification: 'Get-CalendarProcessing shows each value listed in "sets".',
    remediation: 'Run Set-CalendarProcessing with the values listed; DeleteComments must stay False or the join link is removed.',
    source: 'mtr-facts §1.1',
  }),

  'exchange.regional-configuration': ({ room, topology }) =>
    room.timeZone
      ? {
          id: 'exchange.regional-configuration',
          kind: 'ensure',
          title: 'Mailbox time zone',
          system: 'exchange',
          runtime: topology.exchange === 'online' ? 'exchange-online' : 'exchange-server',
          target: room.upn,
          purpose: 'Meeting times and working hours on the console follow the mailbox time zone.',
          read: { cmdlet: 'Get-MailboxRegionalConfiguration', parameters: { Identity: room.upn } },
          write: { cmdlet: 'Set-MailboxRegionalConfiguration', parameters: { Identity: room.upn } },
          properties: rules([['TimeZone', room.timeZone]]),
          verification: 'Get-MailboxRegionalConfiguration shows the TimeZone.',
          remediation: 'Set-MailboxRegionalConfiguration -TimeZone with a Windows time zone ID.',
          source: 'peers.md §1.6 (Set-MailboxRegionalConfiguration)',
        }
      : undefined,

  'exchange.room-capacity': ({ room }) =>
    room.capacity !== undefined
      ? {
          id: 'exchange.room-capacity',
          kind: 'ensure',
          title: 'Room capacity',
          system: 'exchange',
          runtime: 'exchange-server',
          target: room.upn,
          purpose: 'Room finders and capacity notifications on the console use it.',
          read: { cmdlet: 'Get-Mailbox', parameters: { Identity: room.upn } },
          write: { cmdlet: 'Set-Mailbox', parameters: { Identity: room.upn } },
          properties: rules([['ResourceCapacity', room.capacity]]),
          verification: 'Get-Mailbox shows ResourceCapacity.',
          remediation: 'Set-Mailbox -ResourceCapacity <seats>.',
          source: 'cmdlet-params.json Set-Mailbox',
        }
      : undefined,

  'exchange.room-location': ({ room }) => {
    const properties = userLocationRules(room);
    return properties.length === 0
      ? undefined
      : {
          id: 'exchange.room-location',
          kind: 'ensure',
          title: 'Room location (Exchange Server)',
          system: 'exchange',
          runtime: 'exchange-server',
          target: room.upn,
          purpose: 'People find the room by building, floor and city in the address book and room finder.',
          read: { cmdlet: 'Get-User', parameters: { Identity: room.upn } },
          write: { cmdlet: 'Set-User', parameters: { Identity: room.upn } },
          properties,
          verification: 'Get-User shows the address fields.',
          remediation: 'Set-User with the address fields listed.',
          source: 'cmdlet-params.json Set-User',
        };
  },

  'places.metadata': ({ room }) => {
    const properties = placeRules(room);
    return properties.length === 0
      ? undefined
      : {
          id: 'places.metadata',
          kind: 'ensure',
          title: 'Room details in Places (building, floor, capacity, address)',
          system: 'places',
          runtime: 'exchange-online',
          target: room.upn,
          purpose: 'Room finder, Places and the console\'s capacity notification read these details.',
          read: { cmdlet: 'Get-Place', parameters: { Identity: room.upn } },
          write: { cmdlet: 'Set-Place', parameters: { Identity: room.upn } },
          properties,
          verification: 'Get-Place shows each value; Places can take up to 48 hours to show changes in room finder.',
          remediation: 'Set-Place with the values listed; if Get-Place does not find the room yet, wait for replication and rerun.',
          source: 'mtr-facts §1.6 (Room metadata)',
        };
  },

  'exchange.room-list': ({ room, topology }) =>
    room.roomList
      ? {
          id: 'exchange.room-list',
          kind: 'room-list',
          title: 'Room list membership',
          system: 'exchange',
          runtime: topology.exchange === 'online' ? 'exchange-online' : 'exchange-server',
          target: room.upn,
          list: room.roomList,
          member: room.upn,
          purpose: 'Outlook\'s room finder offers rooms by room list (usually one per building).',
          verification: 'Get-DistributionGroup shows the list with RecipientTypeDetails RoomList; Get-DistributionGroupMember lists the room.',
          remediation: 'New-DistributionGroup -RoomList creates the list; Add-DistributionGroupMember adds the room. A distribution group of the same name that is not a room list must be renamed first.',
          source: 'ARCHITECTURE.md (exchange.room-list); mtr-facts §1.6',
        }
      : undefined,

  'directory.sync': ({ room }) => ({
    id: 'directory.sync',
    kind: 'manual',
    title: 'Synchronise the account to Microsoft Entra ID',
    system: 'directory-sync',
    runtime: 'manual',
    target: room.upn,
    purpose: 'The on-premises account must reach Microsoft Entra ID (with its password hash) before it can be licensed and sign in to online services.',
    instructions: [
      'On the Microsoft Entra Connect server, start a delta synchronisation.',
      'Make sure password hash synchronisation covers the rooms OU: Teams Rooms authentication needs it in hybrid deployments.',
      'Confirm the room accounts appear in Microsoft Entra ID as synchronised users before running the Microsoft Graph script; it waits for each one and reports "pending" until it appears.',
    ],
    command: 'Start-ADSyncSyncCycle -PolicyType Delta',
    verification: 'The user shows "On-premises sync enabled: Yes" in the Microsoft Entra admin center.',
    remediation: 'Check the Entra Connect scoping (OU filtering) includes the rooms OU; with AD FS you may need to convert the user to managed first.',
    source: 'mtr-facts §1.0 (password sync), §1.4 step 5, §1.5 step 1',
  }),

  'entra.sign-in': ({ room }) => ({
    id: 'entra.sign-in',
    kind: 'ensure',
    title: 'Account enabled for sign-in, no forced password change',
    system: 'entra',
    runtime: 'graph',
    target: room.upn,
    purpose:
      'In Exchange Online the room mailbox\'s account is enabled and given its password through Microsoft Graph; a forced password change at first sign-in blocks the console.',
    read: { cmdlet: 'Get-MgUser', parameters: { UserId: room.upn, Property: ['Id', 'AccountEnabled'] } },
    write: { cmdlet: 'Update-MgUser', parameters: { UserId: room.upn } },
    properties: [
      { property: 'AccountEnabled', expected: true, write: { parameter: 'AccountEnabled', value: true, with: { PasswordProfile: PASSWORD_PROFILE } } },
    ],
    verification: 'Get-MgUser -Property AccountEnabled shows True; a sign-in test with the room password succeeds without a password change.',
    remediation: 'Update-MgUser -AccountEnabled with a PasswordProfile whose ForceChangePasswordNextSignIn is $false.',
    source: 'mtr-facts §1.5a, §1.6 (Create user)',
  }),

  'entra.password-never-expires': ({ room }) => ({
    id: 'entra.password-never-expires',
    kind: 'ensure',
    title: 'Password never expires (Microsoft Entra ID)',
    system: 'entra',
    runtime: 'graph',
    target: room.upn,
    purpose: 'Microsoft documents "password never expires" as a requirement for shared Teams devices.',
    read: { cmdlet: 'Get-MgUser', parameters: { UserId: room.upn, Property: ['Id', 'PasswordPolicies'] } },
    write: { cmdlet: 'Update-MgUser', parameters: { UserId: room.upn } },
    properties: [
      {
        property: 'PasswordPolicies',
        expected: 'DisablePasswordExpiration',
        match: 'token',
        write: { parameter: 'PasswordPolicies', value: 'DisablePasswordExpiration' },
      },
    ],
    verification: 'Get-MgUser -Property PasswordPolicies contains DisablePasswordExpiration.',
    remediation: 'Update-MgUser -PasswordPolicies DisablePasswordExpiration (keep any other policy already set, e.g. DisableStrongPassword).',
    source: 'mtr-facts §1.2 step 3 (current), §1.6',
  }),

  'entra.group-membership': ({ room }) =>
    room.conditionalAccessGroup
      ? {
          id: 'entra.group-membership',
          kind: 'group-membership',
          title: 'Member of the conditional-access exclusion group',
          system: 'entra',
          runtime: 'graph',
          target: room.upn,
          group: room.conditionalAccessGroup,
          groupFilter: displayNameFilter(room.conditionalAccessGroup),
          member: room.upn,
          purpose:
            'A console cannot do MFA or be a compliant device: conditional-access policies that demand either must exclude the room account, which admins do by excluding a security group.',
          verification: 'Get-MgUserMemberOf -UserId <UPN> lists the group; the policies that demand MFA or a compliant device exclude it.',
          remediation:
            'Create the security group (or correct its name in the site settings; exactly one group may have it), exclude it from every conditional-access policy that requires MFA or a compliant device, then New-MgGroupMember -GroupId <group id> -DirectoryObjectId <user id>.',
          source: 'mtr-facts §1.0 (MFA cannot be used on the account; no device-based Conditional Access on it)',
        }
      : undefined,

  'entra.usage-location': ({ room }) =>
    room.usageLocation
      ? {
          id: 'entra.usage-location',
          kind: 'ensure',
          title: 'Usage location',
          system: 'entra',
          runtime: 'graph',
          target: room.upn,
          purpose: 'A licence cannot be assigned before the usage location is set.',
          read: { cmdlet: 'Get-MgUser', parameters: { UserId: room.upn, Property: ['Id', 'UsageLocation'] } },
          write: { cmdlet: 'Update-MgUser', parameters: { UserId: room.upn } },
          properties: rules([['UsageLocation', room.usageLocation]]),
          verification: 'Get-MgUser -Property UsageLocation shows the two-letter country code.',
          remediation: 'Update-MgUser -UsageLocation <ISO 3166-1 alpha-2 code>.',
          source: 'mtr-facts §1.6 (Usage location)',
        }
      : undefined,

  'entra.license': ({ room }) =>
    room.license
      ? {
          id: 'entra.license',
          kind: 'license',
          title: 'Teams Rooms licence',
          system: 'entra',
          runtime: 'graph',
          target: room.upn,
          user: room.upn,
          skuPartNumber: room.license,
          purpose: 'Without a Teams Rooms licence the console cannot sign in to Teams (user licences are blocked on rooms).',
          verification: 'Get-MgUser -Property AssignedLicenses includes the SKU whose part number is listed.',
          remediation:
            'Buy or free a unit of the SKU (Get-MgSubscribedSku shows prepaid and consumed units; Basic is limited to 25 per tenant), then Set-MgUserLicense -AddLicenses @{SkuId = ...}.',
          source: 'mtr-facts §1.2 step 4 (Graph variant), §2',
        }
      : undefined,

  'sfb.meeting-room': ({ room }) =>
    room.registrarPool
      ? {
          id: 'sfb.meeting-room',
          kind: 'create',
          title: 'Enable the room for Skype for Business Server',
          system: 'skype-for-business',
          runtime: 'sfb-server',
          target: room.upn,
          purpose: 'The console signs in to Skype for Business Server as a meeting room; without it, no Skype meetings or calls.',
          read: { cmdlet: 'Get-CsMeetingRoom', parameters: { Identity: room.upn } },
          create: {
            cmdlet: 'Enable-CsMeetingRoom',
            parameters: { Identity: room.upn, RegistrarPool: room.registrarPool, SipAddress: room.sipAddress },
          },
          expect: [
            { property: 'Enabled', expected: true },
            { property: 'SipAddress', expected: room.sipAddress },
            { property: 'RegistrarPool', expected: room.registrarPool },
          ],
          verification: 'Get-CsMeetingRoom shows the room enabled with its SIP address on the registrar pool.',
          remediation: 'Enable-CsMeetingRoom -Identity <upn> -RegistrarPool <pool FQDN> -SipAddress sip:<upn>; the AD user must exist and be enabled.',
          source: 'mtr-facts §1.3 step 6, §1.4 step 7',
        }
      : undefined,

  'teams.online-user': ({ room }) => ({
    id: 'teams.online-user',
    kind: 'verify',
    title: 'Online meeting account (Teams; Skype for Business Online retired)',
    system: 'teams',
    runtime: 'teams',
    target: room.upn,
    purpose:
      'The seed enabled the room with Enable-CsMeetingRoom in Skype for Business Online, which was retired on 31 July 2021; today the licensed account is provisioned for Teams automatically and RoomReady verifies it.',
    read: { cmdlet: 'Get-CsOnlineUser', parameters: { Identity: room.upn } },
    expect: [
      { property: 'AccountEnabled', expected: true },
      { property: 'SipAddress', expected: room.sipAddress },
    ],
    verification: 'Get-CsOnlineUser finds the room with AccountEnabled True and SipAddress sip:<UPN>.',
    remediation: 'Assign the Teams Rooms licence and wait: Teams provisions licensed accounts within minutes to hours. Check the SIP address equals the UPN.',
    source: 'mtr-facts §1.2 steps 7–8, §1.5 step 5; OSfB Teams/rooms/rooms-legacy-licensing.md (retirement)',
  }),
};

export function topologyOf(site: Site): Topology {
  return TOPOLOGIES[site.topology];
}
