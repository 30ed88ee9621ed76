import { describe, expect, it } from 'vitest';
import {
  buildConsoleChecklist,
  PASSWORD_DESCRIPTION,
  PASSWORD_NOTICE,
  renderChecklistMarkdown,
  type ChecklistOptions,
} from '../../../shared/checklist.ts';
import { addComputerCommand } from '../../../shared/checklist/items/domain-join.ts';
import { escapeText, visible } from '../../../shared/markdown.ts';
import type { ResolvedRoom, Site } from '../../../shared/model.ts';
import { COMBINATIONS, roomIn, siteFor, UPN } from './helpers.ts';
import { decodeCodeSpan, decodeFencedBlock, decodeText, unescapedSyntax } from '../markdown/markdown-decode.ts';

const INTRO = 'Tick each box as you go. Text in `code` is typed exactly as shown; text in *italics* describes what to enter.';
const HEADER_LABELS = ['Room', 'Sign-in address (UPN)', 'Site', 'Building', 'Floor', 'Topology', 'Warning', 'Console app', 'Meeting mode', 'Password', 'Generated'];
const LINE_SHAPES = [
  /^$/,
  /^# \S/,
  /^## \d+\. \S/,
  new RegExp(`^- \\*\\*(${HEADER_LABELS.map((label) => label.replace(/[()]/g, '\\$&')).join('|')}):\\*\\* `),
  /^- \[ \] \S/,
  /^ {2}- \*(Why|Source):\* \S/,
  /^ {2}- [^ *].*?: \S/,
];

/** Every line is one of the document's own shapes; commands sit in fences that close. */
function expectStructure(markdown: string): void {
  expect(markdown.endsWith('\n')).toBe(true);
  let fence: string | undefined;
  for (const line of markdown.slice(0, -1).split('\n')) {
    if (fence !== undefined) {
      if (line === `  ${fence}`) fence = undefined;
      else expect(line.startsWith('  '), line.slice(0, 60)).toBe(true);
      continue;
    }
    const opening = /^ {2}(`{3,})powershell$/.exec(line);
    if (opening) fence = opening[1];
    else if (line !== INTRO) expect(LINE_SHAPES.some((shape) => shape.test(line)), `unexpected line: ${line.slice(0, 80)}`).toBe(true);
  }
  expect(fence).toBeUndefined();
}

function lineAfter(markdown: string, prefix: string): string {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(prefix));
  expect(line, prefix).toBeDefined();
  return line!.slice(prefix.length);
}

/** The body of the fenced block that follows the line containing `marker`. */
function blockAfter(markdown: string, marker: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.includes(marker));
  const open = lines.findIndex((line, index) => index > start && /^ {2}`{3,}powershell$/.test(line));
  const fence = lines[open]!.trim().replace('powershell', '');
  const close = lines.findIndex((line, index) => index > open && line === `  ${fence}`);
  return lines.slice(open, close + 1).join('\n');
}

const HOSTILE: readonly string[] = [
  '*bold* [x](javascript:alert(1)) <script>alert(1)</script>',
  'a`b``c```d',
  'left | right || ---|---',
  'line one\nline two\r\n# not a heading\n- [x] not an item\n  ```\nnot code',
  '\u202Egnp.exe\u202C and \u2066isolate\u2069',
  'שלום 👩‍💻 Room 🎉 مرحبا',
  `${'x'.repeat(5000)}\`\`\`\`${'~'.repeat(12)}`,
  "O'Brien’s ‘room’ ‚low‛",
  '&lt;img src=x onerror=alert(1)&gt; https://evil.example www.evil.example',
  '$(Remove-Item C:\\ -Recurse) `n; #> \\',
];

function hostileChecklist(value: string) {
  const base = siteFor('onprem', 'srs-v2');
  const site: Site = { ...base, name: value };
  const room: ResolvedRoom = {
    ...roomIn(base, { displayName: value, building: value, floor: value, organizationalUnit: value, registrarPool: value, license: value }),
    upn: `${value}@contoso.com`,
  };
  const options: ChecklistOptions = {
    computerName: value,
    proxy: { server: value },
    skypeSettingsFile: value,
    peripherals: { microphone: value },
    logAnalyticsWorkspaceId: value,
    generatedAt: value,
  };
  return { room, site, options, markdown: renderChecklistMarkdown(buildConsoleChecklist(room, site, options)) };
}

describe('renderChecklistMarkdown with hostile values', () => {
  for (const value of HOSTILE) {
    describe(JSON.stringify(value.slice(0, 40)), () => {
      const { room, markdown } = hostileChecklist(value);

      it('keeps the document structure: no value adds a line, heading, item or fence', () => {
        expectStructure(markdown);
      });

      it('renders the value as literal text in the header', () => {
        for (const label of ['Room', 'Site', 'Building', 'Floor', 'Generated']) {
          const rendered = lineAfter(markdown, `- **${label}:** `);
          expect(rendered).toBe(escapeText(value));
          expect(decodeText(rendered)).toBe(visible(value));
          expect(unescapedSyntax(rendered)).toEqual([]);
        }
        expect(decodeCodeSpan(lineAfter(markdown, '- **Sign-in address (UPN):** '))).toBe(visible(room.upn));
      });

      it('shows typed values verbatim in code spans', () => {
        for (const label of ['Room name', 'OU', 'Skype for Business Server FQDN', 'ProxyServer (String)', 'File in the room package', 'Workspace ID', 'Microphone for Conferencing', 'Computer name']) {
          expect(decodeCodeSpan(lineAfter(markdown, `  - ${label}: `)), label).toBe(visible(value));
        }
      });

      it('keeps the domain-join command, values inside PowerShell literals, in one fenced block', () => {
        const command = addComputerCommand('contoso.com', value, value);
        expect(decodeFencedBlock(blockAfter(markdown, 'run this command and restart the console'), '  ')).toBe(visible(command, true));
      });
    });
  }

  it('shows the full text of a very long value', () => {
    const long = 'R'.repeat(20_000);
    expect(hostileChecklist(long).markdown).toContain(`- **Room:** ${long}\n`);
  });
});

describe('the room password', () => {
  const PLANTED = 'Pl4nted-S3cret!Never-Print-Me';
  const SECRETS = new Map([[UPN, 'Separate-Map-S3cret#42']]);

  it('never appears, whatever carries it into the builder', () => {
    for (const { topology, era } of COMBINATIONS) {
      const base = siteFor(topology, era);
      const site = { ...base, password: PLANTED, defaults: { ...base.defaults, password: PLANTED } } as unknown as Site;
      const room = { ...roomIn(base), password: PLANTED, roomMailboxPassword: SECRETS.get(UPN) } as unknown as ResolvedRoom;
      const options = { password: PLANTED, roomPassword: SECRETS.get(UPN), signIn: undefined } as unknown as ChecklistOptions;
      const checklist = buildConsoleChecklist(room, site, options);
      const outputs = [JSON.stringify(checklist), renderChecklistMarkdown(checklist)];
      for (const output of outputs) {
        expect(output).not.toContain(PLANTED);
        for (const secret of SECRETS.values()) expect(output).not.toContain(secret);
      }
      const markdown = outputs[1]!;
      expect(markdown).toContain(`- **Password:** ${escapeText(PASSWORD_NOTICE)}`);
      expect(markdown).toContain(`*${escapeText(PASSWORD_DESCRIPTION)}*`);
    }
  });
});

describe('determinism', () => {
  it('renders the same input to the same text, with no timestamp unless given', () => {
    for (const { topology, era } of COMBINATIONS) {
      const site = siteFor(topology, era);
      const first = renderChecklistMarkdown(buildConsoleChecklist(roomIn(site), site));
      expect(renderChecklistMarkdown(buildConsoleChecklist(roomIn(site), site))).toBe(first);
      expect(first).not.toContain('**Generated:**');
      expect(first).not.toMatch(/\b20\d\d-\d\d-\d\d/);
      expectStructure(first);
    }
  });

  it('prints the timestamp it is given', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const markdown = renderChecklistMarkdown(buildConsoleChecklist(roomIn(site), site, { generatedAt: '2026-03-01 09:30' }));
    expect(markdown).toContain('- **Generated:** 2026-03-01 09:30\n');
  });

  it('numbers the sections it includes and gives each item a task-list checkbox', () => {
    const site = siteFor('teams-online', 'teams-4.17');
    const checklist = buildConsoleChecklist(roomIn(site), site);
    const markdown = renderChecklistMarkdown(checklist);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(checklist.sections.map((section, index) => `## ${index + 1}. ${section.title}`));
    const boxes = markdown.split('\n').filter((line) => line.startsWith('- [ ] ')).length;
    expect(boxes).toBe(checklist.sections.reduce((count, section) => count + section.items.length, 0));
  });
});
