// Finding recipients by -Identity, and the rules every recipient shares: a name, alias and SMTP
// address nobody else uses, addresses in an accepted (verified) domain.
import type { DistributionGroupRecord, MailboxRecord } from '../state/records.ts';
import type { TenantState } from '../state/tenant.ts';
import { nameInUse, notAcceptedDomain, objectAmbiguous, objectNotFound, parameterBinding, propertyValueInUse, proxyAddressInUse } from './errors.ts';

export function oneMailbox(tenant: TenantState, identity: string): MailboxRecord {
  const found = tenant.findMailboxes(identity);
  if (found.length === 0) throw objectNotFound(identity);
  if (found.length > 1) throw objectAmbiguous(identity);
  return found[0]!;
}

export function oneGroup(tenant: TenantState, identity: string): DistributionGroupRecord {
  const found = tenant.findGroups(identity);
  if (found.length === 0) throw objectNotFound(identity);
  if (found.length > 1) throw objectAmbiguous(identity);
  return found[0]!;
}

export type Recipient = { kind: 'mailbox'; mailbox: MailboxRecord } | { kind: 'group'; group: DistributionGroupRecord };

export function oneRecipient(tenant: TenantState, identity: string): Recipient {
  const mailboxes = tenant.findMailboxes(identity);
  const groups = tenant.findGroups(identity);
  if (mailboxes.length + groups.length === 0) throw objectNotFound(identity);
  if (mailboxes.length + groups.length > 1) throw objectAmbiguous(identity);
  return mailboxes.length === 1 ? { kind: 'mailbox', mailbox: mailboxes[0]! } : { kind: 'group', group: groups[0]! };
}

const SMTP = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export function checkSmtpAddress(tenant: TenantState, address: string, parameter: string): void {
  if (!SMTP.test(address)) {
    throw parameterBinding(`Cannot process argument transformation on parameter '${parameter}'. Cannot convert value "${address}" to type "Microsoft.Exchange.Data.SmtpAddress". Error: "The email address "${address}" isn't correct. Please use this format: user name, the @ sign, followed by the domain name. For example, tonysmith@contoso.com or tony.smith@contoso.com."`);
  }
  const domain = address.split('@')[1]!;
  if (!tenant.verifiedDomain(domain)) throw notAcceptedDomain(address, domain);
}

/** Aliases take letters, digits and a few symbols; Exchange derives one from a name by dropping the rest. */
export function aliasFrom(text: string): string {
  return text.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, '').replace(/^\.+|\.+$/g, '') || 'mailbox';
}

export function checkUnique(tenant: TenantState, fields: { name?: string; alias?: string; addresses?: string[] }, except: { mailboxGuid?: string; groupGuid?: string; userId?: string } = {}): void {
  if (fields.name !== undefined && tenant.nameInUse(fields.name, except)) throw nameInUse(fields.name);
  if (fields.alias !== undefined && tenant.aliasOwner(fields.alias, except)) throw propertyValueInUse('Alias', fields.alias);
  for (const address of fields.addresses ?? []) {
    const owner = tenant.addressOwner(address, except);
    if (owner) throw proxyAddressInUse(address, owner);
  }
}
