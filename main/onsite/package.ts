// The installer package: a site, or some of its rooms, as ONE file the installer opens in RoomReady
// on site with a passphrase. It is the shared passphrase envelope (AES-256-GCM, key from scrypt,
// authenticated header; passphrase-envelope.ts) around the JSON of InstallerPackageContents: the
// site without any room passwords, per room its SkypeSettings.xml and checklist, and the rooms'
// passwords only when the admin chose to include them. The plaintext is never written anywhere.
import { open } from 'node:fs/promises';
import { z } from 'zod';
import { resolveRoom, SiteSchema, siteConsoleEra, type Site } from '../../shared/model.ts';
import type { PackageSummary } from '../../shared/onsite/results.ts';
import { roomConsoleTexts } from '../../shared/prepare.ts';
import { writeFileAtomically, type AtomicWriteFs } from '../workspace/atomic-write.ts';
import { describeFsError } from '../workspace/fs-errors.ts';
import { EnvelopeError, isLongEnoughPassphrase, MIN_PASSPHRASE_LENGTH, openWithPassphrase, sealWithPassphrase } from '../workspace/passphrase-envelope.ts';

export const PACKAGE_KIND = { format: 'roomready-installer-package', version: 1 } as const;
/** Far above a site of hundreds of rooms (a room is a few kB); refused before reading, so a wrong file cannot fill memory. */
export const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;

export interface InstallerPackageContents {
  /** The site with the packaged rooms only; rooms carry no password. */
  site: Site;
  rooms: { upn: string; checklistMarkdown?: string; skypeSettingsXml: string }[];
  /** Room passwords by UPN, only when the admin chose to include them. */
  passwords?: Record<string, string>;
  createdAt: string;
}

const PackageRoomSchema = z.strictObject({
  upn: z.string().min(1),
  checklistMarkdown: z.string().optional(),
  skypeSettingsXml: z.string().min(1),
});

// SiteSchema is a plain z.object: it drops keys it does not know, so a room's stray password field never survives a parse.
export const InstallerPackageContentsSchema = z
  .strictObject({
    site: SiteSchema,
    rooms: z.array(PackageRoomSchema).min(1),
    passwords: z.record(z.string().min(1), z.string().min(1)).optional(),
    createdAt: z.iso.datetime(),
  })
  .superRefine((contents, context) => {
    const siteRooms = new Set(contents.site.rooms.map((room) => room.upn.toLowerCase()));
    const packaged = new Set<string>();
    contents.rooms.forEach((room, index) => {
      const key = room.upn.toLowerCase();
      if (!siteRooms.has(key)) context.addIssue({ code: 'custom', path: ['rooms', index, 'upn'], message: "is not one of the site's rooms" });
      if (packaged.has(key)) context.addIssue({ code: 'custom', path: ['rooms', index, 'upn'], message: 'appears twice' });
      packaged.add(key);
    });
    for (const upn of Object.keys(contents.passwords ?? {})) {
      if (!packaged.has(upn.toLowerCase())) context.addIssue({ code: 'custom', path: ['passwords', upn], message: 'is not a room in the package' });
    }
  });

export type PackageProblem =
  | 'unreadable'
  | 'too-large'
  | 'not-a-package'
  | 'unsupported-version'
  | 'damaged'
  | 'wrong-passphrase-or-altered'
  | 'weak-passphrase'
  | 'invalid-contents'
  | 'write-failed';

/** Every failure to build, write or open a package; the message names the file and never holds a secret. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    /** The package file; undefined while building its contents. */
    readonly path: string | undefined,
    readonly problem: PackageProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The first problems zod found, by field path (never the values: they may be secret). */
function describeIssues(error: z.ZodError): string {
  const listed = error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(top level)'} ${issue.message}`);
  return `${listed.join('; ')}${error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''}`;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

export interface BuildPackageInput {
  site: Site;
  /** The rooms to package (one for a room's package). */
  upns: readonly string[];
  includePasswords: boolean;
  /** The rooms' stored passwords; asked only when includePasswords. A room without one is packaged without. */
  passwords?: (upn: string) => string | undefined;
  now?: Date;
}

/** The package's contents from a site: its SkypeSettings.xml and checklist per room as prepare makes them (without the password). */
export function buildInstallerPackageContents(input: BuildPackageInput): InstallerPackageContents {
  const { site, upns } = input;
  if (upns.length === 0) throw new PackageError(undefined, 'invalid-contents', 'Choose at least one room to put in the installer package.');
  const wanted = new Set(upns.map((upn) => upn.toLowerCase()));
  const missing = upns.filter((upn) => !site.rooms.some((room) => room.upn.toLowerCase() === upn.toLowerCase()));
  if (missing.length > 0) throw new PackageError(undefined, 'invalid-contents', `${missing.join(', ')} ${missing.length === 1 ? 'is not a room' : 'are not rooms'} of the site "${site.name}".`);
  if (input.includePasswords && !input.passwords) throw new PackageError(undefined, 'invalid-contents', 'The room passwords were asked for but none are available (the site\'s passwords are locked).');

  const packaged = SiteSchema.parse({ ...site, rooms: site.rooms.filter((room) => wanted.has(room.upn.toLowerCase())) });
  const era = siteConsoleEra(packaged);
  const rooms = packaged.rooms.map((room) => {
    try {
      return { upn: room.upn, ...roomConsoleTexts(resolveRoom(room, packaged), packaged, era) };
    } catch (error) {
      throw new PackageError(undefined, 'invalid-contents', `The console files of ${room.upn} cannot be made: ${(error as Error).message}`);
    }
  });
  let passwords: Record<string, string> | undefined;
  if (input.includePasswords && input.passwords) {
    passwords = {};
    for (const room of packaged.rooms) {
      const password = input.passwords(room.upn);
      if (password) passwords[room.upn] = password;
    }
  }
  return { site: packaged, rooms, ...(passwords ? { passwords } : {}), createdAt: (input.now ?? new Date()).toISOString() };
}

/** Encrypts `contents` into `path`, atomically and readable by the owner only; only the envelope ever reaches the disk. */
export async function writeInstallerPackage(
  path: string,
  contents: InstallerPackageContents,
  passphrase: string,
  options: { fs?: AtomicWriteFs } = {},
): Promise<{ bytes: number }> {
  if (!isLongEnoughPassphrase(passphrase)) {
    throw new PackageError(path, 'weak-passphrase', `The passphrase for ${path} must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const parsed = InstallerPackageContentsSchema.safeParse(contents);
  if (!parsed.success) throw new PackageError(path, 'invalid-contents', `Cannot write ${path}: ${describeIssues(parsed.error)}.`);
  const plaintext = Buffer.from(JSON.stringify(parsed.data), 'utf8');
  let text: string;
  try {
    text = await sealWithPassphrase(PACKAGE_KIND, plaintext, passphrase, new Date(parsed.data.createdAt));
  } finally {
    plaintext.fill(0);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACKAGE_BYTES) {
    throw new PackageError(path, 'too-large', `Cannot write ${path}: it would be ${megabytes(bytes)}, more than RoomReady opens (${megabytes(MAX_PACKAGE_BYTES)}). Package fewer rooms at a time.`);
  }
  try {
    await writeFileAtomically(path, text, { mode: 0o600, ...(options.fs ? { fs: options.fs } : {}) });
  } catch (error) {
    throw new PackageError(path, 'write-failed', `Could not save ${path}: ${describeFsError(error)}. The previous file, if any, is unchanged.`);
  }
  return { bytes };
}

/** The file's text, refusing anything that is not a file or larger than MAX_PACKAGE_BYTES before reading it. */
async function readBounded(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new PackageError(path, 'unreadable', `Could not open ${path}: ${describeFsError(error)}.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new PackageError(path, 'unreadable', `Could not open ${path}: it is not a file.`);
    const tooLarge = () =>
      new PackageError(path, 'too-large', `${path} is larger than ${megabytes(MAX_PACKAGE_BYTES)}: it is not a RoomReady installer package.`);
    if (info.size > MAX_PACKAGE_BYTES) throw tooLarge();
    const bytes = await handle.readFile();
    if (bytes.length > MAX_PACKAGE_BYTES) throw tooLarge();
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(path, 'unreadable', `Could not read ${path}: ${describeFsError(error)}.`);
  } finally {
    await handle.close();
  }
}

/** Decrypts a package. Every failure is a PackageError whose message names the file and what is wrong. */
export async function readInstallerPackage(path: string, passphrase: string): Promise<InstallerPackageContents> {
  const text = await readBounded(path);
  const damaged = () => new PackageError(path, 'damaged', `${path} is damaged or incomplete: it is not a whole RoomReady installer package. Copy it again from its source.`);
  const notAPackage = () => new PackageError(path, 'not-a-package', `${path} is not a RoomReady installer package.`);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw damaged();
  // An envelope is a JSON object; anything else (a PDF, a ZIP, a CSV) is some other file, not a damaged package.
  if (!start.startsWith('{')) throw notAPackage();

  let plaintext: Buffer;
  try {
    plaintext = await openWithPassphrase(PACKAGE_KIND, text, passphrase);
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    switch (error.problem) {
      case 'other-format':
        throw notAPackage();
      case 'unsupported-version':
        throw new PackageError(
          path,
          'unsupported-version',
          `${path} was made by a newer RoomReady (installer package version ${error.foundVersion}); this RoomReady reads up to version ${PACKAGE_KIND.version}. Update RoomReady.`,
        );
      case 'wrong-passphrase-or-altered':
        throw new PackageError(path, 'wrong-passphrase-or-altered', `Could not open ${path}: wrong passphrase, or the file was altered.`);
      default:
        throw damaged();
    }
  }
  try {
    let json: unknown;
    try {
      json = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw damaged();
    }
    const parsed = InstallerPackageContentsSchema.safeParse(json);
    if (!parsed.success) {
      throw new PackageError(path, 'invalid-contents', `${path} opened, but its contents are not a valid installer package: ${describeIssues(parsed.error)}.`);
    }
    return parsed.data;
  } finally {
    plaintext.fill(0);
  }
}

/** What the window shows about an opened or written package. */
export function summarizeInstallerPackage(path: string, bytes: number, contents: InstallerPackageContents): PackageSummary {
  return {
    path,
    bytes,
    siteName: contents.site.name,
    rooms: contents.rooms.length,
    includesPasswords: Object.keys(contents.passwords ?? {}).length > 0,
    createdAt: contents.createdAt,
  };
}
