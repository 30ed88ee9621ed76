// A hostile corpus: rooms and a site built directly (no validation) whose every text field carries
// quotes of all five kinds, subexpressions, backticks, statement separators, comment and here-string
// markers, line breaks, NUL and other control characters, emoji, right-to-left overrides and a
// 10,000-character value. Each value starts with its own marker, so every place a value lands in
// a script can be found, and shown to be inside a verbatim string literal that decodes to it.
import type { Tree } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVISION_MODES, TOPOLOGY_IDS, type ProvisionMode, type Room, type Site, type TopologyId } from '../../../shared/model.ts';
import { planRoom, type RoomPlan } from '../../../shared/plan.ts';
import type { Runtime } from '../../../shared/plan/types.ts';
import { generateScript } from '../../../shared/powershell.ts';
import {
  decodeVerbatim,
  loadPowerShell,
  nodesOfType,
  parse,
  scanOrReport,
  syntaxErrors,
  within,
  type Span,
} from './support/powershell-syntax.ts';

const PAYLOADS = [
  "'",
  "''",
  '"',
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  '\u2019\'\u2018',
  '$(Remove-Item C:\\)',
  '${env:PATH}',
  '`',
  '`$',
  ';',
  '|',
  '&',
  '#>',
  '<#',
  "@'",
  "'@",
  '@"',
  '"@',
  '\r',
  '\n',
  '\r\n',
  '\u0000',
  '\u0001\u0007\u0008\u001b\u007f\u0085',
  '😀🏢',
  '\u202Eevil\u202C',
  "'; Remove-Item C:\\ -Recurse -Force; '",
  "\u2019; Remove-Item C:\\; \u2018",
  '"; Remove-Item C:\\; "',
  "x' + $(Get-Process) + 'y",
];

const TEXT_FIELDS = [
  'upn',
  'displayName',
  'alias',
  'mailboxName',
  'usageLocation',
  'license',
  'building',
  'floor',
  'street',
  'city',
  'state',
  'postalCode',
  'countryOrRegion',
  'roomList',
  'conditionalAccessGroup',
  'timeZone',
  'sipAddress',
  'registrarPool',
  'organizationalUnit',
  'samAccountName',
] as const satisfies readonly (keyof Room)[];

let counter = 0;
/** A hostile value with a unique marker (letters and digits only, so it survives every transformation but case). */
function hostile(extra = ''): string {
  const marker = `QZ${String(counter).padStart(3, '0')}XJ`;
  counter++;
  const a = PAYLOADS[counter % PAYLOADS.length]!;
  const b = PAYLOADS[(counter * 7 + 3) % PAYLOADS.length]!;
  const c = PAYLOADS[(counter * 13 + 5) % PAYLOADS.length]!;
  return `${a}${marker}${b} room ${c}${extra}`;
}

const LONG_TAIL = PAYLOADS.join(' ').repeat(100);

function hostileRoom(index: number): Room {
  const room = { upn: '', displayName: '' } as Room;
  for (const field of TEXT_FIELDS) (room as Record<string, unknown>)[field] = hostile();
  room.capacity = 7;
  if (index === 0) room.displayName = hostile(LONG_TAIL).slice(0, 10_000);
  if (index === 1) room.building = hostile(LONG_TAIL).slice(0, 10_000);
  // Every payload on its own, once, as a whole value.
  if (index === 2) room.city = `${hostile()}${PAYLOADS.join('')}`;
  return room;
}

const ROOMS: Room[] = [0, 1, 2].map(hostileRoom);
const GENERATOR = { name: hostile(), version: hostile() };
const SITE_NAME = hostile();
const ADDITIONAL_RESPONSE = hostile();

/** Every marker (any case: some values are lower- or upper-cased by the plan) in a text. */
const MARKER = /QZ\d{3}XJ/gi;
const hasMarker = (text: string) => new RegExp(MARKER.source, 'i').test(text);
/** The markers of the values actually supplied. */
const markers = [...new Set([...JSON.stringify([ROOMS, GENERATOR, SITE_NAME, ADDITIONAL_RESPONSE]).matchAll(MARKER)].map((match) => match[0]))];

function hostileSite(topology: TopologyId, mode: ProvisionMode): Site {
  // Built directly: SiteSchema.parse would trim the values.
  return {
    name: SITE_NAME,
    topology,
    cloud: 'global',
    defaults: { mode, appVersion: '4.17', additionalResponse: ADDITIONAL_RESPONSE },
    rooms: ROOMS,
  };
}

/** Every string anywhere in a value (plans, rooms), deeply. */
function strings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, into);
  return into;
}

interface Case {
  name: string;
  runtime: Runtime;
  plans: RoomPlan[];
  text: string;
  tree: Tree;
  scan: ReturnType<typeof scanOrReport>;
  literals: Array<Span & { value: string }>;
  comments: Span[];
}

const cases: Case[] = [];

beforeAll(async () => {
  await loadPowerShell();
  for (const topology of TOPOLOGY_IDS) {
    for (const mode of PROVISION_MODES) {
      const site = hostileSite(topology, mode);
      const plans = ROOMS.map((room) => planRoom(room, site));
      const runtimes = [...new Set(plans.flatMap((plan) => plan.phases.map((phase) => phase.runtime)))].filter((runtime) => runtime !== 'manual');
      for (const runtime of runtimes) {
        const text = generateScript({ site, runtime, plans, generator: GENERATOR });
        const tree = parse(text);
        cases.push({
          name: `${topology}/${mode}/${runtime}`,
          runtime,
          plans,
          text,
          tree,
          scan: scanOrReport(text),
          // Decoded from the script text itself (the tree saw NUL as U+0001, see parse()).
          literals: nodesOfType(tree, 'verbatim_string_characters').map((node) => ({ start: node.startIndex, end: node.endIndex, value: decodeVerbatim(text.slice(node.startIndex, node.endIndex)) })),
          comments: nodesOfType(tree, 'comment').map((node) => ({ start: node.startIndex, end: node.endIndex })),
        });
      }
    }
  }
});

describe('the PowerShell rules this test relies on (its own decoder and scanner)', () => {
  it('decodes a doubled quote of any of the five kinds as one quote, and refuses a lone one', () => {
    expect(decodeVerbatim("'O''Brien'")).toBe("O'Brien");
    expect(decodeVerbatim("'it\u2019\u2019s'")).toBe('it\u2019s');
    expect(decodeVerbatim("'\u201A\u201A\u201B\u201B'")).toBe('\u201A\u201B');
    expect(decodeVerbatim("'$(x) `n # <# #>'")).toBe('$(x) `n # <# #>');
    expect(() => decodeVerbatim("'it\u2019s'")).toThrow(/lone quote/);
  });

  it('sees a Unicode quote end a literal where the grammar does not', () => {
    const unsafe = "$a = 'it\u2019; Remove-Item C:\\; \u2018'";
    // tree-sitter: one harmless literal. PowerShell: 'it' ends at U+2019 and Remove-Item runs.
    expect(nodesOfType(parse(unsafe), 'verbatim_string_characters').map((node) => node.text)).toEqual([unsafe.slice(5)]);
    expect(scanOrReport(unsafe).verbatim).toEqual([
      { start: 5, end: 9 },
      { start: unsafe.length - 2, end: unsafe.length },
    ]);
    expect(scanOrReport(unsafe).code).toContain('Remove-Item');
  });
});

describe('hostile values', () => {
  it('the corpus reaches every topology, mode and runtime, with values of 10,000 characters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(ROOMS[0]!.displayName.length).toBe(10_000);
    for (const payload of PAYLOADS) expect(ROOMS[2]!.city).toContain(payload);
  });

  it('(a) every script still parses without ERROR or MISSING nodes', () => {
    for (const entry of cases) expect(syntaxErrors(entry.tree), entry.name).toEqual([]);
  });

  it('(a) tree-sitter and the PowerShell-semantics scanner (which knows the Unicode quotes) agree on every literal', () => {
    for (const entry of cases) {
      expect(entry.scan.error, entry.name).toBeUndefined();
      expect(entry.scan.verbatim, entry.name).toEqual(entry.literals.map(({ start, end }) => ({ start, end })));
    }
  });

  it('(b) every occurrence of every marker lies inside a verbatim string literal', () => {
    const seen = new Set<string>();
    for (const entry of cases) {
      for (const match of entry.text.matchAll(MARKER)) {
        seen.add(match[0].toUpperCase());
        const at = match.index;
        expect(within(entry.literals, at, at + match[0].length), `${entry.name} ${match[0]} at ${at}`).toBe(true);
        expect(within(entry.scan.verbatim, at, at + match[0].length), `${entry.name} ${match[0]} at ${at}`).toBe(true);
      }
      // Nothing of a value is left in the code once strings and comments are blanked out.
      expect(hasMarker(entry.scan.code), entry.name).toBe(false);
    }
    // Every value reached some script (the licence and registrar pool only where they are used).
    expect([...seen].sort()).toEqual([...markers].sort());
  });

  it('(c) each literal that carries a value decodes, by PowerShell\'s rules, to exactly a value of the plan', () => {
    for (const entry of cases) {
      const known = strings(entry.plans, new Set([SITE_NAME, `${GENERATOR.name} ${GENERATOR.version}`]));
      const carrying = entry.literals.filter((literal) => hasMarker(literal.value));
      expect(carrying.length, entry.name).toBeGreaterThan(10);
      for (const literal of carrying) expect(known.has(literal.value), `${entry.name}: ${JSON.stringify(literal.value.slice(0, 80))}`).toBe(true);
      // And nothing is lost: every value of this runtime's steps is in the script, whole.
      const decoded = new Set(entry.literals.map((literal) => literal.value));
      const expected = strings(
        entry.plans.map((plan) => plan.steps.filter((step) => step.runtime === entry.runtime)),
        new Set([SITE_NAME, ...entry.plans.flatMap((plan) => [plan.room.upn, plan.room.displayName])]),
      );
      for (const value of expected) {
        if (hasMarker(value)) expect(decoded.has(value), `${entry.name}: missing ${JSON.stringify(value.slice(0, 80))}`).toBe(true);
      }
    }
  });

  it('(c) the raw hostile values themselves come back whole (display name, upn, site name, response text)', () => {
    const exchange = cases.find((entry) => entry.name === 'teams-online/create/exchange-online')!;
    const decoded = new Set(exchange.literals.map((literal) => literal.value));
    for (const room of ROOMS) {
      expect(decoded.has(room.displayName)).toBe(true);
      expect(decoded.has(room.upn)).toBe(true);
      expect(decoded.has(room.roomList!)).toBe(true);
    }
    expect(decoded.has(SITE_NAME)).toBe(true);
    expect(decoded.has(ADDITIONAL_RESPONSE)).toBe(true);
  });

  it('(d) no value appears in any comment', () => {
    for (const entry of cases) {
      for (const span of [...entry.comments, ...entry.scan.comments]) {
        expect(hasMarker(entry.text.slice(span.start, span.end)), `${entry.name}: ${entry.text.slice(span.start, span.start + 80)}`).toBe(false);
      }
      expect(entry.scan.comments.map(({ start, end }) => ({ start, end })), entry.name).toEqual(entry.comments);
    }
  });

  it('a value that cannot be a literal (a capacity that is not an integer) stops generation instead of being emitted', () => {
    const site = hostileSite('teams-online', 'create');
    const plan = planRoom({ ...ROOMS[0]!, capacity: 1.5 }, site);
    expect(() => generateScript({ site, runtime: 'exchange-online', plans: [plan], generator: GENERATOR })).toThrow(RangeError);
  });
});
