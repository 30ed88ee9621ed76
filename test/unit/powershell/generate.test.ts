// Every generated script (5 topologies x create/convert x every cloud x one room / a three-room
// site, each non-manual runtime): it parses, its literals are where PowerShell sees them, and its
// structure proves what cannot be run here (no PowerShell on this machine): -WhatIf safety,
// read-before-write, no password prompt before approval, one result line per step.
import type { Node, Tree } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../shared/clouds.ts';
import { planRoom, RUNTIMES, stepKindNeeds } from '../../../shared/plan.ts';
import type { Runtime } from '../../../shared/plan/types.ts';
import { generateScript, WAITS_FOR_REPLICATION } from '../../../shared/powershell.ts';
import { ALLOWED_COMMANDS, checkCall, REFERENCE } from './support/cmdlet-reference.ts';
import { allScripts, GENERATOR, SAMPLE_ROOM, sampleSite, type GeneratedScript } from './support/fixtures.ts';
import {
  ancestors,
  argumentNode,
  contains,
  decodeVerbatim,
  invocations,
  literalArgument,
  loadPowerShell,
  nodesOfType,
  parse,
  scanOrReport,
  stepSegments,
  syntaxErrors,
  regions,
  type Invocation,
  type Region,
  type StepSegment,
} from './support/powershell-syntax.ts';

const SCRIPTS = allScripts();
// Scripts for different clouds are often the same text (only the connect line differs); each
// distinct text is parsed once and every check below runs on it.
const DISTINCT = [...new Map(SCRIPTS.map((script) => [script.text, script])).values()];

interface Parsed {
  script: GeneratedScript;
  tree: Tree;
  scan: ReturnType<typeof scanOrReport>;
  calls: Invocation[];
  functions: Region[];
  ifs: Region[];
}
const parsed: Parsed[] = [];

beforeAll(async () => {
  await loadPowerShell();
  for (const script of DISTINCT) {
    const tree = parse(script.text);
    parsed.push({ script, tree, scan: scanOrReport(script.text), calls: invocations(tree), ...regions(tree) });
  }
});

const inFunction = (entry: Parsed, node: Node) => entry.functions.find((fn) => contains(fn, node));
const conditionsAround = (entry: Parsed, node: Node) => entry.ifs.filter((region) => contains(region, node)).map((region) => region.label);
const label = ({ script }: Parsed) => `${script.topology}/${script.mode}/${script.cloud}/${script.scope}/${script.runtime}`;

/** Cmdlets that change something in a directory or tenant (every cmdlet a step writes with). */
const WRITE_CMDLET = /^(New|Set|Enable|Add|Update|Remove|Grant|Disable)-(Mailbox|CalendarProcessing|Place|DistributionGroup|DistributionGroupMember|MailboxRegionalConfiguration|User|AD\w+|Mg\w+|Cs\w+)$/;

describe('the matrix of generated scripts', () => {
  it('covers every topology, mode, cloud and runtime that has steps', () => {
    expect(SCRIPTS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(SCRIPTS.map((script) => script.runtime))).toEqual(new Set(['exchange-online', 'exchange-server', 'active-directory', 'graph', 'sfb-server', 'teams']));
    expect(DISTINCT.length).toBeGreaterThan(60);
  });

  it('every script parses with tree-sitter-powershell without ERROR or MISSING nodes', () => {
    for (const entry of parsed) expect(syntaxErrors(entry.tree), label(entry)).toEqual([]);
  });

  it('tree-sitter and a PowerShell-semantics scanner find the same verbatim literals', () => {
    for (const entry of parsed) {
      expect(entry.scan.error, label(entry)).toBeUndefined();
      const grammar = nodesOfType(entry.tree, 'verbatim_string_characters').map((node) => [node.startIndex, node.endIndex]);
      expect(entry.scan.verbatim.map((span) => [span.start, span.end]), label(entry)).toEqual(grammar);
      expect(nodesOfType(entry.tree, 'verbatim_here_string_characters'), label(entry)).toEqual([]);
    }
  });
});

describe('the top of every script', () => {
  it('starts with #Requires -Version 5.1 and comment-based help that shows -WhatIf', () => {
    for (const entry of parsed) {
      const { text, runtime } = entry.script;
      expect(text.startsWith('#Requires -Version 5.1\n<#\n.SYNOPSIS\n'), label(entry)).toBe(true);
      const help = text.slice(0, text.indexOf('#>'));
      for (const keyword of ['.DESCRIPTION', '.PARAMETER Room', '.PARAMETER CredentialFolder', '.PARAMETER SaveCredentials', '.PARAMETER SkipConnect', '.EXAMPLE', '.NOTES']) {
        expect(help, `${label(entry)} ${keyword}`).toContain(keyword);
      }
      expect(help.includes('.PARAMETER ReplicationTimeoutMinutes'), label(entry)).toBe(WAITS_FOR_REPLICATION[runtime]);
      expect(help).toMatch(/PS> .*-WhatIf/);
      expect(help).toContain(RUNTIMES[runtime].where);
      expect(text).not.toMatch(/#Requires -Modules/i);
    }
  });

  it('declares SupportsShouldProcess and the parameters -Room, -CredentialFolder, -SaveCredentials, -PasswordsFromInput, -SkipConnect (and the replication timeout where it waits)', () => {
    for (const entry of parsed) {
      const params = entry.tree.rootNode.namedChildren.filter((node) => node?.type === 'param_block');
      expect(params, label(entry)).toHaveLength(1);
      const block = params[0]!;
      expect(block.text.startsWith('[CmdletBinding(SupportsShouldProcess = $true)]')).toBe(true);
      const declared = nodesOfType(entry.tree, 'script_parameter')
        .filter((node) => contains(block, node))
        .map((node) => node.text.replace(/\s+/g, ' '));
      const expected = ['[string[]]$Room', '[string]$CredentialFolder', '[switch]$SaveCredentials'];
      if (WAITS_FOR_REPLICATION[entry.script.runtime]) expected.push('[ValidateRange(0, 1440)] [int]$ReplicationTimeoutMinutes = 30');
      expected.push('[switch]$PasswordsFromInput', '[switch]$SkipConnect');
      expect(declared, label(entry)).toEqual(expected);
    }
  });

  it('sets StrictMode 3.0 and Stop before anything else runs', () => {
    for (const entry of parsed) {
      const statements = entry.tree.rootNode.namedChildren.find((node) => node?.type === 'statement_list')!.namedChildren;
      expect(statements[0]?.text, label(entry)).toBe('Set-StrictMode -Version 3.0');
      expect(statements[1]?.text, label(entry)).toBe("$ErrorActionPreference = 'Stop'");
    }
  });
});

describe('Windows PowerShell 5.1 syntax and current modules', () => {
  it('uses no PowerShell 7-only syntax and no aliases', () => {
    for (const entry of parsed) {
      const code = entry.scan.code;
      for (const pattern of [/\?\?/, /\?\./, /\s\?\s/, /&&/, /\|\|/, /-Parallel\b/i, /-AsHashtable\b/i, /\bclean\s*\{/i]) {
        expect(code, `${label(entry)} ${pattern}`).not.toMatch(pattern);
      }
      for (const call of entry.calls) expect(call.name, label(entry)).toMatch(/^[A-Z][A-Za-z]+-[A-Z][A-Za-z]+$/);
    }
  });

  it('never uses the retired modules or Basic-auth remote sessions', () => {
    for (const entry of parsed) {
      for (const retired of [/MSOnline/i, /Msol/i, /AzureAD/i, /New-PSSession/i, /Import-PSSession/i, /-Authentication\s+Basic/i, /powershell-liveid/i, /New-CsOnlineSession/i, /SkypeOnlineConnector/i, /LyncOnlineConnector/i]) {
        expect(entry.script.text, `${label(entry)} ${retired}`).not.toMatch(retired);
      }
    }
  });

  it('calls each family of cmdlets only in its own runtime (SfB Server cmdlets only in the sfb-server script)', () => {
    const family: Array<[RegExp, Runtime[]]> = [
      [/^(Get|Enable|Set|Disable)-CsMeetingRoom$|^(Get|Enable)-CsUser$|^Grant-Cs(VoicePolicy|DialPlan)$/, ['sfb-server']],
      [/^(Get-CsOnlineUser|Get-CsTenant|Connect-MicrosoftTeams)$/, ['teams']],
      [/-Mg|^Connect-MgGraph$/, ['graph']],
      [/-AD/, ['active-directory']],
      [/-Place$|^Connect-ExchangeOnline$|^Get-ConnectionInformation$/, ['exchange-online']],
      [/-(Mailbox|CalendarProcessing|DistributionGroup|DistributionGroupMember|MailboxRegionalConfiguration|User)$/, ['exchange-online', 'exchange-server']],
    ];
    for (const entry of parsed) {
      for (const call of entry.calls) {
        const rule = family.find(([pattern]) => pattern.test(call.name));
        if (rule) expect(rule[1], `${label(entry)} ${call.name}`).toContain(entry.script.runtime);
      }
    }
  });
});

describe('the environment check before anything changes', () => {
  it('names RUNTIMES.where, imports its modules and checks every tenant cmdlet it calls, before the first room', () => {
    for (const entry of parsed) {
      const { runtime } = entry.script;
      const assert = entry.calls.find((call) => call.name === 'Assert-RoomReadyEnvironment' && !inFunction(entry, call.node))!;
      expect(assert, label(entry)).toBeDefined();
      expect(literalArgument(assert, 'Where')).toBe(RUNTIMES[runtime].where);
      const listed = (name: string) => {
        const argument = argumentNode(assert, name)!;
        return argument.descendantsOfType('verbatim_string_characters').map((node) => decodeVerbatim(node!.text));
      };
      const kinds = entry.script.plans.flatMap((plan) => plan.steps.filter((step) => step.runtime === runtime).map((step) => step.kind));
      expect(listed('Modules')).toEqual([...new Set([...RUNTIMES[runtime].modules, ...stepKindNeeds(kinds).modules])]);
      const tenantCmdlets = entry.calls.filter((call) => /-(Mg|AD|Cs)|Mailbox|Calendar|Place|Distribution|-User$|^Connect-|ConnectionInformation/.test(call.name));
      for (const call of tenantCmdlets) expect(listed('Commands'), `${label(entry)} ${call.name}`).toContain(call.name);
      const firstRoom = entry.calls.find((call) => call.name === 'New-RoomReadyRoom');
      if (firstRoom) expect(assert.node.startIndex).toBeLessThan(firstRoom.node.startIndex);
      expect(entry.script.text).toContain("Write-Host ('Run this script in {0}. These commands are missing here: {1}'");
    }
  });

  it('connects only when not connected yet, to the cloud of the site, unless -SkipConnect', () => {
    for (const entry of parsed) {
      const { runtime, cloud } = entry.script;
      const connect = RUNTIMES[runtime].connect?.(cloud);
      const connects = entry.calls.filter((call) => call.name.startsWith('Connect-'));
      if (!connect) {
        expect(connects, label(entry)).toEqual([]);
        continue;
      }
      expect(connects.map((call) => call.name), label(entry)).toEqual([connect.cmdlet]);
      const call = connects[0]!;
      const conditions = conditionsAround(entry, call.node);
      expect(conditions, label(entry)).toContain('-not $SkipConnect');
      expect(conditions.some((condition) => /Get-MgContext|Count -eq 0|TeamsConnected/.test(condition)), label(entry)).toBe(true);
      const profile = CLOUDS[cloud];
      const environment = { 'Connect-ExchangeOnline': ['ExchangeEnvironmentName', profile.exchangeEnvironment], 'Connect-MgGraph': ['Environment', profile.graphEnvironment], 'Connect-MicrosoftTeams': ['TeamsEnvironmentName', profile.teamsEnvironment] }[connect.cmdlet]!;
      expect(literalArgument(call, environment[0]!), label(entry)).toBe(environment[1]);
    }
  });
});

describe('rooms and steps', () => {
  it('runs the rooms one after another, each room\'s steps of this runtime in plan order, each once', () => {
    for (const entry of parsed) {
      const { plans, runtime } = entry.script;
      const rooms = plans.filter((plan) => plan.steps.some((step) => step.runtime === runtime));
      const roomCalls = entry.calls.filter((call) => call.name === 'New-RoomReadyRoom');
      expect(roomCalls.map((call) => literalArgument(call, 'Upn')), label(entry)).toEqual(rooms.map((plan) => plan.room.upn));
      const segments = stepSegments(entry.calls, entry.functions);
      expect(segments.map((segment) => segment.id), label(entry)).toEqual(rooms.flatMap((plan) => plan.steps.filter((step) => step.runtime === runtime).map((step) => step.id)));
      const starts = entry.calls.filter((call) => call.name === 'Start-RoomReadyStep' && !inFunction(entry, call.node)).length;
      const completes = entry.calls.filter((call) => call.name === 'Complete-RoomReadyStep' && !inFunction(entry, call.node)).length;
      expect(completes).toBe(starts);
    }
  });

  it('writes result lines only from Complete-RoomReadyStep, at statement level, so none is captured by an assignment', () => {
    for (const entry of parsed) {
      const outputs = entry.calls.filter((call) => call.name === 'Write-Output');
      expect(outputs, label(entry)).toHaveLength(1);
      expect(inFunction(entry, outputs[0]!.node)?.label).toBe('Complete-RoomReadyStep');
      for (const call of entry.calls.filter((c) => c.name === 'Complete-RoomReadyStep')) {
        expect(ancestors(call.node).some((node) => node.type === 'assignment_expression' || node.type === 'parenthesized_expression' || node.type === 'sub_expression'), label(entry)).toBe(false);
      }
    }
  });

  it('wraps every step in try/catch, so a failure is that step\'s result and the other rooms go on', () => {
    for (const entry of parsed) {
      const segments = stepSegments(entry.calls, entry.functions);
      const tries = nodesOfType(entry.tree, 'try_statement').filter((node) => !inFunction(entry, node));
      for (const segment of segments) {
        const wrapped = tries.filter((node) => node.startIndex > segment.start && node.endIndex < segment.end);
        expect(wrapped.length, `${label(entry)} ${segment.id}`).toBeGreaterThanOrEqual(1);
        expect(wrapped[0]!.text).toMatch(/catch \{ Set-RoomReadyStepError -Step \$Step -ErrorRecord \$_ \}$/);
      }
      // No exit, throw, return or break between the first room and the summary.
      const firstRoom = entry.calls.find((call) => call.name === 'New-RoomReadyRoom');
      const summary = entry.calls.find((call) => call.name === 'Write-RoomReadySummary' && !inFunction(entry, call.node))!;
      const flow = nodesOfType(entry.tree, 'flow_control_statement').filter((node) => !inFunction(entry, node) && firstRoom && node.startIndex > firstRoom.node.startIndex && node.startIndex < summary.node.startIndex);
      expect(flow.map((node) => node.text), label(entry)).toEqual([]);
    }
  });

  it('ends with the summary: exit 1 when a step failed, else 0', () => {
    for (const entry of parsed) {
      expect(entry.script.text.endsWith("Write-RoomReadySummary\nif ($RoomReadyStatusCounts['failed'] -gt 0) {\n    exit 1\n}\nexit 0\n"), label(entry)).toBe(true);
    }
  });
});

describe('-WhatIf and idempotence, proven from the structure (not executed: no PowerShell here)', () => {
  const approval = /^\$(PSCmdlet|Cmdlet)\.ShouldProcess\(|-and \$PSCmdlet\.ShouldProcess\(/;

  it('every write cmdlet and every local file write sits inside an if whose condition calls ShouldProcess', () => {
    let writes = 0;
    for (const entry of parsed) {
      for (const call of entry.calls.filter((c) => WRITE_CMDLET.test(c.name) || ['Export-Clixml', 'New-Item'].includes(c.name))) {
        writes++;
        expect(conditionsAround(entry, call.node).some((condition) => approval.test(condition)), `${label(entry)} ${call.name}`).toBe(true);
      }
    }
    expect(writes).toBeGreaterThan(200);
  });

  it('every tenant write belongs to a step and comes after that step\'s read', () => {
    for (const entry of parsed) {
      const segments = stepSegments(entry.calls, entry.functions);
      for (const call of entry.calls.filter((c) => WRITE_CMDLET.test(c.name))) {
        const segment = segments.find((s) => s.start < call.node.startIndex && call.node.endIndex < s.end);
        expect(segment, `${label(entry)} ${call.name} outside a step`).toBeDefined();
        const firstRead = entry.calls.find((c) => /^Get-/.test(c.name) && c.node.startIndex > segment!.start && c.node.endIndex < segment!.end);
        expect(firstRead, `${label(entry)} ${segment!.id}`).toBeDefined();
        expect(firstRead!.node.startIndex, `${label(entry)} ${segment!.id}`).toBeLessThan(call.node.startIndex);
      }
    }
  });

  it('approves room writes with the script\'s own $PSCmdlet, at script scope', () => {
    for (const entry of parsed) {
      const approvals = entry.ifs.filter((region) => region.label.includes('ShouldProcess'));
      expect(approvals.length).toBeGreaterThan(0);
      for (const region of approvals) {
        const owner = entry.functions.find((fn) => contains(fn, region))?.label;
        if (region.label.includes('$PSCmdlet.')) expect(owner, label(entry)).toBeUndefined();
        else expect(owner, label(entry)).toBe('Save-RoomReadyCredentials');
      }
    }
  });

  it('asks for a password only inside an approved write (so never under -WhatIf)', () => {
    for (const entry of parsed) {
      const readHosts = entry.calls.filter((call) => call.name === 'Read-Host');
      expect(readHosts.length, label(entry)).toBeGreaterThan(0);
      for (const call of readHosts) {
        expect(call.parameters, label(entry)).toContain('AsSecureString');
        expect(inFunction(entry, call.node)?.label).toBe('Read-RoomReadyNewPassword');
      }
      // Who may ask: the password helpers, reached only from Resolve-RoomReadySecrets (inside
      // Invoke-RoomReadyWrite) and from Save-RoomReadyCredentials under ShouldProcess.
      const callers = (name: string) => entry.calls.filter((call) => call.name === name).map((call) => inFunction(entry, call.node)?.label);
      expect(new Set(callers('Read-RoomReadyNewPassword'))).toEqual(new Set(['Get-RoomReadyPassword', 'Save-RoomReadyCredentials']));
      expect(new Set(callers('Get-RoomReadyPassword'))).toEqual(new Set(['Resolve-RoomReadySecrets']));
      expect(new Set(callers('Resolve-RoomReadySecrets'))).toEqual(new Set(['Invoke-RoomReadyWrite']));
      for (const call of entry.calls.filter((c) => c.name === 'Invoke-RoomReadyWrite' || c.name === 'Read-RoomReadyNewPassword')) {
        if (inFunction(entry, call.node)?.label === 'Get-RoomReadyPassword') continue;
        expect(conditionsAround(entry, call.node).some((condition) => approval.test(condition)), `${label(entry)} ${call.name}`).toBe(true);
      }
    }
  });

  it('writes switches and booleans as -Name:$true / -Name:$false', () => {
    for (const entry of parsed) expect(entry.scan.code, label(entry)).not.toMatch(/\s-[A-Za-z]+\s+\$(true|false)\b/);
  });
});

describe('cmdlet parameters as the scripts call them', () => {
  /** Parameter names declared by each function the script defines (its own helpers). */
  function declaredFunctions(entry: Parsed): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const node of nodesOfType(entry.tree, 'function_statement')) {
      const block = node.descendantsOfType('param_block')[0];
      const names = (block?.descendantsOfType('script_parameter') ?? []).map((parameter) => /\$([A-Za-z_][A-Za-z0-9_]*)\s*(=[\s\S]*)?$/.exec(parameter!.text)![1]!);
      found.set(node.text.split(/\s/)[1]!, names);
    }
    return found;
  }

  /** The keys of a hashtable literal itself (not of hashtables nested in its values). */
  function ownKeys(literal: Node): string[] {
    const body = literal.namedChildren.find((child) => child?.type === 'hash_literal_body');
    return (body?.namedChildren ?? []).filter((child) => child?.type === 'hash_entry').map((child) => child!.namedChildren[0]!.text);
  }

  /** Keys a splatted write receives: from $Create / $CreateList, or from the $Rules of an ensure step. */
  function splatKeys(entry: Parsed, segments: StepSegment[], assignments: Node[], call: Invocation): string[] {
    const segment = segments.find((s) => s.start < call.node.startIndex && call.node.endIndex < s.end)!;
    const invoke = entry.calls.find((c) => c.name === 'Invoke-RoomReadyWrite' && contains(c.node, call.node))!;
    const source = argumentNode(invoke, 'Parameters')!.text;
    const assignment = assignments.find(
      (node) => node.startIndex > segment.start && node.endIndex < segment.end && node.namedChildren[0]!.text === (source === '$Write' ? '$Rules' : source),
    )!;
    const literals = assignment.descendantsOfType('hash_literal_expression').map((node) => node!);
    if (source !== '$Write') return ownKeys(literals[0]!);
    const keys: string[] = [];
    // Each rule: @{ Property = ...; Parameter = '<name>'; With = @{ <names> } }
    for (const rule of literals.filter((literal) => !literals.some((outer) => outer !== literal && contains(outer, literal) && outer.startIndex !== literal.startIndex))) {
      const body = rule.namedChildren.find((child) => child?.type === 'hash_literal_body');
      for (const hashEntry of body?.namedChildren ?? []) {
        if (hashEntry?.type !== 'hash_entry') continue;
        const key = hashEntry.namedChildren[0]!.text;
        const value = hashEntry.namedChildren[hashEntry.namedChildren.length - 1]!;
        if (key === 'Parameter') keys.push(decodeVerbatim(value.text));
        if (key === 'With') keys.push(...ownKeys(value.descendantsOfType('hash_literal_expression')[0]!));
      }
    }
    return keys;
  }

  it('every invocation uses full names: reference cmdlets fit a parameter set, others are allow-listed or the script\'s own functions', () => {
    const problems = new Set<string>();
    let checked = 0;
    for (const entry of parsed) {
      const functions = declaredFunctions(entry);
      const segments = stepSegments(entry.calls, entry.functions);
      const assignments = nodesOfType(entry.tree, 'assignment_expression');
      for (const call of entry.calls) {
        if (REFERENCE.cmdlets[call.name]) {
          const names = [...call.parameters, ...(call.splats.length > 0 ? splatKeys(entry, segments, assignments, call) : [])];
          for (const problem of checkCall(call.name, names)) problems.add(`${label(entry)}: ${problem}`);
          checked++;
        } else if (ALLOWED_COMMANDS[call.name]) {
          for (const name of call.parameters) {
            if (!ALLOWED_COMMANDS[call.name]!.includes(name) && !REFERENCE.common.includes(name)) problems.add(`${call.name} -${name} is not on the allow-list`);
          }
        } else if (functions.has(call.name)) {
          for (const name of call.parameters) {
            if (!functions.get(call.name)!.includes(name)) problems.add(`${call.name} has no parameter -${name} (declared: ${functions.get(call.name)!.join(', ')})`);
          }
        } else problems.add(`${label(entry)}: ${call.name} is neither in cmdlet-params.json, nor allow-listed, nor defined in the script`);
      }
    }
    expect([...problems]).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('generateScript inputs', () => {
  it('refuses the manual runtime: its steps are done by hand', () => {
    const site = sampleSite('hybrid-exo-sfbserver', 'create');
    expect(() => generateScript({ site, runtime: 'manual', plans: [planRoom(SAMPLE_ROOM, site)], generator: GENERATOR })).toThrow(/manual/);
  });

  it('makes a script that changes nothing when no room has steps in the runtime', async () => {
    const site = sampleSite('teams-online', 'create');
    const text = generateScript({ site, runtime: 'sfb-server', plans: [planRoom(SAMPLE_ROOM, site)], generator: GENERATOR });
    expect(syntaxErrors(parse(text))).toEqual([]);
    expect(text).toContain('$RoomReadyRooms = @()');
    expect(text).not.toContain('New-RoomReadyRoom -Upn');
  });

  it('is deterministic: the same input gives the same text', () => {
    const site = sampleSite('onprem', 'create');
    const plans = [planRoom(SAMPLE_ROOM, site)];
    expect(generateScript({ site, runtime: 'active-directory', plans, generator: GENERATOR })).toBe(generateScript({ site, runtime: 'active-directory', plans, generator: GENERATOR }));
  });
});
