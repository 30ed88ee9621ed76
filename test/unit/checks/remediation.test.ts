// Every remediation and "check by hand" command, for every check in every topology, with a room
// whose values are hostile: it parses as PowerShell, calls real cmdlets with their full parameter
// names, and carries each value as a verbatim literal that decodes to exactly that value.
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, evaluateRoom, type Remediation } from '../../../shared/checks.ts';
import { TOPOLOGY_IDS } from '../../../shared/topology.ts';
import { ALLOWED_COMMANDS, REFERENCE, checkCall } from '../powershell/support/cmdlet-reference.ts';
import { invocations, literalArgument, loadPowerShell, parse, syntaxErrors } from '../powershell/support/powershell-syntax.ts';
import { ROOM, changed, expectations, goodObservation } from './fixtures.ts';

// Quotes of every kind PowerShell knows, a variable, a subexpression and a statement separator.
const HOSTILE_UPN = "o'brien\u2019s$(calc);`x@contoso.com";
const HOSTILE_ROOM = { ...ROOM, upn: HOSTILE_UPN, roomList: "Bldg 7'; Remove-Mailbox -Identity *", building: "B'7 $(calc)", registrarPool: 'pool01.contoso.com' };

/** Commands used by remediation that are not in the cmdlet reference, with the parameters used. */
const ALSO_ALLOWED: Readonly<Record<string, readonly string[]>> = { ...ALLOWED_COMMANDS, 'Select-Object': ['Property'] };

function commandsFor(): Array<[string, Remediation]> {
  const found: Array<[string, Remediation]> = [];
  for (const topology of TOPOLOGY_IDS) {
    const expected = expectations(topology, HOSTILE_ROOM);
    for (const check of CHECKS.filter((candidate) => candidate.topologies.includes(topology) && candidate.appliesTo?.(expected) !== false)) {
      found.push([`${topology} ${check.id} fix`, check.remediation(expected)], [`${topology} ${check.id} by hand`, check.verification(expected)]);
    }
  }
  // Fixes that depend on what was observed.
  const broken = changed(changed(goodObservation(), 'user', { passwordPolicies: "Disable'Strong", assignedLicenses: [{ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06' }] }), 'mailbox', undefined);
  for (const result of evaluateRoom(expectations('teams-online', HOSTILE_ROOM), broken)) if (result.remediation) found.push([`observed ${result.id}`, result.remediation]);
  return found;
}

beforeAll(loadPowerShell);

describe('remediation PowerShell', () => {
  const cases = commandsFor().filter(([, remediation]) => remediation.powershell !== undefined);

  it('covers every check', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)('%s parses, uses real cmdlets and full parameter names', (_name, remediation) => {
    const tree = parse(remediation.powershell!);
    expect(syntaxErrors(tree)).toEqual([]);
    const calls = invocations(tree);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      if (REFERENCE.cmdlets[call.name]) expect(checkCall(call.name, call.parameters), remediation.powershell).toEqual([]);
      else {
        expect(Object.keys(ALSO_ALLOWED), `${call.name} is neither in cmdlet-params.json nor allowed`).toContain(call.name);
        for (const parameter of call.parameters) expect(ALSO_ALLOWED[call.name]).toContain(parameter);
      }
      for (const name of ['Identity', 'UserId', 'Member']) {
        const value = literalArgument(call, name);
        if (value !== undefined) expect([HOSTILE_UPN, HOSTILE_ROOM.roomList]).toContain(value);
      }
    }
    expect(remediation.runIn, 'a command says where it runs').toBeTruthy();
  });

  it('the room list and the UPN reach Add-DistributionGroupMember as literals', () => {
    const fix = CHECKS.find((check) => check.id === 'places.room-list')!.remediation(expectations('teams-online', HOSTILE_ROOM));
    const [call] = invocations(parse(fix.powershell!));
    expect(literalArgument(call!, 'Identity')).toBe(HOSTILE_ROOM.roomList);
    expect(literalArgument(call!, 'Member')).toBe(HOSTILE_UPN);
  });

  it('every remediation says where to fix it by hand', () => {
    for (const [, remediation] of commandsFor()) {
      expect(remediation.portal.length).toBeGreaterThan(0);
      expect(remediation.text.length).toBeGreaterThan(0);
    }
  });
});
