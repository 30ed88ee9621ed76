// Commands carry room values only as PowerShell verbatim strings. Checked two ways: the exact text
// for values with ASCII and typographic quotes, and a PowerShell parse (tree-sitter) of hostile
// values showing each one is a single string literal that decodes back to the value.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { buildConsoleChecklist, CHECKLIST_ITEMS, type ConsoleChecklist } from '../../../shared/checklist.ts';
import { addComputerCommand } from '../../../shared/checklist/items/domain-join.ts';
import { COMBINATIONS, roomIn, siteFor } from './helpers.ts';

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-powershell/tree-sitter-powershell.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

function stringLiterals(node: Node): Node[] {
  if (node.type === 'string_literal') return [node];
  return node.children.flatMap((child) => (child ? stringLiterals(child) : []));
}

function nodeTypes(node: Node): string[] {
  return [node.type, ...node.children.flatMap((child) => (child ? nodeTypes(child) : []))];
}

/** The value a verbatim string literal stands for: outer quotes off, every doubled quote single. */
function verbatimValue(literal: string): string {
  expect(literal).toMatch(/^['\u2018-\u201B][\s\S]*['\u2018-\u201B]$/);
  return literal.slice(1, -1).replace(/(['\u2018-\u201B])\1/g, '$1');
}

const commandOf = (checklist: ConsoleChecklist, id: string) =>
  checklist.sections.flatMap((section) => section.items).find((item) => item.id === id)?.command;

describe('the domain-join command', () => {
  it("doubles ASCII and typographic single quotes (exact text)", () => {
    const site = siteFor('onprem', 'teams-4.9');
    const room = roomIn(site, { organizationalUnit: "OU=O'Brien’s Rooms,DC=contoso,DC=com" });
    const checklist = buildConsoleChecklist(room, site, { adDomain: "con'toso.com", computerName: 'MTR‘01‚‛' });
    expect(commandOf(checklist, 'domain-join.add-computer')).toBe(
      "Add-Computer -DomainName 'con''toso.com' -OUPath 'OU=O''Brien’’s Rooms,DC=contoso,DC=com' -NewName 'MTR‘‘01‚‚‛‛'",
    );
  });

  const HOSTILE = [
    "'; Remove-Item C:\\ -Recurse; '",
    '’; Stop-Computer; ‘',
    '$(Stop-Computer) ${env:PATH} @(1) `"',
    'OU=Rooms\n#> Stop-Computer <#\r\n',
    "O'Brien ’‘‚‛ \"double\" `backtick` | pipe; semi & amp",
    '👩‍💻 שלום \u202E',
    'x'.repeat(3000),
  ];

  for (const value of HOSTILE) {
    it(`keeps ${JSON.stringify(value.slice(0, 30))} inside verbatim string literals`, () => {
      const command = addComputerCommand(value, value, value);
      const tree = parser.parse(command)!;
      expect(tree.rootNode.hasError).toBe(false);
      const literals = stringLiterals(tree.rootNode);
      expect(literals.map((literal) => verbatimValue(literal.text))).toEqual([value, value, value]);
      // Nothing of the value is evaluated: no sub-expressions, variables or second statements.
      const types = nodeTypes(tree.rootNode);
      expect(types.filter((type) => type === 'pipeline')).toHaveLength(1);
      expect(types).not.toContain('sub_expression');
      expect(types).not.toContain('variable');
      expect(types).not.toContain('expandable_string_literal');
    });
  }
});

describe('every command in every checklist', () => {
  it('parses as PowerShell without errors', () => {
    const options = { adDomain: "corp'o.com", computerName: 'MTR-01', proxy: { server: 'proxy:8080' }, proxyUsesInternalCa: true };
    const commandItems = CHECKLIST_ITEMS.filter((item) => item.kind === 'command').map((item) => item.id);
    const seen = new Set<string>();
    for (const { topology, era } of COMBINATIONS) {
      const site = siteFor(topology, era);
      for (const item of buildConsoleChecklist(roomIn(site), site, options).sections.flatMap((section) => section.items)) {
        if (item.command === undefined) continue;
        seen.add(item.id);
        expect(parser.parse(item.command)!.rootNode.hasError, item.command).toBe(false);
      }
    }
    expect([...seen].sort()).toEqual([...commandItems].sort());
  });
});
