// The conditional-access exclusion group (entra.group-membership): in the plan only when a group is
// named and only where the room's account is in Entra ID, in the account part of the order; in the
// Graph script a state-checked step whose group name reaches PowerShell (and the OData filter inside
// it) only as verbatim literals, whose write waits for approval, with the Groups module and scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { SiteSchema, TOPOLOGY_IDS, type Room } from '../../../shared/model.ts';
import { planRoom, stepSettings } from '../../../shared/plan.ts';
import { generateScript } from '../../../shared/powershell.ts';
import { stepPowerShell } from '../../../shared/room-progress/step-powershell.ts';
import { GENERATOR } from './support/fixtures.ts';
import { ancestors, argumentNode, decodeVerbatim, ifCondition, invocations, literalArgument, loadPowerShell, parse, syntaxErrors } from './support/powershell-syntax.ts';

/** A name with an ASCII quote, both kinds of Unicode single quote, a subexpression and a comment marker. */
const HOSTILE_GROUP = "O'Brien\u2019s \u2018Teams Rooms\u2019 $(Remove-Item C:\\) #>";
const ROOM: Room = { upn: 'mtr-rainier@contoso.com', displayName: 'Rainier' };

function site(topology: (typeof TOPOLOGY_IDS)[number], group: string | undefined, mode: 'create' | 'convert' = 'create') {
  return SiteSchema.parse({
    name: 'HQ',
    topology,
    defaults: { mode, usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro', registrarPool: 'pool01.contoso.com', ...(group ? { conditionalAccessGroup: group } : {}) },
    rooms: [ROOM],
  });
}

const ids = (topology: (typeof TOPOLOGY_IDS)[number], group?: string, mode: 'create' | 'convert' = 'create') => planRoom(ROOM, site(topology, group, mode)).steps.map((step) => step.id);

describe('the plan', () => {
  it('has the step only when a group is named, and only where the account is in Entra ID', () => {
    for (const topology of TOPOLOGY_IDS) {
      for (const mode of ['create', 'convert'] as const) {
        expect(ids(topology, undefined, mode), `${topology}/${mode}`).not.toContain('entra.group-membership');
        const withGroup = ids(topology, 'Teams Rooms', mode);
        expect(withGroup.includes('entra.group-membership'), `${topology}/${mode}`).toBe(topology !== 'onprem');
      }
    }
  });

  it('puts it after the cloud account is enabled (or synchronised) and before the licence', () => {
    for (const topology of ['teams-online', 'online'] as const) {
      const steps = ids(topology, 'Teams Rooms');
      expect(steps.indexOf('entra.group-membership'), topology).toBe(steps.indexOf('entra.password-never-expires') + 1);
      expect(steps.indexOf('entra.group-membership')).toBeLessThan(steps.indexOf('entra.license'));
    }
    for (const topology of ['hybrid-exo-sfbserver', 'hybrid-exchange-onprem-sfbonline'] as const) {
      const steps = ids(topology, 'Teams Rooms');
      expect(steps.indexOf('entra.group-membership'), topology).toBe(steps.indexOf('directory.sync') + 1);
      expect(steps.indexOf('entra.group-membership')).toBeLessThan(steps.indexOf('entra.license'));
    }
  });

  it('lets a room name its own group over the site default, and says what it sets', () => {
    const plan = planRoom({ ...ROOM, conditionalAccessGroup: 'Rooms (Building 7)' }, site('teams-online', 'Teams Rooms'));
    const step = plan.steps.find((candidate) => candidate.id === 'entra.group-membership')!;
    expect(step).toMatchObject({ kind: 'group-membership', runtime: 'graph', group: 'Rooms (Building 7)', member: ROOM.upn, groupFilter: "displayName eq 'Rooms (Building 7)'" });
    expect(stepSettings(step)).toEqual([{ name: 'Member of group', value: 'Rooms (Building 7)' }]);
  });

  it('doubles the quote in the OData filter (only the ASCII quote: OData knows no other)', () => {
    const step = planRoom(ROOM, site('teams-online', HOSTILE_GROUP)).steps.find((candidate) => candidate.id === 'entra.group-membership')!;
    expect(step.kind === 'group-membership' && step.groupFilter).toBe("displayName eq 'O''Brien\u2019s \u2018Teams Rooms\u2019 $(Remove-Item C:\\) #>'");
  });
});

describe('the Graph script', () => {
  beforeAll(async () => {
    await loadPowerShell();
  });

  const script = (group: string | undefined) => {
    const s = site('teams-online', group);
    const text = generateScript({ site: s, runtime: 'graph', plans: [planRoom(ROOM, s)], generator: GENERATOR });
    const tree = parse(text);
    return { text, tree, calls: invocations(tree) };
  };

  it('parses, and carries the hostile name only as verbatim literals that decode to it (and to the filter)', () => {
    const { tree, calls } = script(HOSTILE_GROUP);
    expect(syntaxErrors(tree)).toEqual([]);
    const lookup = calls.find((call) => call.name === 'Get-MgGroup')!;
    expect(literalArgument(lookup, 'Filter')).toBe("displayName eq 'O''Brien\u2019s \u2018Teams Rooms\u2019 $(Remove-Item C:\\) #>'");
    expect(lookup.parameters).toEqual(['Filter', 'Property', 'All', 'ErrorAction']);
    const helper = calls.find((call) => call.name === 'Get-RoomReadyGroupId' && literalArgument(call, 'GroupName') !== undefined)!;
    expect(literalArgument(helper, 'GroupName')).toBe(HOSTILE_GROUP);
    expect(calls.some((call) => call.name === 'Remove-Item')).toBe(false);
    expect(calls.find((call) => call.name === 'Get-MgUserMemberOf' && literalArgument(call, 'UserId') === ROOM.upn)).toBeDefined();
  });

  it('adds the member only inside the approval (so -WhatIf adds nothing), and tolerates "already a member"', () => {
    const { calls } = script('Teams Rooms');
    const adds = calls.filter((call) => call.name === 'New-MgGroupMember');
    expect(adds).toHaveLength(1);
    expect(adds[0]!.parameters).toEqual(['GroupId', 'DirectoryObjectId', 'Confirm', 'ErrorAction']);
    const conditions = ancestors(adds[0]!.node)
      .filter((node) => node.type === 'if_statement')
      .map((node) => ifCondition(node)?.text ?? '');
    expect(conditions.some((condition) => condition.includes('$PSCmdlet.ShouldProcess($Step.Target, $Step.Action)') && condition.includes('$null -ne $UserId'))).toBe(true);
    expect(conditions.some((condition) => condition.includes('$null -ne $GroupId'))).toBe(true);
    expect(calls.some((call) => call.name === 'Assert-RoomReadyAlreadyMember')).toBe(true);
    expect(calls.filter((call) => call.name === 'Complete-RoomReadyStep').length).toBeGreaterThan(0);
  });

  it('asks for Microsoft.Graph.Groups and GroupMember.ReadWrite.All only when the step is there', () => {
    for (const [group, wanted] of [['Teams Rooms', true], [undefined, false]] as const) {
      const { text, calls } = script(group);
      const assert = calls.find((call) => call.name === 'Assert-RoomReadyEnvironment' && argumentNode(call, 'Modules'))!;
      const modules = argumentNode(assert, 'Modules')!.descendantsOfType('verbatim_string_characters').map((node) => decodeVerbatim(node!.text));
      expect(modules.includes('Microsoft.Graph.Groups'), String(group)).toBe(wanted);
      const connect = calls.find((call) => call.name === 'Connect-MgGraph')!;
      const scopes = argumentNode(connect, 'Scopes')!.descendantsOfType('verbatim_string_characters').map((node) => decodeVerbatim(node!.text));
      expect(scopes.includes('GroupMember.ReadWrite.All'), String(group)).toBe(wanted);
      expect(text.includes('function Get-RoomReadyGroupId'), String(group)).toBe(wanted);
    }
  });
});

describe('the paste-in snippet', () => {
  it('reads before it adds, with the name as a literal', async () => {
    await loadPowerShell();
    const step = planRoom(ROOM, site('teams-online', HOSTILE_GROUP)).steps.find((candidate) => candidate.id === 'entra.group-membership')!;
    const snippet = stepPowerShell(step)!;
    const tree = parse(snippet);
    expect(syntaxErrors(tree)).toEqual([]);
    const calls = invocations(tree);
    expect(literalArgument(calls.find((call) => call.name === 'Get-MgGroup')!, 'Filter')).toBe("displayName eq 'O''Brien\u2019s \u2018Teams Rooms\u2019 $(Remove-Item C:\\) #>'");
    expect(calls.map((call) => call.name).filter((name) => /-Mg/.test(name))).toEqual(['Get-MgGroup', 'Get-MgUser', 'Get-MgUserMemberOf', 'New-MgGroupMember']);
  });
});
