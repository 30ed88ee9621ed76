import { beforeAll, describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../shared/plan/types.ts';
import {
  RESULT_FIELDS,
  RESULT_PREFIX,
  STEP_STATUSES,
  parseResultLine,
  parseScriptOutput,
  type ScriptResult,
} from '../../../shared/powershell.ts';
import type { Node } from 'web-tree-sitter';
import { planRoom } from '../../../shared/plan.ts';
import { generateScript } from '../../../shared/powershell.ts';
import { GENERATOR, SAMPLE_ROOM, sampleSite } from './support/fixtures.ts';
import { decodeVerbatim, loadPowerShell, nodesOfType, parse } from './support/powershell-syntax.ts';

// What the script's Complete-RoomReadyStep says it writes, read from a generated script's syntax
// tree: the prefix, the record's keys in order, the status names, and the ASCII-escaping regex.
interface PowerShellTemplate {
  prefix: string;
  fields: string[];
  statuses: string[];
  escapePattern: RegExp;
}

let template: PowerShellTemplate;

function assignedValue(root: Node, variable: string): Node {
  const assignment = root
    .descendantsOfType('assignment_expression')
    .find((node) => node?.namedChildren[0]?.text === variable);
  if (!assignment) throw new Error(`no assignment to ${variable}`);
  return assignment.namedChildren[assignment.namedChildren.length - 1]!;
}

function hashKeys(node: Node): string[] {
  return node.descendantsOfType('hash_entry').map((entry) => {
    const key = entry!.namedChildren[0]!.text;
    return key.startsWith("'") ? decodeVerbatim(key) : key;
  });
}

beforeAll(async () => {
  await loadPowerShell();
  const site = sampleSite('teams-online', 'create');
  const text = generateScript({ site, runtime: 'exchange-online', plans: [planRoom(SAMPLE_ROOM, site)], generator: GENERATOR });
  const tree = parse(text);
  const root = tree.rootNode;
  const functions = nodesOfType(tree, 'function_statement');
  const complete = functions.find((node) => node.text.startsWith('function Complete-RoomReadyStep'))!;
  const convert = functions.find((node) => node.text.startsWith('function ConvertTo-RoomReadyJson'))!;
  const pattern = convert.descendantsOfType('verbatim_string_characters').map((node) => decodeVerbatim(node!.text)).find((value) => value.startsWith('[^'))!;
  template = {
    prefix: decodeVerbatim(assignedValue(root, '$RoomReadyResultPrefix').text),
    fields: hashKeys(assignedValue(complete, '$rrRecord')),
    statuses: hashKeys(assignedValue(root, '$RoomReadyStatusCounts')),
    escapePattern: new RegExp(pattern, 'g'),
  };
});

/**
 * The line the script writes for `record`: ConvertTo-Json -Compress (Windows PowerShell 5.1's
 * serializer also escapes < > & ' as \u003c ...), then the script's own ASCII escaping.
 */
function powerShellLine(record: Record<string, unknown>): string {
  const json = JSON.stringify(record).replace(/[<>&']/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return template.prefix + json.replace(template.escapePattern, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function record(overrides: Partial<ScriptResult> = {}): ScriptResult {
  const fields: ScriptResult = {
    schemaVersion: 1,
    runtime: 'exchange-online',
    room: 'mtr-rainier@contoso.com',
    step: 'exchange.calendar-processing',
    status: 'changed',
    changes: [{ property: 'DeleteComments', before: true, after: false }],
    message: '',
    remediation: '',
    ...overrides,
  };
  // In the order the script writes them (the first test checks the script's order is this one).
  return Object.fromEntries(RESULT_FIELDS.map((field) => [field, fields[field]])) as ScriptResult;
}

describe('the PowerShell side of the result line', () => {
  it('writes the prefix, fields and statuses this module parses', () => {
    expect(template.prefix).toBe(RESULT_PREFIX);
    expect(template.fields).toEqual([...RESULT_FIELDS]);
    expect(template.statuses).toEqual([...STEP_STATUSES]);
  });

  it('escapes every character outside printable ASCII', () => {
    const line = powerShellLine(record({ message: 'Zürich 😀 \u202E\u0007' }));
    expect(line).toMatch(/^[\x20-\x7E]*$/);
    expect(line).toContain('\\u00fc');
    expect(line).toContain('\\ud83d\\ude00');
  });
});

describe('parseResultLine', () => {
  it.each(STEP_STATUSES)('accepts status %s and round-trips it', (status) => {
    const written = record({ status, changes: status === 'passed' ? [] : [{ property: 'TimeZone', before: null, after: 'W. Europe Standard Time' }] });
    expect(parseResultLine(powerShellLine(written))).toEqual(written);
  });

  it('accepts messages with line breaks, quotes, backslashes and any Unicode, escaped by JSON', () => {
    const message = "The operation couldn't be performed:\r\n\"Rainier\" \\\\srv\\share ‘’‚‛ 😀 \u202Eevil\u0000";
    const written = record({ status: 'failed', message, remediation: 'Set-CalendarProcessing <values>; don\'t & "quote"' });
    const line = powerShellLine(written);
    expect(line.split(/\r?\n/)).toHaveLength(1);
    expect(parseResultLine(line)).toEqual(written);
    expect(parseResultLine(`${line}\r`)).toEqual(written);
  });

  it('accepts every step id the plan knows, and every scalar kind of change value', () => {
    for (const step of STEP_IDS) {
      const written = record({ step, changes: [{ property: 'A', before: null, after: 12 }, { property: 'B', before: 'x', after: true }] });
      expect(parseResultLine(powerShellLine(written))?.step).toBe(step);
    }
  });

  const good = () => record();
  const malformed: Array<[string, string]> = [
    ['no prefix', JSON.stringify(good())],
    ['prefix in another case', `roomready-result ${JSON.stringify(good())}`],
    ['prefix without its space', `ROOMREADY-RESULT${JSON.stringify(good())}`],
    ['text before the prefix', `x ${RESULT_PREFIX}${JSON.stringify(good())}`],
    ['not JSON', `${RESULT_PREFIX}{status: passed}`],
    ['JSON cut short', `${RESULT_PREFIX}${JSON.stringify(good()).slice(0, -3)}`],
    ['trailing text', `${RESULT_PREFIX}${JSON.stringify(good())} extra`],
    ['an array', `${RESULT_PREFIX}[${JSON.stringify(good())}]`],
    ['unknown status', `${RESULT_PREFIX}${JSON.stringify({ ...good(), status: 'ok' })}`],
    ['unknown step', `${RESULT_PREFIX}${JSON.stringify({ ...good(), step: 'exchange.unknown' })}`],
    ['unknown runtime', `${RESULT_PREFIX}${JSON.stringify({ ...good(), runtime: 'msonline' })}`],
    ['newer schema', `${RESULT_PREFIX}${JSON.stringify({ ...good(), schemaVersion: 2 })}`],
    ['missing message', `${RESULT_PREFIX}${JSON.stringify({ ...good(), message: undefined })}`],
    ['extra field', `${RESULT_PREFIX}${JSON.stringify({ ...good(), password: 'x' })}`],
    ['empty room', `${RESULT_PREFIX}${JSON.stringify({ ...good(), room: '' })}`],
    ['changes not a list', `${RESULT_PREFIX}${JSON.stringify({ ...good(), changes: {} })}`],
    ['a change value that is an object', `${RESULT_PREFIX}${JSON.stringify({ ...good(), changes: [{ property: 'P', before: {}, after: 1 }] })}`],
    ['a change without its property', `${RESULT_PREFIX}${JSON.stringify({ ...good(), changes: [{ before: 1, after: 2 }] })}`],
  ];
  it.each(malformed)('rejects %s', (_name, line) => {
    expect(parseResultLine(line)).toBeUndefined();
  });
});

describe('parseScriptOutput', () => {
  it('separates result lines from progress, keeps order, and lists malformed result lines', () => {
    const first = record({ step: 'exchange.room-mailbox', status: 'passed', changes: [] });
    const second = record({ step: 'exchange.calendar-processing', status: 'would-change' });
    const text = [
      'RoomReady exchange-online script for HQ (RoomReady 0.1.0); 1 room(s).',
      'Room 1 of 1: Rainier (mtr-rainier@contoso.com)',
      powerShellLine(first),
      'What if: Performing the operation "Set-CalendarProcessing -DeleteComments" on target "mtr-rainier@contoso.com".',
      `${RESULT_PREFIX}{"broken":`,
      powerShellLine(second),
      'RoomReady exchange-online script finished: 1 passed, 0 changed, 1 would-change, 0 failed, 0 pending, 0 skipped.',
      '',
    ].join('\r\n');
    const parsed = parseScriptOutput(text);
    expect(parsed.results).toEqual([first, second]);
    expect(parsed.malformed).toEqual([`${RESULT_PREFIX}{"broken":`]);
    expect(parsed.otherLines).toHaveLength(4);
    expect(parsed.otherLines[2]).toMatch(/^What if:/);
  });
});
