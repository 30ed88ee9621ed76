// Installer packages on disk: round trips (a site, one room; with and without passwords), nothing
// readable in the file, and every way a wrong, altered, truncated or foreign file is refused with
// a plain message that names the file and never holds the passphrase or a password.
import * as fsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildInstallerPackageContents,
  MAX_PACKAGE_BYTES,
  PACKAGE_KIND,
  PackageError,
  readInstallerPackage,
  summarizeInstallerPackage,
  writeInstallerPackage,
  type InstallerPackageContents,
} from '../../main/onsite/package.ts';
import type { AtomicWriteFs } from '../../main/workspace/atomic-write.ts';
import { sealWithPassphrase, type SealedEnvelope } from '../../main/workspace/passphrase-envelope.ts';
import { writeSecretVault } from '../../main/workspace/secret-vault.ts';
import { SiteSchema, type Site } from '../../shared/model.ts';
import { PackageSummarySchema } from '../../shared/onsite/results.ts';

const PASSPHRASE = 'plum kettle orbit 47 meadow';
const NOW = new Date('2025-03-04T10:00:00.000Z');
const PASSWORDS: Record<string, string> = {
  'mtr-board@contoso.com': 'Qm7#vK2!pX9=wR4?tZ6@',
  'salle-etoile@contoso.com': 'Hb3%nY8+cJ5-fL2_dG7.',
};
const SITE: Site = SiteSchema.parse({
  name: 'Contoso Tower B',
  topology: 'teams-online',
  tenantDomain: 'contoso.com',
  defaults: { usageLocation: 'US' },
  rooms: [
    { upn: 'mtr-board@contoso.com', displayName: 'Boardroom 4.01', building: 'Tower B', floor: '4' },
    { upn: 'salle-etoile@contoso.com', displayName: 'Salle Étoile', building: 'Tower B', floor: '2' },
    { upn: 'huddle-9@contoso.com', displayName: 'Huddle Nine' },
  ],
});
const ALL = SITE.rooms.map((room) => room.upn);
const lookup = (upn: string) => PASSWORDS[upn];

/** Everything a reader must not find in the file. */
const SECRETS_AND_NAMES = [...ALL, ...SITE.rooms.map((room) => room.displayName), SITE.name, 'SkypeSettings', 'Tower B', ...Object.values(PASSWORDS)];

let directory: string;
let sitePackage: string;
let siteContents: InstallerPackageContents;
let original: string;
const errors: PackageError[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-package-'));
  sitePackage = join(directory, 'tower-b.roomready-package');
  siteContents = buildInstallerPackageContents({ site: SITE, upns: ALL, includePasswords: true, passwords: lookup, now: NOW });
  await writeInstallerPackage(sitePackage, siteContents, PASSPHRASE);
  original = await readFile(sitePackage, 'utf8');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  // Whatever went wrong, no message held a secret.
  expect(errors.length).toBeGreaterThan(20);
  for (const error of errors) {
    expect(error.message).not.toContain(PASSPHRASE);
    for (const password of Object.values(PASSWORDS)) expect(error.message).not.toContain(password);
  }
});

async function rejection(promise: Promise<unknown>): Promise<PackageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PackageError);
  errors.push(error as PackageError);
  return error as PackageError;
}

let counter = 0;
async function fileWith(text: string | Uint8Array): Promise<string> {
  const path = join(directory, `case-${++counter}.roomready-package`);
  await writeFile(path, text);
  return path;
}


async function tampered(edit: (json: SealedEnvelope) => void): Promise<string> {
  const json = JSON.parse(original) as SealedEnvelope;
  edit(json);
  return fileWith(JSON.stringify(json, null, 2));
}

/** Flips one bit of the byte at `index` (negative: from the end) of a base64 field. */
function flip(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString('base64');
}

describe('round trips', () => {
  it('a whole site with passwords: the rooms, their console files and the passwords come back exactly', async () => {
    const opened = await readInstallerPackage(sitePackage, PASSPHRASE);
    expect(opened).toEqual(siteContents);
    expect(opened.site.rooms.map((room) => room.upn)).toEqual(ALL);
    expect(opened.passwords).toEqual(PASSWORDS); // huddle-9 has no stored password: packaged without
    for (const room of opened.rooms) {
      expect(room.skypeSettingsXml).toContain(`<SkypeSignInAddress>${room.upn}</SkypeSignInAddress>`);
      expect(room.checklistMarkdown).toMatch(/^# /);
      // The password travels in `passwords` only, never inside the console file.
      expect(room.skypeSettingsXml).not.toMatch(/<Password>/);
    }
    expect(JSON.stringify(opened.site)).not.toContain(PASSWORDS['mtr-board@contoso.com']);
    const summary = PackageSummarySchema.parse(summarizeInstallerPackage(sitePackage, (await stat(sitePackage)).size, opened));
    expect(summary).toEqual({ path: sitePackage, bytes: Buffer.byteLength(original), siteName: SITE.name, rooms: 3, includesPasswords: true, createdAt: NOW.toISOString() });
  });

  it('one room without passwords: only that room, and no password anywhere', async () => {
    const path = join(directory, 'one-room.roomready-package');
    const contents = buildInstallerPackageContents({ site: SITE, upns: ['SALLE-ETOILE@contoso.com'], includePasswords: false, passwords: lookup, now: NOW });
    const { bytes } = await writeInstallerPackage(path, contents, PASSPHRASE);
    const text = await readFile(path, 'utf8');
    expect(bytes).toBe(Buffer.byteLength(text));

    const opened = await readInstallerPackage(path, PASSPHRASE);
    expect(opened.site.rooms.map((room) => room.displayName)).toEqual(['Salle Étoile']);
    expect(opened.rooms.map((room) => room.upn)).toEqual(['salle-etoile@contoso.com']);
    expect(opened.passwords).toBeUndefined();
    expect(summarizeInstallerPackage(path, bytes, opened).includesPasswords).toBe(false);
    const everything = `${text}\n${JSON.stringify(opened)}`;
    for (const password of Object.values(PASSWORDS)) expect(everything).not.toContain(password);
    expect(JSON.stringify(opened)).not.toContain('Boardroom');
  });

  it("drops a password field a room may carry: the site's rooms never hold one", async () => {
    const leaky = { ...SITE, rooms: SITE.rooms.map((room) => ({ ...room, password: PASSWORDS['mtr-board@contoso.com'] })) } as Site;
    const contents = buildInstallerPackageContents({ site: leaky, upns: ['mtr-board@contoso.com'], includePasswords: false, now: NOW });
    expect(JSON.stringify(contents)).not.toContain(PASSWORDS['mtr-board@contoso.com']);
    const path = join(directory, 'leaky.roomready-package');
    await writeInstallerPackage(path, { ...contents, site: leaky }, PASSPHRASE);
    expect(JSON.stringify(await readInstallerPackage(path, PASSPHRASE))).not.toContain(PASSWORDS['mtr-board@contoso.com']);
  });

  it('reuses what prepare makes: the same SkypeSettings.xml and checklist as a prepared folder', async () => {
    const { prepareArtifacts, contentText } = await import('../../shared/prepare.ts');
    const { files } = prepareArtifacts({ site: SITE, generator: { name: 'RoomReady', version: 'test' } });
    const prepared = (suffix: string) => contentText(files.find((file) => file.path === `rooms/mtr-board@contoso.com/${suffix}`)!.content);
    const room = siteContents.rooms.find((entry) => entry.upn === 'mtr-board@contoso.com')!;
    expect(room.skypeSettingsXml).toBe(prepared('SkypeSettings.xml'));
    expect(room.checklistMarkdown).toBe(prepared('checklist.md'));
  });
});

describe('nothing readable', () => {
  it('the file shows no UPN, room or site name, XML or password', () => {
    for (const value of SECRETS_AND_NAMES) expect(original).not.toContain(value);
    expect(JSON.parse(original)).toMatchObject({ format: PACKAGE_KIND.format, version: PACKAGE_KIND.version, cipher: { name: 'aes-256-gcm' } });
  });

  it('only the envelope ever reaches the disk, not even a temporary plaintext', async () => {
    const written: string[] = [];
    const recording: AtomicWriteFs = {
      async open(path, flags, mode) {
        const handle = await fsPromises.open(path, flags, mode);
        return {
          writeFile: async (data) => {
            written.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
            await handle.writeFile(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename: (from, to) => fsPromises.rename(from, to),
      rm: (path, options) => fsPromises.rm(path, options),
    };
    const path = join(directory, 'recorded.roomready-package');
    await writeInstallerPackage(path, siteContents, PASSPHRASE, { fs: recording });
    expect(written).toHaveLength(1);
    for (const value of SECRETS_AND_NAMES) expect(written[0]).not.toContain(value);
    expect(written[0]).toBe(await readFile(path, 'utf8'));
  });

  it('is written atomically, readable by its owner only', async () => {
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect((await stat(sitePackage)).mode & 0o777).toBe(0o600);
  });
});

describe('refused with a clear error', () => {
  it('a wrong passphrase', async () => {
    const error = await rejection(readInstallerPackage(sitePackage, 'plum kettle orbit 48 meadow'));
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toBe(`Could not open ${sitePackage}: wrong passphrase, or the file was altered.`);
  });

  const REGIONS: [string, (json: SealedEnvelope) => void][] = [
    ['createdAt (header)', (json) => void (json.createdAt = '2025-03-05T10:00:00.000Z')],
    ['kdf.salt (header)', (json) => void (json.kdf.salt = flip(json.kdf.salt, 0))],
    ['kdf.N (header)', (json) => void (json.kdf.N = json.kdf.N * 2)],
    ['iv', (json) => void (json.cipher.iv = flip(json.cipher.iv, 5))],
    ['tag', (json) => void (json.tag = flip(json.tag, -1))],
    ['ciphertext, first byte', (json) => void (json.ciphertext = flip(json.ciphertext, 0))],
    ['ciphertext, middle byte', (json) => void (json.ciphertext = flip(json.ciphertext, Math.floor(Buffer.from(json.ciphertext, 'base64').length / 2)))],
    ['ciphertext, last byte', (json) => void (json.ciphertext = flip(json.ciphertext, -1))],
    ['ciphertext, shortened', (json) => void (json.ciphertext = Buffer.from(json.ciphertext, 'base64').subarray(0, -16).toString('base64'))],
  ];
  it.each(REGIONS)('an altered %s', async (_region, edit) => {
    const path = await tampered(edit);
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('wrong-passphrase-or-altered');
    expect(error.message).toContain(path);
  });

  it.each([
    ['a malformed salt', (json: SealedEnvelope) => void (json.kdf.salt = 'not base64!')],
    ['a short IV', (json: SealedEnvelope) => void (json.cipher.iv = Buffer.alloc(8).toString('base64'))],
    ['another cipher', (json: SealedEnvelope) => void (json.cipher.name = 'aes-128-cbc')],
    ['a missing tag', (json: SealedEnvelope) => void delete (json as Partial<SealedEnvelope>).tag],
  ])('a header with %s', async (_what, edit) => {
    const path = await tampered(edit);
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('damaged');
    expect(error.message).toBe(`${path} is damaged or incomplete: it is not a whole RoomReady installer package. Copy it again from its source.`);
  });

  it.each([0, 1, 2, 40, 200, 0.5, 0.9, -3])('a file truncated to %s', async (cut) => {
    const length = cut < 0 ? original.length + cut : cut < 1 && cut > 0 ? Math.floor(original.length * cut) : cut;
    const path = await fileWith(original.slice(0, length));
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('damaged');
    expect(error.message).toMatch(/is damaged or incomplete/);
    expect(error.message).toContain(path);
  });

  it('a file that is not JSON', async () => {
    for (const content of ['%PDF-1.7\n%âãÏÓ\n1 0 obj', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff]), 'upn,displayName\nroom@contoso.com,Room\n']) {
      const path = await fileWith(content);
      const error = await rejection(readInstallerPackage(path, PASSPHRASE));
      expect(error.problem).toBe('not-a-package');
      expect(error.message).toBe(`${path} is not a RoomReady installer package.`);
    }
  });

  it('a file of another format: other JSON, a RoomReady secrets vault', async () => {
    const vault = join(directory, 'hq.secrets.json');
    await writeSecretVault(vault, PASSWORDS, PASSPHRASE);
    for (const path of [await fileWith('{ "name": "Contoso", "rooms": [] }'), vault, await tampered((json) => void (json.format = 'roomready-secrets'))]) {
      const error = await rejection(readInstallerPackage(path, PASSPHRASE));
      expect(error.problem).toBe('not-a-package');
      expect(error.message).toContain(path);
    }
  });

  it('a package from a newer RoomReady', async () => {
    const path = await tampered((json) => void (json.version = 2));
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('unsupported-version');
    expect(error.message).toBe(`${path} was made by a newer RoomReady (installer package version 2); this RoomReady reads up to version 1. Update RoomReady.`);
  });

  it('a file larger than any package, before reading it', async () => {
    const path = await fileWith('{');
    await truncate(path, MAX_PACKAGE_BYTES + 1); // sparse: costs no disk
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('too-large');
    expect(error.message).toBe(`${path} is larger than 50 MB: it is not a RoomReady installer package.`);
  });

  it('a missing file, and a folder', async () => {
    const missing = join(directory, 'nowhere.roomready-package');
    expect((await rejection(readInstallerPackage(missing, PASSPHRASE))).message).toBe(`Could not open ${missing}: it does not exist.`);
    expect((await rejection(readInstallerPackage(directory, PASSPHRASE))).message).toBe(`Could not open ${directory}: it is not a file.`);
  });

  it('authentic contents that are not a valid package, naming the field', async () => {
    const bad = { ...JSON.parse(JSON.stringify(siteContents)), rooms: [{ upn: 'stranger@contoso.com', skypeSettingsXml: '<SkypeSettings/>' }] };
    const sealed = await sealWithPassphrase(PACKAGE_KIND, Buffer.from(JSON.stringify(bad)), PASSPHRASE);
    const path = await fileWith(sealed);
    const error = await rejection(readInstallerPackage(path, PASSPHRASE));
    expect(error.problem).toBe('invalid-contents');
    expect(error.message).toBe(`${path} opened, but its contents are not a valid installer package: rooms.0.upn is not one of the site's rooms; passwords.mtr-board@contoso.com is not a room in the package; passwords.salle-etoile@contoso.com is not a room in the package.`);

    const notJson = await fileWith(await sealWithPassphrase(PACKAGE_KIND, Buffer.from('{"site": '), PASSPHRASE));
    expect((await rejection(readInstallerPackage(notJson, PASSPHRASE))).problem).toBe('damaged');
  });
});

describe('writing and building', () => {
  it('refuses a short passphrase and writes nothing', async () => {
    const path = join(directory, 'weak.roomready-package');
    const error = await rejection(writeInstallerPackage(path, siteContents, 'short'));
    expect(error.problem).toBe('weak-passphrase');
    expect(error.message).toBe(`The passphrase for ${path} must have at least 12 characters.`);
    await expect(stat(path)).rejects.toThrow();
  });

  it('refuses contents that do not hold together, naming the field', async () => {
    const path = join(directory, 'invalid.roomready-package');
    const error = await rejection(writeInstallerPackage(path, { ...siteContents, rooms: [...siteContents.rooms, siteContents.rooms[0]!] }, PASSPHRASE));
    expect(error.problem).toBe('invalid-contents');
    expect(error.message).toBe(`Cannot write ${path}: rooms.3.upn appears twice.`);
    await expect(stat(path)).rejects.toThrow();
  });

  it('says where it could not write, leaving the previous file as it was', async () => {
    const path = join(directory, 'no-such-folder', 'x.roomready-package');
    const error = await rejection(writeInstallerPackage(path, siteContents, PASSPHRASE));
    expect(error.problem).toBe('write-failed');
    expect(error.message).toMatch(/^Could not save .*x\.roomready-package: it does not exist\./);
  });

  it('refuses rooms that are not in the site, an empty choice, and passwords it cannot get', () => {
    const build = (input: Partial<Parameters<typeof buildInstallerPackageContents>[0]>) => () =>
      buildInstallerPackageContents({ site: SITE, upns: ALL, includePasswords: false, now: NOW, ...input });
    expect(build({ upns: ['ghost@contoso.com'] })).toThrow('ghost@contoso.com is not a room of the site "Contoso Tower B".');
    expect(build({ upns: [] })).toThrow(/at least one room/);
    expect(build({ includePasswords: true })).toThrow(/passwords were asked for/);
  });
});
