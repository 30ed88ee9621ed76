// `roomready prepare`, end to end in process: input files on disk -> output folder on disk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSiteFile } from '../../main/workspace/site-file.ts';
import { ManifestSchema } from '../../shared/manifest.ts';
import { TOPOLOGY_IDS } from '../../shared/model.ts';
import { RESULT_PREFIX } from '../../shared/powershell.ts';
import { runCliIn, type CliRun } from '../support/cli-run.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => runCliIn(dir, args, env);

const write = (name: string, content: string | Uint8Array) => {
  fs.writeFileSync(path.join(dir, name), content);
  return name;
};
const readManifest = (out = 'out') => ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, out, 'manifest.json'), 'utf8')));
function allFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const HEADER = 'DisplayName,UserPrincipalName,UsageLocation,License,Capacity,Building,Floor,City,RoomList,TimeZone,RegistrarPool';
const GOOD = [
  'Rainier,mtr-rainier@contoso.com,US,Microsoft_Teams_Rooms_Pro,12,Building 7,3,Redmond,Building 7 Rooms,Pacific Standard Time,pool01.contoso.com',
  'Baker,mtr-baker@contoso.com,US,Microsoft_Teams_Rooms_Pro,8,Building 7,2,Redmond,Building 7 Rooms,Pacific Standard Time,pool01.contoso.com',
];

describe('roomready (general)', () => {
  it('prints help and version, and refuses unknown commands with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('prepare <rooms.csv | site.roomready.json> --out <dir>');
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await cli(['help', 'prepare'])).stdout).toContain('--include-password');
    const unknown = await cli(['provisions']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "provisions"');
  });

  it('rejects bad command lines with exit code 2 and a hint', async () => {
    write('rooms.csv', [HEADER, ...GOOD].join('\n'));
    const noOut = await cli(['prepare', 'rooms.csv']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out <dir> is required');
    const badOption = await cli(['prepare', 'rooms.csv', '--out', 'o', '--frobnicate']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('roomready help prepare');
    const badTopology = await cli(['prepare', 'rooms.csv', '--out', 'o', '--topology', 'cloud']);
    expect(badTopology.code).toBe(2);
    expect(badTopology.stderr).toContain('teams-online');
    expect(fs.existsSync(path.join(dir, 'o'))).toBe(false);
  });

  it('the installed bin runs', () => {
    const bin = path.resolve('bin/roomready.mjs');
    const output = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(output).toContain('check-settings <SkypeSettings.xml>');
  });
});

describe('roomready prepare', () => {
  it('writes every artifact the manifest lists, per room and for the site, and exits 0 when all rows pass', async () => {
    write('rooms.csv', [HEADER, ...GOOD].join('\n'));
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--tenant-domain', 'contoso.com']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Prepared 2 of 2 rooms');
    const manifest = readManifest();
    expect(manifest.topology).toBe('teams-online');
    expect(manifest.rooms.map((room) => room.upn)).toEqual(['mtr-rainier@contoso.com', 'mtr-baker@contoso.com']);
    expect(manifest.errors).toEqual([]);
    for (const room of manifest.rooms) {
      expect(room.artifacts.map((a) => a.kind).sort()).toEqual(['checklist', 'powershell', 'powershell', 'room', 'skype-settings']);
      for (const artifact of room.artifacts) expect(fs.existsSync(path.join(dir, 'out', artifact.path)), artifact.path).toBe(true);
    }
    expect(manifest.siteScripts.map((s) => s.path)).toEqual(['site-01-exchange-online.ps1', 'site-02-graph.ps1']);
    const listed = new Set([
      'manifest.json',
      ...manifest.siteScripts.map((s) => s.path),
      ...manifest.siteFiles.map((f) => f.path),
      ...manifest.rooms.flatMap((room) => room.artifacts.map((a) => a.path)),
    ]);
    const written = allFiles(path.join(dir, 'out')).map((file) => path.relative(path.join(dir, 'out'), file).split(path.sep).join('/'));
    expect(new Set(written)).toEqual(listed);
  });

  it('reports bad rows with row, column and reason, still writes the good ones, and exits 1', async () => {
    write('rooms.csv', [HEADER, GOOD[0], 'Bad,not-an-upn,US,Microsoft_Teams_Rooms_Pro,4,,,,,,', GOOD[1], 'Suite,mtr-suite@contoso.com,US,SPE_E5,4,,,,,,'].join('\n'));
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out']);
    expect(run.code).toBe(1);
    const manifest = readManifest();
    expect(manifest.rooms).toHaveLength(2);
    expect(manifest.errors).toEqual([
      { row: 3, column: 'UserPrincipalName', message: expect.stringContaining('exactly one "@"') },
      { row: 5, column: 'License', message: expect.stringContaining('user licence') },
    ]);
    expect(run.stdout).toContain('rooms.csv row 3, UserPrincipalName');
    expect(fs.readFileSync(path.join(dir, 'out', 'README.md'), 'utf8')).toContain('Row 5, License');
  });

  it('refuses an unusable file with exit 2 and writes nothing', async () => {
    write('rooms.csv', 'DisplayName,Building\nRainier,B7\n');
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('UserPrincipalName');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    const missing = await cli(['prepare', 'nope.csv', '--out', 'out']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/);
  });

  it('will not overwrite a folder that is not a RoomReady output', async () => {
    write('rooms.csv', [HEADER, ...GOOD].join('\n'));
    fs.mkdirSync(path.join(dir, 'docs'));
    write('docs/keep.txt', 'mine');
    const run = await cli(['prepare', 'rooms.csv', '--out', 'docs']);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'docs', 'keep.txt'), 'utf8')).toBe('mine');
    // A previous RoomReady output is replaced.
    expect((await cli(['prepare', 'rooms.csv', '--out', 'out'])).code).toBe(0);
    expect((await cli(['prepare', 'rooms.csv', '--out', 'out', '--topology', 'onprem'])).code).toBe(0);
    expect(readManifest().topology).toBe('onprem');
  });

  it.each(TOPOLOGY_IDS.flatMap((topology) => (['create', 'convert'] as const).map((mode) => [topology, mode] as const)))(
    'prepares %s in %s mode: one script per place it runs, in phase order',
    async (topology, mode) => {
      write('rooms.csv', [HEADER, ...GOOD].join('\n'));
      const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--topology', topology, '--mode', mode, '--organizational-unit', 'OU=Rooms,DC=contoso,DC=com']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const manifest = readManifest();
      const record = JSON.parse(fs.readFileSync(path.join(dir, 'out', manifest.rooms[0]!.dir, 'room.json'), 'utf8'));
      expect(record.mode).toBe(mode);
      const scripts = manifest.rooms[0]!.artifacts.filter((a) => a.kind === 'powershell').map((a) => path.basename(a.path));
      const runtimesInOrder = [...new Set(record.steps.map((step: { runtime: string }) => step.runtime))] as string[];
      const expected = runtimesInOrder.flatMap((runtime, index) => (runtime === 'manual' ? [] : [`${String(index + 1).padStart(2, '0')}-`]));
      expect(scripts.map((name) => name.slice(0, 3))).toEqual(expected);
      for (const script of scripts) {
        const text = fs.readFileSync(path.join(dir, 'out', manifest.rooms[0]!.dir, script), 'utf8');
        expect(text.charCodeAt(0), 'UTF-8 BOM for Windows PowerShell 5.1').toBe(0xfeff);
        expect(text).toContain(RESULT_PREFIX.trim());
      }
    },
  );

  it('prepares a saved site file, naming rejected rooms by position', async () => {
    await saveSiteFile(path.join(dir, 'hq.roomready.json'), {
      name: 'HQ',
      topology: 'teams-online',
      defaults: { usageLocation: 'US', license: 'Microsoft_Teams_Rooms_Pro' },
      rooms: [
        { upn: 'mtr-a@contoso.com', displayName: 'A' },
        { upn: 'mtr-b@contoso.com', displayName: 'B', usageLocation: 'XX' },
      ],
    });
    const run = await cli(['prepare', 'hq.roomready.json', '--out', 'out']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('hq.roomready.json room 2, usageLocation');
    expect(readManifest().rooms.map((room) => room.upn)).toEqual(['mtr-a@contoso.com']);
  });

  it('refuses a site file from a newer RoomReady', async () => {
    write('new.roomready.json', JSON.stringify({ format: 'roomready-site', schemaVersion: 99, site: { name: 'x', topology: 'teams-online' } }));
    const run = await cli(['prepare', 'new.roomready.json', '--out', 'out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('newer RoomReady');
  });

  it('--json prints a machine-readable result', async () => {
    write('rooms.csv', [HEADER, GOOD[0], 'Bad,bad,US,,,,,,,,'].join('\n'));
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--json']);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: false, exitCode: 1, roomsPrepared: 1, rowsRead: 2, topology: 'teams-online' });
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'UserPrincipalName' });
  });
});

describe('passwords never leak', () => {
  const SECRET_A = 'Zq7!unique-Secret-A-91';
  const SECRET_B = 'Zq7!unique-Secret-B-92';
  const csv = [
    'DisplayName,UserPrincipalName,UsageLocation,License,Password',
    `Rainier,mtr-rainier@contoso.com,US,Microsoft_Teams_Rooms_Pro,${SECRET_A}`,
    `Baker,mtr-baker@contoso.com,US,Microsoft_Teams_Rooms_Pro,${SECRET_B}`,
  ].join('\n');

  it('by default a supplied password goes nowhere: not in scripts, checklists, manifest, site file or output', async () => {
    write('rooms.csv', csv);
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out']);
    expect(run.code).toBe(0);
    for (const file of allFiles(path.join(dir, 'out'))) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toContain(SECRET_A);
      expect(text, file).not.toContain(SECRET_B);
    }
    expect(run.stdout + run.stderr).not.toContain(SECRET_A);
  });

  it('--include-password puts each room\'s own password only into its SkypeSettings.xml', async () => {
    write('rooms.csv', csv);
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--include-password']);
    expect(run.code, run.stderr).toBe(0);
    for (const file of allFiles(path.join(dir, 'out'))) {
      const text = fs.readFileSync(file, 'utf8');
      const isSettings = path.basename(file) === 'SkypeSettings.xml';
      const own = file.includes('mtr-rainier') ? SECRET_A : SECRET_B;
      if (isSettings) {
        expect(text).toContain(`<Password>${own}</Password>`);
        expect(text).not.toContain(own === SECRET_A ? SECRET_B : SECRET_A);
      } else {
        expect(text, file).not.toContain(SECRET_A);
        expect(text, file).not.toContain(SECRET_B);
      }
    }
    expect(fs.readFileSync(path.join(dir, 'out', 'README.md'), 'utf8')).toContain('plain text');
  });

  it('generated passwords must be kept: --include-password without a vault is refused before anything is written', async () => {
    write('rooms.csv', 'DisplayName,UserPrincipalName,UsageLocation\nRainier,mtr-rainier@contoso.com,US\n');
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--include-password']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--passwords <vault-file>');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('generates strong passwords into an encrypted vault that `roomready passwords` opens', async () => {
    write('rooms.csv', `DisplayName,UserPrincipalName,UsageLocation,Password\nRainier,mtr-rainier@contoso.com,US,${SECRET_A}\nBaker,mtr-baker@contoso.com,US,\n`);
    const env = { ROOMREADY_PASSPHRASE: 'correct horse battery staple' };
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--include-password', '--passwords', 'rooms.vault'], env);
    expect(run.code, run.stderr).toBe(0);
    const vaultBytes = fs.readFileSync(path.join(dir, 'rooms.vault'), 'utf8');
    expect(vaultBytes).not.toContain(SECRET_A);
    const shown = await cli(['passwords', 'rooms.vault', '--json'], env);
    expect(shown.code).toBe(0);
    const secrets = JSON.parse(shown.stdout);
    expect(secrets['mtr-rainier@contoso.com']).toBe(SECRET_A);
    const generated = secrets['mtr-baker@contoso.com'];
    expect(generated).toMatch(/^.{20}$/);
    expect(fs.readFileSync(path.join(dir, 'out', 'rooms', 'mtr-baker@contoso.com', 'SkypeSettings.xml'), 'utf8')).toContain(generated);
    for (const file of allFiles(path.join(dir, 'out')).filter((f) => !f.endsWith('SkypeSettings.xml'))) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toContain(generated);
    }
    const wrong = await cli(['passwords', 'rooms.vault'], { ROOMREADY_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('wrong passphrase');
    expect((await cli(['passwords', 'rooms.vault', '--room', 'nobody@contoso.com'], env)).code).toBe(1);
  });

  it('without a passphrase source the vault is refused, not written in the clear', async () => {
    write('rooms.csv', 'DisplayName,UserPrincipalName,UsageLocation\nRainier,mtr-rainier@contoso.com,US\n');
    const run = await cli(['prepare', 'rooms.csv', '--out', 'out', '--passwords', 'rooms.vault']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ROOMREADY_PASSPHRASE');
    expect(fs.existsSync(path.join(dir, 'rooms.vault'))).toBe(false);
    expect((await cli(['prepare', 'rooms.csv', '--out', 'out', '--passwords', 'out/inside.vault'])).code).toBe(2);
  });
});

describe('roomready check-settings', () => {
  it('exit 0 for a valid file, 1 with element paths for an invalid one, 2 when unreadable', async () => {
    write('good.xml', '<?xml version="1.0" encoding="utf-8"?>\n<SkypeSettings><UserAccount><SkypeSignInAddress>a@contoso.com</SkypeSignInAddress></UserAccount><TeamsMeetingsEnabled>true</TeamsMeetingsEnabled></SkypeSettings>');
    const good = await cli(['check-settings', 'good.xml']);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toContain('valid');
    write('bad.xml', '<SkypeSettings><DualScreenMode>yes</DualScreenMode></SkypeSettings>');
    const bad = await cli(['check-settings', 'bad.xml']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('SkypeSettings/DualScreenMode');
    const json = JSON.parse((await cli(['check-settings', 'bad.xml', '--json'])).stdout);
    expect(json.problems[0].path).toBe('SkypeSettings/DualScreenMode');
    expect((await cli(['check-settings', 'missing.xml'])).code).toBe(2);
    expect((await cli(['check-settings', 'good.xml', '--era', 'v9'])).code).toBe(2);
  });

  it('validates what prepare wrote', async () => {
    write('rooms.csv', [HEADER, ...GOOD].join('\n'));
    await cli(['prepare', 'rooms.csv', '--out', 'out', '--app-version', '4.12']);
    const settings = path.join('out', readManifest().rooms[0]!.dir, 'SkypeSettings.xml');
    const check = await cli(['check-settings', settings, '--app-version', '4.12']);
    expect(check.code, check.stdout).toBe(0);
  });
});
