// New-Mailbox, Set-Mailbox, Get-Mailbox as Exchange Online runs them.
// New-Mailbox -Room creates the mailbox at once and its Entra user, which Graph and Places see only
// after the replication lag. The account stays disabled and gets no password: the cmdlet reference
// says -EnableRoomMailboxAccount and -RoomMailboxPassword are functional only in on-premises
// Exchange and points Exchange Online to Microsoft Graph (accountEnabled, passwordProfile), which
// is what RoomReady's plan does next (mtr-facts §1.5a). On-premises-only parameters
// (-UserPrincipalName, -SamAccountName, -OrganizationalUnit) do not exist in Exchange Online.
import type { MailboxRecord, MailboxType } from '../state/records.ts';
import { addressOf } from '../state/tenant.ts';
import { noChangeWarning, type CmdletDefinition, type CmdletResult, type ExchangeCall } from './cmdlet.ts';
import { notAcceptedDomain, parameterBinding, propertyValueInUse, taskError } from './errors.ts';
import { mailboxOutput } from './output.ts';
import { aliasFrom, checkSmtpAddress, checkUnique, oneMailbox } from './recipients.ts';

const TYPES: Record<string, MailboxType> = { Regular: 'UserMailbox', Room: 'RoomMailbox', Equipment: 'EquipmentMailbox', Shared: 'SharedMailbox' };

function checkUpnAvailable(call: ExchangeCall, upn: string, exceptUserId?: string): void {
  const domain = upn.split('@')[1] ?? '';
  if (!/^[^@\s]+@[^@\s]+$/.test(upn) || !call.tenant.verifiedDomain(domain)) throw notAcceptedDomain(upn, domain);
  if (call.tenant.upnOwner(upn, exceptUserId)) throw propertyValueInUse('UserPrincipalName', upn);
}

export const newMailbox: CmdletDefinition = {
  name: 'New-Mailbox',
  kind: 'write',
  parameters: {
    Name: { type: 'string' },
    Alias: { type: 'string' },
    DisplayName: { type: 'string' },
    MicrosoftOnlineServicesID: { type: 'string' },
    PrimarySmtpAddress: { type: 'string' },
    Room: { type: 'switch' },
    Equipment: { type: 'switch' },
    Shared: { type: 'switch' },
    EnableRoomMailboxAccount: { type: 'boolean' },
    RoomMailboxPassword: { type: 'secret' },
    Password: { type: 'secret' },
    ResourceCapacity: { type: 'int' },
    FirstName: { type: 'string' },
    LastName: { type: 'string' },
    Office: { type: 'string' },
    Phone: { type: 'string' },
    ResetPasswordOnNextLogon: { type: 'boolean' },
    Force: { type: 'switch' },
  },
  mandatory: ['Name'],
  unsupported: ['Arbitration', 'Discovery', 'PublicFolder', 'Migration', 'LinkedRoom', 'InactiveMailbox', 'RemovedMailbox', 'Archive', 'MailboxPlan', 'ImmutableId', 'FederatedIdentity'],
  run(call, p): CmdletResult {
    const kinds = (['Room', 'Equipment', 'Shared'] as const).filter((k) => p[k] === true);
    if (kinds.length > 1 || (p.EnableRoomMailboxAccount !== undefined && p.Room !== true) || (p.RoomMailboxPassword !== undefined && p.EnableRoomMailboxAccount === undefined)) {
      throw parameterBinding('Parameter set cannot be resolved using the specified named parameters.');
    }
    const type: MailboxType = kinds[0] === 'Room' ? 'RoomMailbox' : kinds[0] === 'Equipment' ? 'EquipmentMailbox' : kinds[0] === 'Shared' ? 'SharedMailbox' : 'UserMailbox';
    const name = String(p.Name);
    const mosid = p.MicrosoftOnlineServicesID as string | undefined;
    if (type === 'UserMailbox' && (mosid === undefined || p.Password === undefined)) {
      throw parameterBinding('Cannot process command because of one or more missing mandatory parameters: MicrosoftOnlineServicesID Password.');
    }
    const primary = (p.PrimarySmtpAddress as string | undefined) ?? mosid;
    const alias = (p.Alias as string | undefined) ?? aliasFrom(primary ? primary.split('@')[0]! : name);
    const primaryAddress = primary ?? `${alias}@${call.tenant.defaultDomain()}`;
    checkSmtpAddress(call.tenant, primaryAddress, 'PrimarySmtpAddress');
    const upn = mosid ?? `${alias}@${call.tenant.initialDomain}`;
    checkUnique(call.tenant, { name, alias, addresses: [primaryAddress, `${alias}@${call.tenant.initialDomain}`] });
    checkUpnAvailable(call, upn);

    const displayName = (p.DisplayName as string | undefined) ?? name;
    const now = call.tenant.now();
    // The Entra account of a resource or shared mailbox is disabled; Graph sees it after the lag.
    const user = call.tenant.newUser({
      userPrincipalName: upn,
      displayName,
      mailNickname: alias,
      givenName: (p.FirstName as string | undefined) ?? null,
      surname: (p.LastName as string | undefined) ?? null,
      accountEnabled: type === 'UserMailbox',
      password: type === 'UserMailbox' && typeof p.Password === 'string' ? p.Password : undefined,
      forceChangePasswordNextSignIn: p.ResetPasswordOnNextLogon === true,
      visibleAt: now + call.tenant.replicationLagMs,
    });
    const mailbox = call.tenant.newMailbox({ userId: user.id, name, alias, displayName, primarySmtpAddress: primaryAddress, type, resourceCapacity: (p.ResourceCapacity as number | undefined) ?? null });
    if (typeof p.Office === 'string') mailbox.place.building = p.Office;
    if (typeof p.Phone === 'string') mailbox.place.phone = p.Phone;
    return { values: [mailboxOutput(call.tenant, mailbox)], warnings: [] };
  },
};

function setPrimaryAddress(mailbox: MailboxRecord, address: string): void {
  const others = mailbox.emailAddresses.filter((a) => addressOf(a).toLowerCase() !== address.toLowerCase()).map((a) => (a.startsWith('SMTP:') ? `smtp:${addressOf(a)}` : a));
  mailbox.emailAddresses = [`SMTP:${address}`, ...others];
  mailbox.primarySmtpAddress = address;
}

export const setMailbox: CmdletDefinition = {
  name: 'Set-Mailbox',
  kind: 'write',
  parameters: {
    Identity: { type: 'string' },
    Type: { type: 'enum', values: ['Regular', 'Room', 'Equipment', 'Shared', 'Workspace', 'Desk'] },
    MicrosoftOnlineServicesID: { type: 'string' },
    EnableRoomMailboxAccount: { type: 'boolean' },
    RoomMailboxPassword: { type: 'secret' },
    ResourceCapacity: { type: 'int' },
    DisplayName: { type: 'string' },
    Alias: { type: 'string' },
    Name: { type: 'string' },
    PrimarySmtpAddress: { type: 'string' },
    WindowsEmailAddress: { type: 'string' },
    HiddenFromAddressListsEnabled: { type: 'boolean' },
    Office: { type: 'string' },
    Force: { type: 'switch' },
  },
  mandatory: ['Identity'],
  unsupported: ['EmailAddresses', 'UserPrincipalName', 'Password', 'ResourceCustom'],
  run(call, p): CmdletResult {
    const identity = String(p.Identity);
    const mailbox = oneMailbox(call.tenant, identity);
    const user = call.tenant.userOfMailbox(mailbox);
    const before = JSON.stringify({ mailbox, upn: user?.userPrincipalName });
    if (p.Type !== undefined) {
      const target = TYPES[String(p.Type)];
      if (!target) throw taskError(`The simulated tenant does not model mailbox type ${String(p.Type)}.`);
      if (target !== mailbox.type) {
        const wasResource = call.tenant.mailboxTypeIsResource(mailbox.type);
        mailbox.type = target;
        // The resource booking assistant starts (or stops) answering with the conversion.
        if (call.tenant.mailboxTypeIsResource(target) && !wasResource) mailbox.calendar.AutomateProcessing = 'AutoAccept';
        if (!call.tenant.mailboxTypeIsResource(target) && wasResource) mailbox.calendar.AutomateProcessing = 'AutoUpdate';
      }
    }
    if (p.EnableRoomMailboxAccount !== undefined && !call.tenant.mailboxTypeIsResource(mailbox.type)) {
      throw taskError(`The EnableRoomMailboxAccount parameter can only be used with room mailboxes. '${identity}' is a ${mailbox.type}.`);
    }
    const mosid = p.MicrosoftOnlineServicesID as string | undefined;
    if (mosid !== undefined && user && mosid !== user.userPrincipalName) {
      if (mosid.toLowerCase() !== user.userPrincipalName.toLowerCase()) checkUpnAvailable(call, mosid, user.id);
      user.userPrincipalName = mosid;
    }
    if (p.ResourceCapacity !== undefined) mailbox.resourceCapacity = p.ResourceCapacity as number | null;
    if (typeof p.DisplayName === 'string') mailbox.displayName = p.DisplayName;
    if (typeof p.Name === 'string' && p.Name !== mailbox.name) {
      checkUnique(call.tenant, { name: p.Name }, { mailboxGuid: mailbox.guid });
      mailbox.name = p.Name;
    }
    if (typeof p.Alias === 'string' && p.Alias !== mailbox.alias) {
      checkUnique(call.tenant, { alias: p.Alias }, { mailboxGuid: mailbox.guid });
      mailbox.alias = p.Alias;
    }
    const primary = (p.PrimarySmtpAddress ?? p.WindowsEmailAddress) as string | undefined;
    if (primary !== undefined && primary.toLowerCase() !== mailbox.primarySmtpAddress.toLowerCase()) {
      checkSmtpAddress(call.tenant, primary, 'PrimarySmtpAddress');
      checkUnique(call.tenant, { addresses: [primary] }, { mailboxGuid: mailbox.guid });
      setPrimaryAddress(mailbox, primary);
    }
    if (typeof p.Office === 'string') mailbox.place.building = p.Office;
    const changed = JSON.stringify({ mailbox, upn: user?.userPrincipalName }) !== before;
    if (changed) mailbox.whenChanged = call.tenant.now();
    return { values: [], warnings: changed ? [] : [noChangeWarning(identity)] };
  },
};

const RECIPIENT_TYPE_DETAILS = ['UserMailbox', 'RoomMailbox', 'SharedMailbox', 'EquipmentMailbox'];

/** The -Filter forms the simulator reads: "Property -eq 'value'" clauses joined by -and. */
function filterMailboxes(call: ExchangeCall, mailboxes: MailboxRecord[], filter: string): MailboxRecord[] {
  const clauses = filter.split(/\s+-and\s+/i).map((clause) => {
    const m = /^\s*\(?\s*([A-Za-z]+)\s+-(eq|ne|like)\s+(?:'([^']*)'|"([^"]*)"|(\$true|\$false|\$null))\s*\)?\s*$/i.exec(clause);
    if (!m) throw parameterBinding(`Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax. For a description of the filter parameter syntax see the command help. "${filter}" at position 1."`);
    const literal = m[5] ? ({ $true: true, $false: false, $null: null } as Record<string, unknown>)[m[5].toLowerCase()] : (m[3] ?? m[4]);
    return { property: m[1]!, op: m[2]!.toLowerCase(), literal };
  });
  return mailboxes.filter((mailbox) => {
    const view = mailboxOutput(call.tenant, mailbox);
    return clauses.every(({ property, op, literal }) => {
      const key = Object.keys(view).find((k) => k.toLowerCase() === property.toLowerCase());
      const actual = key === undefined ? undefined : view[key];
      const equal = typeof actual === 'string' && typeof literal === 'string' ? actual.toLowerCase() === literal.toLowerCase() : actual === literal;
      if (op === 'eq') return equal;
      if (op === 'ne') return !equal;
      const pattern = new RegExp(`^${String(literal).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
      return typeof actual === 'string' && pattern.test(actual);
    });
  });
}

export const getMailbox: CmdletDefinition = {
  name: 'Get-Mailbox',
  kind: 'read',
  parameters: {
    Identity: { type: 'string' },
    RecipientTypeDetails: { type: 'strings' },
    ResultSize: { type: 'sizeOrUnlimited' },
    Filter: { type: 'string' },
  },
  unsupported: ['Anr', 'Arbitration', 'Archive', 'Database', 'InactiveMailboxOnly', 'IncludeInactiveMailbox', 'SoftDeletedMailbox', 'PublicFolder', 'GroupMailbox', 'OrganizationalUnit', 'SortBy', 'MailboxPlan'],
  run(call, p): CmdletResult {
    if (typeof p.Identity === 'string') return { values: [mailboxOutput(call.tenant, oneMailbox(call.tenant, p.Identity))], warnings: [] };
    let mailboxes = [...call.tenant.mailboxes.values()];
    if (Array.isArray(p.RecipientTypeDetails)) {
      const wanted = (p.RecipientTypeDetails as string[]).map((t) => {
        const canonical = RECIPIENT_TYPE_DETAILS.find((r) => r.toLowerCase() === t.toLowerCase());
        if (!canonical) throw parameterBinding(`Cannot bind parameter 'RecipientTypeDetails'. The value "${t}" is not a recipient type the simulated tenant holds (${RECIPIENT_TYPE_DETAILS.join(', ')}).`);
        return canonical;
      });
      mailboxes = mailboxes.filter((m) => wanted.includes(m.type));
    }
    if (typeof p.Filter === 'string') mailboxes = filterMailboxes(call, mailboxes, p.Filter);
    const size = typeof p.ResultSize === 'number' ? p.ResultSize : 1000;
    const warnings = mailboxes.length > size ? [`By default, only the first ${size} items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify "-ResultSize Unlimited". Be aware that, depending on the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes.`] : [];
    return { values: mailboxes.slice(0, size).map((m) => mailboxOutput(call.tenant, m)), warnings };
  },
};
