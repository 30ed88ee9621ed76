// Hostile values that pass validation travel the whole pipeline (CSV -> site -> every output file)
// and stay data: verbatim literals in PowerShell, escaped text in XML, escaped Markdown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli.ts';
import { ManifestSchema } from '../../shared/manifest.ts';
import { parseSkypeSettingsXml } from '../../shared/skype-settings.ts';
import { decodeVerbatim, loadPowerShell, parse, scanPowerShell, syntaxErrors } from '../unit/powershell/support/powershell-syntax.ts';

// Every one of these is a value Exchange and Entra ID accept in that field.
const DISPLAY_NAME = `<script>alert(1)</script> ‘Board’ ’room’ ‚x‛ 'y' "z" $(Remove-Item C:\\) \`whoami\` ; | & #> <# [x](javascript:alert(1)) ‮txt.exe 🎥 مرحبا`;
const ALIAS = "o'brien$x{y}|z~";
const BUILDING = '=HYPERLINK("http://evil.example") ]]> &amp; <Building/>';
const CITY = "Köln '; Remove-Mailbox -Identity * ; '";
const ROOM_LIST = '@(Get-Mailbox) ‘Rooms’';

function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

let dir: string;
let out: string;
beforeAll(async () => {
  await loadPowerShell();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-hostile-'));
  out = path.join(dir, 'out');
  const rows = [
    ['DisplayName', 'Name', 'UserPrincipalName', 'Alias', 'UsageLocation', 'License', 'Building', 'City', 'RoomList', 'RegistrarPool', 'OrganizationalUnit', 'SamAccountName'],
    [DISPLAY_NAME, 'Board room', 'mtr-board@contoso.com', ALIAS, 'DE', 'Microsoft_Teams_Rooms_Pro', BUILDING, CITY, ROOM_LIST, 'pool01.contoso.com', "OU=Rooms 'A',DC=contoso,DC=com", 'mtr-board'],
  ];
  fs.writeFileSync(path.join(dir, 'rooms.csv'), rows.map((row) => row.map(csvCell).join(',')).join('\r\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const silent = { stdout: () => {}, stderr: () => {}, env: {}, cwd: '' };

describe.each(['teams-online', 'onprem', 'hybrid-exo-sfbserver', 'hybrid-exchange-onprem-sfbonline'] as const)('hostile values, %s', (topology) => {
  let files: string[] = [];
  beforeAll(async () => {
    const code = await runCli(['prepare', path.join(dir, 'rooms.csv'), '--out', out, '--topology', topology, '--app-version', '4.12'], { ...silent, cwd: dir });
    expect(code).toBe(0);
    files = fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  });

  it('every script parses, and each hostile value appears only as a verbatim literal that decodes to it', () => {
    const scripts = files.filter((file) => file.endsWith('.ps1'));
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      expect(syntaxErrors(parse(text.replaceAll('\0', '\u0001'))), file).toEqual([]);
      const scan = scanPowerShell(text);
      const literals = scan.verbatim.map((span) => decodeVerbatim(text.slice(span.start, span.end)));
      for (const value of [DISPLAY_NAME, ALIAS, BUILDING, CITY, ROOM_LIST]) {
        if (!literals.some((literal) => literal.includes(value))) continue; // not every script uses every field
        // No part of the value is left in code or comments.
        expect(scan.code.includes('Remove-Item C:'), file).toBe(false);
        expect(scan.code.includes('Remove-Mailbox'), file).toBe(false);
      }
    }
    const all = scripts.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const everyLiteral = scripts.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      return scanPowerShell(text).verbatim.map((span) => decodeVerbatim(text.slice(span.start, span.end)));
    });
    expect(everyLiteral).toContain(DISPLAY_NAME);
    expect(all).not.toContain("'; Remove-Mailbox -Identity * ; '\n");
  });

  it('SkypeSettings.xml escapes through the XML library and reads back the exact address', () => {
    const settings = files.find((file) => file.endsWith('SkypeSettings.xml'))!;
    const parsed = parseSkypeSettingsXml(fs.readFileSync(settings, 'utf8'), { era: 'teams-4.9' });
    expect(parsed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(parsed.settings['userAccount.skypeSignInAddress']).toBe('mtr-board@contoso.com');
  });

  it('Markdown (run sheet and checklist) shows the values as text: no live HTML, links or formatting', () => {
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(file, 'utf8');
      // Code spans and fenced blocks show their content verbatim by definition; look at the rest.
      const prose = text.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?^\1\2$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
      expect(prose, file).toContain(topology === 'teams-online' ? 'Microsoft 365' : 'Skype for Business');
      expect(prose, file).not.toMatch(/(^|[^\\])<(script|Building)/);
      expect(prose, file).not.toMatch(/(^|[^\\])\]\(javascript:/);
      expect(prose, file).toContain('\\<script\\>'); // the display name is there, escaped
      expect(text, file).not.toContain('\u202E'); // the right-to-left override is shown as a placeholder
    }
  });

  it('room.json and the manifest keep the exact values (JSON is data)', () => {
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(manifest.rooms[0]!.displayName).toBe(DISPLAY_NAME);
    const record = JSON.parse(fs.readFileSync(path.join(out, manifest.rooms[0]!.dir, 'room.json'), 'utf8'));
    expect(record.room).toMatchObject({ displayName: DISPLAY_NAME, alias: ALIAS, building: BUILDING, city: CITY, roomList: ROOM_LIST });
  });
});
