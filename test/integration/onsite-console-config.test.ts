// Applying the console configuration, with a temporary folder standing in for the app's LocalState,
// recording and failing permission tools standing in for icacls, and a fake app restart that takes
// (reads and deletes) the files as the Teams Rooms app does.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyConsoleConfiguration,
  ConsoleConfigError,
  confirmConsoleConfiguration,
  windowsConsoleTarget,
  type ConsoleTarget,
  type ProgramRunner,
} from '../../main/onsite/console-config.ts';
import { icaclsPath, runProgram } from '../../main/onsite/console-target.ts';
import { ConsoleApplyResultSchema, ConsoleConsumedResultSchema } from '../../shared/onsite/results.ts';

const NOW = new Date('2025-03-04T10:00:00.000Z');
const now = () => NOW;
const XML = new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?>\n<SkypeSettings><AutoScreenShare>true</AutoScreenShare></SkypeSettings>\n');
const IMAGE = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7) % 256);
const FILES = [
  { name: 'SkypeSettings.xml', bytes: XML },
  { name: 'Lobby theme.png', bytes: IMAGE },
];
const UPN = 'mtr-board@contoso.com';

let root: string;
let localState: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'roomready-console-'));
  localState = join(root, 'LocalState');
  await mkdir(localState);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Grant {
  path: string;
  /** What the file held when access was granted. */
  bytes: Buffer;
  /** The folder's names at that moment. */
  folder: string[];
}

/** A permissions tool that records each call (and what it saw) and optionally fails on one call. */
function recordingTarget(failOnCall?: number): ConsoleTarget & { grants: Grant[] } {
  const grants: Grant[] = [];
  return {
    localStateDir: localState,
    grants,
    async grantAccess(path) {
      grants.push({ path, bytes: await readFile(path), folder: await readdir(localState) });
      if (grants.length === failOnCall) throw new ConsoleConfigError(`Could not give the local user Skype full control of ${path}: icacls ended with code 5: Access is denied.`);
    },
  };
}

/** What the Teams Rooms app does at startup: read each file it knows, then delete it. */
async function fakeAppRestart(take: readonly string[]): Promise<Map<string, Buffer>> {
  const read = new Map<string, Buffer>();
  for (const name of take) {
    read.set(name, await readFile(join(localState, name)));
    await rm(join(localState, name));
  }
  return read;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function rejection(promise: Promise<unknown>): Promise<ConsoleConfigError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConsoleConfigError);
  return error as ConsoleConfigError;
}

describe('on the console: into LocalState', () => {
  it('writes each file whole, grants it to the Skype user before it appears under its name, and reports it', async () => {
    const target = recordingTarget();
    const result = ConsoleApplyResultSchema.parse(await applyConsoleConfiguration({ upn: UPN, files: FILES, target, now }));

    expect((await readdir(localState)).sort()).toEqual(['Lobby theme.png', 'SkypeSettings.xml']);
    expect(await readFile(join(localState, 'SkypeSettings.xml'))).toEqual(Buffer.from(XML));
    expect(await readFile(join(localState, 'Lobby theme.png'))).toEqual(Buffer.from(IMAGE));

    expect(target.grants).toHaveLength(2);
    for (const [index, grant] of target.grants.entries()) {
      expect(dirname(grant.path)).toBe(localState);
      // Granted while still under a temporary name, complete: the app never sees it ungranted or partial.
      expect(basename(grant.path)).toContain(FILES[index]!.name);
      expect(grant.bytes).toEqual(Buffer.from(FILES[index]!.bytes));
      expect(grant.folder).not.toContain(FILES[index]!.name);
    }

    expect(result.mode).toBe('console');
    expect(result.folder).toBe(localState);
    expect(result.files).toEqual([
      { name: 'SkypeSettings.xml', bytes: XML.byteLength, sha256: sha256(XML) },
      { name: 'Lobby theme.png', bytes: IMAGE.byteLength, sha256: sha256(IMAGE) },
    ]);
    expect(result.instructions.join('\n')).toMatch(/Restart the Teams Rooms app/);
    expect(result.instructions.join('\n')).toMatch(/confirm/);
    expect(result.check).toMatchObject({ id: 'console-config.applied', status: 'unknown', at: NOW.toISOString() });
    expect(result.check.detail).toContain('SkypeSettings.xml');
    expect(result.check.detail).toContain('Lobby theme.png');
  });

  it('leaves nothing behind when granting access fails, and keeps what was there before', async () => {
    await writeFile(join(localState, 'unrelated.dat'), 'keep me');
    const target = recordingTarget(2);
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, target, now }));
    expect(error.message).toContain(localState);
    expect(error.message).toMatch(/Access is denied/);
    expect(error.message).toMatch(/Nothing this attempt wrote was left there/);
    expect(target.grants).toHaveLength(2);
    expect(await readdir(localState)).toEqual(['unrelated.dat']);
  });

  it('removes the files already renamed into place when a later one cannot be', async () => {
    // A folder where the image should go: the image's rename fails after SkypeSettings.xml was placed.
    await mkdir(join(localState, 'Lobby theme.png'));
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, target: recordingTarget(), now }));
    expect(error.message).toContain('Lobby theme.png');
    expect(await readdir(localState)).toEqual(['Lobby theme.png']);
    expect(await readdir(join(localState, 'Lobby theme.png'))).toEqual([]);
  });

  it('confirms only once the app has taken every file', async () => {
    const target = recordingTarget();
    await applyConsoleConfiguration({ upn: UPN, files: FILES, target, now });
    const expected = FILES.map((file) => file.name);

    const before = ConsoleConsumedResultSchema.parse(await confirmConsoleConfiguration({ upn: UPN, target, expected, now }));
    expect(before.consumed).toBe(false);
    expect(before.remaining).toEqual(expected);
    expect(before.check).toMatchObject({ id: 'console-config.consumed', status: 'warning' });
    expect(before.check.remedy).toMatch(/Restart the Teams Rooms app/);
    expect(before.check.remedy).toMatch(/full control/);
    expect(before.check.remedy).toMatch(/malformed file only up to its first error/);

    // The app applied the settings but left the image (say, not referenced): still not consumed.
    const taken = await fakeAppRestart(['SkypeSettings.xml']);
    expect(taken.get('SkypeSettings.xml')).toEqual(Buffer.from(XML));
    const partly = await confirmConsoleConfiguration({ upn: UPN, target, expected, now });
    expect(partly).toMatchObject({ consumed: false, remaining: ['Lobby theme.png'] });
    expect(partly.check.detail).toContain('Lobby theme.png');
    expect(partly.check.detail).not.toContain('SkypeSettings.xml');

    await fakeAppRestart(['Lobby theme.png']);
    const after = ConsoleConsumedResultSchema.parse(await confirmConsoleConfiguration({ upn: UPN, target, expected, now }));
    expect(after).toMatchObject({ consumed: true, remaining: [] });
    expect(after.check).toMatchObject({ id: 'console-config.consumed', status: 'passed', at: NOW.toISOString() });
    expect(after.check.remedy).toBeUndefined();
  });

  it('refuses to confirm names that are not console files, or a LocalState folder that is gone', async () => {
    const target = recordingTarget();
    expect((await rejection(confirmConsoleConfiguration({ upn: UPN, target, expected: ['../secrets.png'], now }))).message).toContain('../secrets.png');
    await rm(localState, { recursive: true });
    expect((await rejection(confirmConsoleConfiguration({ upn: UPN, target, expected: ['SkypeSettings.xml'], now }))).message).toContain(localState);
  });
});

describe('file names', () => {
  it.each([
    ['../evil.png', /folder/],
    ['sub/evil.png', /folder/],
    ['sub\\evil.png', /folder/],
    ['evil..png', /\.\./],
    ['theme.gif', /jpg, jpeg, png, bmp/],
    ['skypesettings.xml', /exactly SkypeSettings\.xml/],
  ])('refuses %j, naming it, and writes nothing', async (name, why) => {
    const target = recordingTarget();
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: [FILES[0]!, { name, bytes: IMAGE }], target, now }));
    expect(error.message).toContain(`"${name}"`);
    expect(error.message).toMatch(why);
    expect(await readdir(localState)).toEqual([]);
    expect(target.grants).toEqual([]);
  });

  it('refuses a file given twice (Windows ignores case) and images without SkypeSettings.xml', async () => {
    const twice = await rejection(applyConsoleConfiguration({ upn: UPN, files: [...FILES, { name: 'LOBBY THEME.png', bytes: IMAGE }], target: recordingTarget(), now }));
    expect(twice.message).toMatch(/LOBBY THEME\.png" is given twice/);
    const alone = await rejection(applyConsoleConfiguration({ upn: UPN, files: [FILES[1]!], target: recordingTarget(), now }));
    expect(alone.message).toMatch(/needs SkypeSettings\.xml/);
    expect(await readdir(localState)).toEqual([]);
  });

  it('asks for a folder when this is no console and none was given', async () => {
    expect((await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, now }))).message).toMatch(/USB stick/);
  });
});

describe('elsewhere: exported for a USB stick', () => {
  it('writes the files and README-USB.txt with the exact steps into a new folder', async () => {
    const folder = join(root, 'stick', 'Boardroom console files');
    await mkdir(dirname(folder));
    const result = ConsoleApplyResultSchema.parse(await applyConsoleConfiguration({ upn: UPN, files: FILES, usbFolder: folder, now }));

    expect(result).toMatchObject({ mode: 'usb', folder });
    expect(result.check).toMatchObject({ id: 'console-config.exported', status: 'passed', at: NOW.toISOString() });
    expect(result.check.detail).toContain(folder);
    expect((await readdir(folder)).sort()).toEqual(['Lobby theme.png', 'README-USB.txt', 'SkypeSettings.xml']);
    expect(await readFile(join(folder, 'Lobby theme.png'))).toEqual(Buffer.from(IMAGE));
    expect(await readdir(dirname(folder))).toEqual([basename(folder)]); // no staging folder left

    const readme = await readFile(join(folder, 'README-USB.txt'), 'utf8');
    const lines = readme.replace(/^\uFEFF/, '').split('\r\n');
    const LOCAL = 'C:\\Users\\Skype\\AppData\\Local\\Packages\\Microsoft.SkypeRoomSystem_8wekyb3d8bbwe\\LocalState';
    const step = (text: RegExp) => lines.findIndex((line) => text.test(line));
    const order = [
      step(/^1\. Copy SkypeSettings\.xml, Lobby theme\.png .* to a USB stick/),
      step(/^2\. On the console, enter Admin mode: Settings/),
      step(new RegExp(`^3\\. .*copy SkypeSettings\\.xml, Lobby theme\\.png into ${LOCAL.replace(/\\/g, '\\\\')} `)),
      step(/^4\. Open Command Prompt as administrator/),
      lines.indexOf(`    icacls "${LOCAL}\\SkypeSettings.xml" /grant Skype:(F)`),
      lines.indexOf(`    icacls "${LOCAL}\\Lobby theme.png" /grant Skype:(F)`),
      step(/^5\. Sign out of Admin mode and restart the console/),
      step(/^6\. After the restart, check that the files are gone/),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(result.instructions).toContain(`    icacls "${LOCAL}\\SkypeSettings.xml" /grant Skype:(F)`);
  });

  it('uses an existing empty folder', async () => {
    const folder = join(root, 'empty');
    await mkdir(folder);
    await applyConsoleConfiguration({ upn: UPN, files: [FILES[0]!], usbFolder: folder, now });
    expect((await readdir(folder)).sort()).toEqual(['README-USB.txt', 'SkypeSettings.xml']);
  });

  it('refuses a folder that already holds files, naming it, and changes nothing', async () => {
    const folder = join(root, 'busy');
    await mkdir(folder);
    await writeFile(join(folder, 'holiday.jpg'), 'x');
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, usbFolder: folder, now }));
    expect(error.message).toContain(folder);
    expect(error.message).toMatch(/not empty.*holiday\.jpg/);
    expect(await readdir(folder)).toEqual(['holiday.jpg']);
    expect((await readdir(root)).sort()).toEqual(['LocalState', 'busy']);
  });

  it('refuses a folder whose parent does not exist', async () => {
    const folder = join(root, 'no', 'such', 'place');
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, usbFolder: folder, now }));
    expect(error.message).toContain(dirname(folder));
    expect(existsSync(folder)).toBe(false);
  });

  it('writes nothing when a file cannot be written halfway (no half-exported folder)', async () => {
    const folder = join(root, 'stick');
    // 104 characters but 304 bytes in UTF-8: a valid name the file system refuses (ENAMETOOLONG), after SkypeSettings.xml was written.
    const tooLongOnDisk = `${'漢'.repeat(100)}.png`;
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: [FILES[0]!, { name: tooLongOnDisk, bytes: IMAGE }], usbFolder: folder, now }));
    expect(error.message).toContain(folder);
    expect(error.message).toMatch(/Nothing was written there/);
    expect(await readdir(root)).toEqual(['LocalState']);
  });

  it('leaves an empty folder the user chose as it was when the export fails', async () => {
    const folder = join(root, 'chosen');
    await mkdir(folder);
    await rejection(applyConsoleConfiguration({ upn: UPN, files: [FILES[0]!, { name: `${'漢'.repeat(100)}.png`, bytes: IMAGE }], usbFolder: folder, now }));
    expect((await readdir(root)).sort()).toEqual(['LocalState', 'chosen']);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('windowsConsoleTarget', () => {
  it('is undefined off Windows, even where a LocalState folder exists', () => {
    expect(windowsConsoleTarget({}, { platform: 'linux', localStateDir: localState })).toBeUndefined();
    expect(windowsConsoleTarget({}, { platform: 'darwin', localStateDir: localState })).toBeUndefined();
  });

  it('is undefined on Windows without the Teams Rooms app', () => {
    expect(windowsConsoleTarget({}, { platform: 'win32', localStateDir: join(root, 'missing') })).toBeUndefined();
  });

  it('runs icacls by its full path with exactly the file, /grant and Skype:(F), without a shell', async () => {
    const calls: { program: string; args: readonly string[] }[] = [];
    const run: ProgramRunner = async (program, args) => {
      calls.push({ program, args });
      return { exitCode: 0, stdout: 'processed file\r\nSuccessfully processed 1 files; Failed processing 0 files', stderr: '' };
    };
    const target = windowsConsoleTarget({ SystemRoot: 'D:\\Win' }, { platform: 'win32', localStateDir: localState, run });
    expect(target?.localStateDir).toBe(localState);
    const file = 'C:\\Users\\Skype\\AppData\\Local\\Packages\\Microsoft.SkypeRoomSystem_8wekyb3d8bbwe\\LocalState\\Lobby theme.png';
    await target!.grantAccess(file);
    expect(calls).toEqual([{ program: 'D:\\Win\\System32\\icacls.exe', args: [file, '/grant', 'Skype:(F)'] }]);
    expect(icaclsPath(undefined)).toBe('C:\\Windows\\System32\\icacls.exe');
  });

  it('turns a failing icacls into a clear error naming the file', async () => {
    const denied: ProgramRunner = async () => ({ exitCode: 5, stdout: 'C:\\x\\SkypeSettings.xml: Access is denied.\r\nSuccessfully processed 0 files; Failed processing 1 files', stderr: '' });
    const target = windowsConsoleTarget({}, { platform: 'win32', localStateDir: localState, run: denied })!;
    const error = await rejection(target.grantAccess('C:\\x\\SkypeSettings.xml'));
    expect(error.message).toMatch(/^Could not give the local user Skype full control of C:\\x\\SkypeSettings\.xml: icacls ended with code 5: .*Access is denied/);
    expect(error.message).toMatch(/Admin mode/);

    const missing: ProgramRunner = async () => ({ exitCode: null, stdout: '', stderr: '', startError: 'ENOENT' });
    const absent = windowsConsoleTarget({}, { platform: 'win32', localStateDir: localState, run: missing })!;
    expect((await rejection(absent.grantAccess('C:\\x\\a.png'))).message).toMatch(/icacls could not be run \(ENOENT\)/);
  });

  it("applies through the real target's runner and rolls back when it fails", async () => {
    const failing: ProgramRunner = async (_program, args) => ({ exitCode: args[0]!.includes('Lobby') ? 1332 : 0, stdout: 'No mapping between account names and security IDs was done.', stderr: '' });
    const target = windowsConsoleTarget({}, { platform: 'win32', localStateDir: localState, run: failing })!;
    const error = await rejection(applyConsoleConfiguration({ upn: UPN, files: FILES, target, now }));
    expect(error.message).toMatch(/code 1332: No mapping/);
    expect(await readdir(localState)).toEqual([]);
  });
});

describe('runProgram (the real runner)', () => {
  it('passes arguments verbatim, with no shell to interpret them', async () => {
    const tricky = ['C:\\a b\\Skype"Settings.xml', 'Skype:(F)', '$(whoami)', '%PATH%', '; echo hacked'];
    const outcome = await runProgram(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...tricky]);
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual(tricky);
  });

  it('reports an exit code and a program that cannot start', async () => {
    expect((await runProgram(process.execPath, ['-e', 'process.exit(3)'])).exitCode).toBe(3);
    const missing = await runProgram(join(root, 'no-such-program'), []);
    expect(missing).toMatchObject({ exitCode: null, startError: 'ENOENT' });
  });
});
