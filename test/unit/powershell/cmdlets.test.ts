// Every cmdlet call in the plan data (and the fixed calls the generator adds) uses full parameter
// names from cmdlet-params.json, and the parameters of one call fit one of its parameter sets. The
// calls as they appear in the generated scripts are checked in generate.test.ts.
import { describe, expect, it } from 'vitest';
import { CLOUD_IDS, type Room } from '../../../shared/model.ts';
import { planRoom, RUNTIMES } from '../../../shared/plan.ts';
import type { CmdletCall, ParamValue, Step } from '../../../shared/plan/types.ts';
import { groupMembershipCalls, licenseReadCall, roomListCalls } from '../../../shared/powershell/step-code.ts';
import { checkCall, REFERENCE } from './support/cmdlet-reference.ts';
import { COMBINATIONS, SAMPLE_ROOM, sampleSite } from './support/fixtures.ts';

const EVERY_FIELD: Room = {
  ...SAMPLE_ROOM,
  upn: 'mtr-everything@contoso.com',
  alias: 'mtr-everything',
  mailboxName: 'Everything room',
  samAccountName: 'mtr-everything',
  sipAddress: 'sip:mtr-everything@contoso.com',
  floor: 'Mezzanine',
  street: '1 Microsoft Way',
  state: 'WA',
  postalCode: '98052',
  countryOrRegion: 'US',
  usageLocation: 'US',
  license: 'Microsoft_Teams_Rooms_Pro',
  registrarPool: 'pool02.contoso.com',
};
const ROOMS: Room[] = [SAMPLE_ROOM, EVERY_FIELD, { upn: 'mtr-bare@contoso.com', displayName: 'Bare' }];

interface NamedCall {
  where: string;
  call: CmdletCall;
}

/** The calls a step makes, as the script makes them (writes also get -Confirm:$false). */
function callsOf(step: Step): NamedCall[] {
  const write = (call: CmdletCall): CmdletCall => ({ cmdlet: call.cmdlet, parameters: { ...call.parameters, Confirm: false } });
  switch (step.kind) {
    case 'create':
      return [
        { where: `${step.id} read`, call: step.read },
        { where: `${step.id} create`, call: write(step.create) },
      ];
    case 'ensure': {
      // The fullest write: base parameters, every rule's parameter and what goes with it.
      const parameters: Record<string, ParamValue> = { ...step.write.parameters };
      for (const rule of step.properties) if (rule.write) Object.assign(parameters, { [rule.write.parameter]: rule.write.value }, rule.write.with);
      return [
        { where: `${step.id} read`, call: step.read },
        { where: `${step.id} write (every rule)`, call: write({ cmdlet: step.write.cmdlet, parameters }) },
        ...step.properties
          .filter((rule) => rule.write)
          .map((rule) => ({ where: `${step.id} write ${rule.property}`, call: write({ cmdlet: step.write.cmdlet, parameters: { ...step.write.parameters, [rule.write!.parameter]: rule.write!.value, ...rule.write!.with } }) })),
      ];
    }
    case 'verify':
      return [{ where: `${step.id} read`, call: step.read }];
    case 'room-list': {
      const calls = roomListCalls(step);
      return [
        { where: `${step.id} read`, call: calls.read },
        { where: `${step.id} members`, call: calls.members },
        { where: `${step.id} create`, call: write(calls.create) },
        { where: `${step.id} add`, call: write(calls.add) },
      ];
    }
    case 'license':
      return [
        { where: `${step.id} read`, call: licenseReadCall(step) },
        { where: `${step.id} skus`, call: { cmdlet: 'Get-MgSubscribedSku', parameters: { All: true } } },
        { where: `${step.id} assign`, call: write({ cmdlet: 'Set-MgUserLicense', parameters: { UserId: step.user, AddLicenses: [], RemoveLicenses: [] } }) },
      ];
    case 'group-membership': {
      const calls = groupMembershipCalls(step);
      return [
        { where: `${step.id} group`, call: calls.group },
        { where: `${step.id} user`, call: calls.user },
        { where: `${step.id} memberOf`, call: calls.memberOf },
        { where: `${step.id} add`, call: write(calls.add) },
      ];
    }
    case 'manual':
      return [];
  }
}

const planCalls: NamedCall[] = COMBINATIONS.flatMap(({ topology, mode }) => {
  const site = sampleSite(topology, mode, 'global', ROOMS);
  return ROOMS.flatMap((room) => planRoom(room, site).steps.flatMap((step) => callsOf(step).map((named) => ({ ...named, where: `${topology}/${mode} ${named.where}` }))));
});
const connectCalls: NamedCall[] = Object.values(RUNTIMES).flatMap((runtime) =>
  CLOUD_IDS.flatMap((cloud) => (runtime.connect ? [{ where: `${runtime.id} connect (${cloud})`, call: runtime.connect(cloud) }] : [])),
);

describe('cmdlet calls in the plan data', () => {
  it('covers every cmdlet of the plan and the connections', () => {
    const used = new Set([...planCalls, ...connectCalls].map((named) => named.call.cmdlet));
    for (const cmdlet of ['New-Mailbox', 'Set-Mailbox', 'Enable-Mailbox', 'Set-CalendarProcessing', 'Set-Place', 'Set-User', 'New-ADUser', 'Set-ADUser', 'Update-MgUser', 'Set-MgUserLicense', 'Enable-CsMeetingRoom', 'Get-CsOnlineUser', 'Connect-MgGraph', 'Connect-ExchangeOnline', 'Connect-MicrosoftTeams']) {
      expect(used).toContain(cmdlet);
    }
  });

  it('uses only full parameter names, in one parameter set per call, switches as booleans', () => {
    const problems = [...planCalls, ...connectCalls].flatMap(({ where, call }) =>
      checkCall(call.cmdlet, Object.keys(call.parameters), call.parameters).map((problem) => `${where}: ${problem}`),
    );
    expect([...new Set(problems)]).toEqual([]);
  });

  it('gives every write cmdlet -Confirm (so one approval suffices) and every cmdlet is documented in the reference', () => {
    for (const { call } of planCalls) {
      expect(REFERENCE.cmdlets[call.cmdlet], call.cmdlet).toBeDefined();
      if ('Confirm' in call.parameters) expect(REFERENCE.cmdlets[call.cmdlet]!.parameters, call.cmdlet).toContain('Confirm');
    }
  });
});

describe('the checker itself', () => {
  it('finds aliases, prefixes, wrong case, unknown names, impossible sets and switches given text', () => {
    expect(checkCall('Get-MgUser', ['UserId', 'Select'])).toEqual(['Get-MgUser -Select: an alias of -Property']);
    expect(checkCall('Set-CalendarProcessing', ['Identity', 'AutomateProc'])).toEqual(['Set-CalendarProcessing -AutomateProc: a prefix of -AutomateProcessing']);
    expect(checkCall('Set-Place', ['identity'])).toEqual(['Set-Place -identity: spelled -Identity']);
    expect(checkCall('Set-Place', ['Identity', 'Seats'])).toEqual(['Set-Place -Seats: no such parameter']);
    expect(checkCall('New-Mailbox', ['Name', 'Room', 'Shared'])[0]).toMatch(/no parameter set/);
    expect(checkCall('New-Mailbox', ['Name', 'Room'], { Room: 'yes' })).toEqual(['New-Mailbox -Room is a switch but gets "yes"']);
    expect(checkCall('Get-Mailbox', ['Identity', 'ErrorAction', 'Verbose'])).toEqual([]);
    expect(checkCall('Connect-MsolService', ['Credential'])).toEqual(['Connect-MsolService is not in cmdlet-params.json']);
  });
});
