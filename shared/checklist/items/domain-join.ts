// Joining the console to Active Directory (mtr-facts.md §4.5). Every value reaches the command
// only as a PowerShell verbatim string (psString).
import { psString } from '../../powershell/literal.ts';
import { activeDirectoryDomain, consoleSetupPage, joinsDomain } from '../context.ts';
import { SOURCES } from '../facts.ts';
import type { ChecklistContext, ChecklistItemDefinition, ChecklistValue } from '../types.ts';
import { verbatim } from '../values.ts';


/** Add-Computer -DomainName <fqdn> [-OUPath <dn>] [-NewName <name>], as the console page documents it. */
export function addComputerCommand(domain: string, organizationalUnit?: string, newName?: string): string {
  const parts = ['Add-Computer', '-DomainName', psString(domain)];
  if (organizationalUnit) parts.push('-OUPath', psString(organizationalUnit));
  if (newName) parts.push('-NewName', psString(newName));
  return parts.join(' ');
}

function joinValues(context: ChecklistContext): ChecklistValue[] {
  const values = [verbatim('Domain', activeDirectoryDomain(context))];
  if (context.room.organizationalUnit) values.push(verbatim('OU', context.room.organizationalUnit));
  if (context.options.computerName) values.push(verbatim('New computer name', context.options.computerName));
  return values;
}

export const DOMAIN_JOIN_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'domain-join.own-ou',
    section: 'domain-join',
    kind: 'check',
    when: joinsDomain,
    text: (context) =>
      context.room.organizationalUnit
        ? 'The console goes into its own OU, apart from workstations.'
        : 'No OU is set for this room, so the computer account lands in the domain\'s default container: consoles belong in their own OU, apart from workstations.',
    why: 'Workstation policies such as password enforcement can stop the app from starting automatically.',
    source: consoleSetupPage,
  },
  {
    id: 'domain-join.add-computer',
    section: 'domain-join',
    kind: 'command',
    when: joinsDomain,
    text: 'Sign in as Admin, open an elevated PowerShell, run this command and restart the console.',
    values: joinValues,
    command: (context) => addComputerCommand(activeDirectoryDomain(context), context.room.organizationalUnit, context.options.computerName),
    why: (context) =>
      context.options.adDomain
        ? undefined
        : "The domain is taken from the room's UPN; if the Active Directory domain's DNS name differs, the site must name it.",
    source: consoleSetupPage,
  },
  {
    id: 'domain-join.local-admin',
    section: 'domain-join',
    kind: 'check',
    when: joinsDomain,
    text: 'You know the local Admin password: if the console loses its domain trust, that account is the way back in.',
    source: SOURCES.operations,
  },
];
