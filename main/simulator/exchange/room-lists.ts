// Room lists: New-DistributionGroup -RoomList, Get-DistributionGroup, Get-DistributionGroupMember,
// Add-DistributionGroupMember. A room list takes only room mailboxes (and other room lists);
// adding a member twice is Exchange's MemberAlreadyExistsException.
import type { DistributionGroupRecord } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import type { CmdletDefinition } from './cmdlet.ts';
import { CmdletProblem, parameterBinding } from './errors.ts';
import { groupOutput, memberOutput } from './output.ts';
import { aliasFrom, checkSmtpAddress, checkUnique, oneGroup, oneRecipient } from './recipients.ts';

function addMember(tenant: TenantState, group: DistributionGroupRecord, identity: string): void {
  const recipient = oneRecipient(tenant, identity);
  const guid = recipient.kind === 'mailbox' ? recipient.mailbox.guid : recipient.group.guid;
  const fits = recipient.kind === 'mailbox' ? recipient.mailbox.type === 'RoomMailbox' : recipient.group.type === 'RoomList';
  if (group.type === 'RoomList' && !fits) {
    throw new CmdletProblem(400, 'Microsoft.Exchange.Management.Tasks.RecipientTaskException', `"${identity}" can't be added to the room list "${group.name}" because it isn't a room mailbox or a room list.`);
  }
  if (group.members.includes(guid)) {
    throw new CmdletProblem(400, 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException', `The recipient "${identity}" is already a member of the group "${group.name}".`);
  }
  group.members.push(guid);
}

export const newDistributionGroup: CmdletDefinition = {
  name: 'New-DistributionGroup',
  kind: 'write',
  parameters: {
    Name: { type: 'string' },
    Alias: { type: 'string' },
    DisplayName: { type: 'string' },
    PrimarySmtpAddress: { type: 'string' },
    RoomList: { type: 'switch' },
    Members: { type: 'strings' },
    Type: { type: 'enum', values: ['Distribution', 'Security'] },
    Notes: { type: 'string' },
    Description: { type: 'strings' },
    IgnoreNamingPolicy: { type: 'switch' },
  },
  mandatory: ['Name'],
  unsupported: ['ManagedBy', 'ModeratedBy', 'ModerationEnabled', 'MemberJoinRestriction', 'MemberDepartRestriction', 'CopyOwnerToMember', 'HiddenGroupMembershipEnabled', 'BccBlocked', 'RequireSenderAuthenticationEnabled', 'OrganizationalUnit', 'SamAccountName', 'ArbitrationMailbox', 'SendModerationNotifications', 'BypassNestedModerationEnabled'],
  run(call, p) {
    if (p.Type === 'Security') throw parameterBinding('The simulated tenant does not model mail-enabled security groups.');
    const name = String(p.Name);
    const alias = (p.Alias as string | undefined) ?? aliasFrom(name);
    const address = (p.PrimarySmtpAddress as string | undefined) ?? `${alias}@${call.tenant.defaultDomain()}`;
    checkSmtpAddress(call.tenant, address, 'PrimarySmtpAddress');
    checkUnique(call.tenant, { name, alias, addresses: [address, `${alias}@${call.tenant.initialDomain}`] });
    const now = call.tenant.now();
    const group: DistributionGroupRecord = {
      guid: call.tenant.ids.uuid(),
      objectId: call.tenant.ids.uuid(),
      name,
      alias,
      displayName: (p.DisplayName as string | undefined) ?? name,
      primarySmtpAddress: address,
      emailAddresses: [`SMTP:${address}`, `smtp:${alias}@${call.tenant.initialDomain}`].filter((a, i, all) => all.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i),
      type: p.RoomList === true ? 'RoomList' : 'MailUniversalDistributionGroup',
      members: [],
      whenCreated: now,
      visibleAt: now + call.tenant.replicationLagMs,
    };
    call.tenant.distributionGroups.set(group.guid, group);
    try {
      for (const member of (p.Members as string[] | undefined) ?? []) addMember(call.tenant, group, member);
    } catch (error) {
      // A member that cannot be added fails the whole cmdlet: no half-made group is left behind.
      call.tenant.distributionGroups.delete(group.guid);
      throw error;
    }
    return { values: [groupOutput(call.tenant, group)], warnings: [] };
  },
};

export const getDistributionGroup: CmdletDefinition = {
  name: 'Get-DistributionGroup',
  kind: 'read',
  parameters: { Identity: { type: 'string' }, RecipientTypeDetails: { type: 'strings' }, ResultSize: { type: 'sizeOrUnlimited' } },
  unsupported: ['Anr', 'Filter', 'ManagedBy', 'OrganizationalUnit', 'SortBy'],
  run(call, p) {
    if (typeof p.Identity === 'string') return { values: [groupOutput(call.tenant, oneGroup(call.tenant, p.Identity))], warnings: [] };
    const wanted = (p.RecipientTypeDetails as string[] | undefined)?.map((t) => t.toLowerCase());
    const groups = [...call.tenant.distributionGroups.values()].filter((g) => !wanted || wanted.includes(g.type.toLowerCase()));
    return { values: groups.map((g) => groupOutput(call.tenant, g)), warnings: [] };
  },
};

export const getDistributionGroupMember: CmdletDefinition = {
  name: 'Get-DistributionGroupMember',
  kind: 'read',
  parameters: { Identity: { type: 'string' }, ResultSize: { type: 'sizeOrUnlimited' } },
  mandatory: ['Identity'],
  run(call, p) {
    const group = oneGroup(call.tenant, String(p.Identity));
    return { values: group.members.map((m) => memberOutput(call.tenant, m)).filter((m): m is Record<string, unknown> => m !== undefined), warnings: [] };
  },
};

export const addDistributionGroupMember: CmdletDefinition = {
  name: 'Add-DistributionGroupMember',
  kind: 'write',
  parameters: { Identity: { type: 'string' }, Member: { type: 'string' }, BypassSecurityGroupManagerCheck: { type: 'switch' } },
  mandatory: ['Identity', 'Member'],
  run(call, p) {
    addMember(call.tenant, oneGroup(call.tenant, String(p.Identity)), String(p.Member));
    return { values: [], warnings: [] };
  },
};
