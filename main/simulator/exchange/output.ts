// Objects as the Exchange admin API writes them: PowerShell property names, collections annotated
// "@odata.type": "#Collection(String)", GUIDs and dates annotated with their .NET type (as in a
// real Get-Mailbox answer), ready for the {"@odata.context", "value": [...]} envelope.
import type { DistributionGroupRecord, MailboxRecord } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import { EXCHANGE_SERVER } from './errors.ts';

export class Guid {
  constructor(readonly value: string) {}
}

export class DateTimeValue {
  constructor(readonly ms: number) {}
}

/** Serialises one object: arrays, GUIDs and dates get their OData annotations. */
export function annotate(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) {
      out[`${name}@odata.type`] = '#Collection(String)';
      out[name] = value;
    } else if (value instanceof Guid) {
      out[`${name}@data.type`] = 'System.Guid';
      out[`${name}@odata.type`] = '#Guid';
      out[name] = value.value;
    } else if (value instanceof DateTimeValue) {
      out[`${name}@data.type`] = 'System.DateTime';
      out[name] = new Date(value.ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
    } else {
      out[name] = value;
    }
  }
  return out;
}

const RECIPIENT_TYPE = 'UserMailbox';

function organizationalUnit(tenant: TenantState): string {
  return `${EXCHANGE_SERVER.toLowerCase()}/Microsoft Exchange Hosted Organizations/${tenant.initialDomain}`;
}

function distinguishedName(tenant: TenantState, name: string): string {
  const dc = EXCHANGE_SERVER.split('.')
    .map((p) => `DC=${p}`)
    .join(',');
  return `CN=${name},OU=${tenant.initialDomain},OU=Microsoft Exchange Hosted Organizations,${dc}`;
}

export function mailboxOutput(tenant: TenantState, mailbox: MailboxRecord): Record<string, unknown> {
  const user = tenant.userOfMailbox(mailbox);
  const resource = tenant.mailboxTypeIsResource(mailbox.type);
  const upn = user?.userPrincipalName ?? '';
  return annotate({
    Identity: mailbox.name,
    Id: mailbox.name,
    Name: mailbox.name,
    Alias: mailbox.alias,
    DisplayName: mailbox.displayName,
    PrimarySmtpAddress: mailbox.primarySmtpAddress,
    WindowsEmailAddress: mailbox.primarySmtpAddress,
    UserPrincipalName: upn,
    MicrosoftOnlineServicesID: upn,
    WindowsLiveID: upn,
    EmailAddresses: [...mailbox.emailAddresses],
    RecipientType: RECIPIENT_TYPE,
    RecipientTypeDetails: mailbox.type,
    IsResource: resource,
    IsShared: mailbox.type === 'SharedMailbox',
    ResourceType: mailbox.type === 'RoomMailbox' ? 'Room' : mailbox.type === 'EquipmentMailbox' ? 'Equipment' : null,
    ResourceCapacity: mailbox.resourceCapacity,
    ResourceCustom: [],
    RoomMailboxAccountEnabled: resource ? (user?.accountEnabled ?? false) : null,
    AccountDisabled: !(user?.accountEnabled ?? false),
    ExternalDirectoryObjectId: mailbox.userId,
    ExchangeGuid: new Guid(mailbox.exchangeGuid),
    ExchangeObjectId: new Guid(mailbox.guid),
    Guid: new Guid(mailbox.guid),
    HiddenFromAddressListsEnabled: false,
    Office: mailbox.place.building ?? '',
    IsDirSynced: user?.onPremisesSyncEnabled === true,
    DistinguishedName: distinguishedName(tenant, mailbox.name),
    OrganizationalUnit: organizationalUnit(tenant),
    OrganizationalUnitRoot: tenant.initialDomain,
    ExchangeVersion: '0.20 (15.0.0.0)',
    IsValid: true,
    WhenCreated: new DateTimeValue(mailbox.whenCreated),
    WhenCreatedUTC: new DateTimeValue(mailbox.whenCreated),
    WhenChanged: new DateTimeValue(mailbox.whenChanged),
    WhenChangedUTC: new DateTimeValue(mailbox.whenChanged),
  });
}

export function calendarOutput(mailbox: MailboxRecord): Record<string, unknown> {
  return annotate({ Identity: mailbox.name, MailboxOwnerId: mailbox.name, ...structuredClone(mailbox.calendar), IsValid: true, ObjectState: 'Unchanged' });
}

export function regionalOutput(mailbox: MailboxRecord): Record<string, unknown> {
  return annotate({
    Identity: mailbox.name,
    DateFormat: mailbox.regional.DateFormat,
    Language: mailbox.regional.Language,
    DefaultFolderNameMatchingUserLanguage: false,
    TimeFormat: mailbox.regional.TimeFormat,
    TimeZone: mailbox.regional.TimeZone,
  });
}

export function placeOutput(mailbox: MailboxRecord): Record<string, unknown> {
  const p = mailbox.place;
  return annotate({
    Identity: mailbox.name,
    DisplayName: mailbox.displayName,
    Type: mailbox.type === 'RoomMailbox' ? 'Room' : 'Workspace',
    Street: p.street,
    City: p.city,
    State: p.state,
    PostalCode: p.postalCode,
    CountryOrRegion: p.countryOrRegion,
    GeoCoordinates: p.geoCoordinates,
    Phone: p.phone,
    Capacity: mailbox.resourceCapacity,
    Building: p.building,
    Label: p.label,
    AudioDeviceName: p.audioDeviceName,
    VideoDeviceName: p.videoDeviceName,
    DisplayDeviceName: p.displayDeviceName,
    MTREnabled: p.mtrEnabled,
    IsWheelChairAccessible: p.isWheelChairAccessible,
    Floor: p.floorNumber,
    FloorLabel: p.floorLabel,
    Tags: [...p.tags],
    Localities: [],
    BookingType: 'Standard',
    SpaceType: 'Room',
    ParentId: null,
    ParentType: 'None',
    IsValid: true,
  });
}

export function groupOutput(tenant: TenantState, group: DistributionGroupRecord): Record<string, unknown> {
  return annotate({
    Identity: group.name,
    Id: group.name,
    Name: group.name,
    DisplayName: group.displayName,
    Alias: group.alias,
    PrimarySmtpAddress: group.primarySmtpAddress,
    WindowsEmailAddress: group.primarySmtpAddress,
    EmailAddresses: [...group.emailAddresses],
    RecipientType: 'MailUniversalDistributionGroup',
    RecipientTypeDetails: group.type,
    GroupType: 'Universal',
    ManagedBy: [],
    MemberJoinRestriction: 'Closed',
    MemberDepartRestriction: 'Closed',
    HiddenFromAddressListsEnabled: false,
    IsDirSynced: false,
    ExternalDirectoryObjectId: group.objectId,
    Guid: new Guid(group.guid),
    DistinguishedName: distinguishedName(tenant, group.name),
    WhenCreated: new DateTimeValue(group.whenCreated),
    WhenCreatedUTC: new DateTimeValue(group.whenCreated),
  });
}

/** A member as Get-DistributionGroupMember lists it (a ReducedRecipient). */
export function memberOutput(tenant: TenantState, memberGuid: string): Record<string, unknown> | undefined {
  const mailbox = tenant.mailboxes.get(memberGuid);
  if (mailbox) {
    return annotate({
      Identity: mailbox.name,
      Name: mailbox.name,
      DisplayName: mailbox.displayName,
      Alias: mailbox.alias,
      PrimarySmtpAddress: mailbox.primarySmtpAddress,
      RecipientType: RECIPIENT_TYPE,
      RecipientTypeDetails: mailbox.type,
      ExternalDirectoryObjectId: mailbox.userId,
      Guid: new Guid(mailbox.guid),
    });
  }
  const group = tenant.distributionGroups.get(memberGuid);
  if (!group) return undefined;
  return annotate({
    Identity: group.name,
    Name: group.name,
    DisplayName: group.displayName,
    Alias: group.alias,
    PrimarySmtpAddress: group.primarySmtpAddress,
    RecipientType: 'MailUniversalDistributionGroup',
    RecipientTypeDetails: group.type,
    ExternalDirectoryObjectId: group.objectId,
    Guid: new Guid(group.guid),
  });
}
