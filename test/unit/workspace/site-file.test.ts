import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicWriteFs } from '../../../main/workspace/atomic-write.ts';
import {
  loadSiteFile,
  parseSiteFile,
  saveSiteFile,
  SITE_SCHEMA_VERSION,
  SiteFileError,
  type SiteMigration,
} from '../../../main/workspace/site-file.ts';
import { SiteSchema, type SiteInput } from '../../../shared/model.ts';

const SITE: SiteInput = {
  name: 'Contoso HQ',
  topology: 'hybrid-exo-sfbserver',
  tenantDomain: 'contoso.com',
  defaults: { usageLocation: 'US', registrarPool: 'pool01.contoso.com', appVersion: '4.17' },
  rooms: [
    { upn: 'room-1@contoso.com', displayName: 'Room "One" — Ünïcode', capacity: 8, mode: 'convert' },
    { upn: 'room-2@contoso.com', displayName: 'Room 2', alias: 'room.two', meetingMode: 'sfb-default-with-teams' },
  ],
};

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'roomready-site-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<SiteFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SiteFileError) return error;
    throw error;
  }
  throw new Error('expected a SiteFileError');
}

function parseError(text: string, options?: Parameters<typeof parseSiteFile>[2]): SiteFileError {
  try {
    parseSiteFile(text, 'hq.roomready.json', options);
  } catch (error) {
    if (error instanceof SiteFileError) return error;
    throw error;
  }
  throw new Error('expected a SiteFileError');
}

const envelope = (site: unknown, schemaVersion = SITE_SCHEMA_VERSION) =>
  JSON.stringify({ format: 'roomready-site', schemaVersion, savedAt: '2026-01-01T00:00:00.000Z', app: { name: 'roomready', version: '0.1.0' }, site }, null, 2);

describe('saving and loading', () => {
  it('round-trips a site through the versioned envelope', async () => {
    const path = join(directory, 'hq.roomready.json');
    await saveSiteFile(path, SITE, { now: new Date('2026-11-27T10:00:00Z'), app: { name: 'roomready', version: '9.9.9' } });

    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(json).toMatchObject({ format: 'roomready-site', schemaVersion: 1, savedAt: '2026-11-27T10:00:00.000Z', app: { name: 'roomready', version: '9.9.9' } });

    const loaded = await loadSiteFile(path);
    expect(loaded.site).toEqual(SiteSchema.parse(SITE));
    expect(loaded).toMatchObject({ schemaVersion: 1, savedAt: '2026-11-27T10:00:00.000Z', app: { version: '9.9.9' } });
    expect(loaded.migratedFrom).toBeUndefined();
    expect(await readdir(directory)).toEqual(['hq.roomready.json']);
  });

  it("records this build's name and version by default", async () => {
    const path = join(directory, 'hq.roomready.json');
    await saveSiteFile(path, SITE);
    const packageVersion = JSON.parse(await readFile(join(import.meta.dirname, '../../../package.json'), 'utf8')).version;
    expect((await loadSiteFile(path)).app).toEqual({ name: 'roomready', version: packageVersion });
  });

  it('refuses to save an invalid site, naming the JSON path, and writes nothing', async () => {
    const path = join(directory, 'bad.roomready.json');
    const error = await rejection(saveSiteFile(path, { ...SITE, rooms: [{ upn: '', displayName: 'x' }] }));
    expect(error.problem).toBe('invalid');
    expect(error.issues[0]).toMatch(/^site\.rooms\[0\]\.upn: /);
    expect(await readdir(directory)).toEqual([]);
  });
});

describe('secrets never go into a site file', () => {
  it('drops a password smuggled into the JSON when loading', () => {
    const text = envelope({ ...SITE, rooms: [{ upn: 'room-1@contoso.com', displayName: 'Room 1', password: 'Hunter2!Hunter2!' }] });
    const loaded = parseSiteFile(text, 'hq.roomready.json');
    expect(loaded.site.rooms[0]).toEqual({ upn: 'room-1@contoso.com', displayName: 'Room 1' });
    expect(JSON.stringify(loaded)).not.toContain('Hunter2');
  });

  it('drops a password property on a room object when saving', async () => {
    const path = join(directory, 'hq.roomready.json');
    const room = { upn: 'room-1@contoso.com', displayName: 'Room 1', password: 'Hunter2!Hunter2!' };
    await saveSiteFile(path, { ...SITE, rooms: [room] } as SiteInput);
    const bytes = await readFile(path, 'utf8');
    expect(bytes).not.toContain('Hunter2');
    expect(bytes).not.toContain('password');
  });
});

describe('versions', () => {
  it('refuses a file from a newer RoomReady with a message that says what to do', () => {
    const error = parseError(envelope(SITE, 3));
    expect(error.problem).toBe('newer-version');
    expect(error.message).toBe('hq.roomready.json was written by a newer RoomReady (schema 3); this version reads up to 1 — update RoomReady to open it.');
  });

  // The real migration list is empty (schema 1 is the first), so these migrations are made up for
  // the test: they pretend the current schema is 3 and rename fields the way a real one would.
  const migrations: SiteMigration[] = [
    {
      from: 2,
      to: 3,
      migrate: (json) => {
        const site = json.site as Record<string, unknown>;
        const { siteName, ...rest } = site;
        return { ...json, site: { ...rest, name: siteName } };
      },
    },
    {
      from: 1,
      to: 2,
      migrate: (json) => {
        const site = json.site as Record<string, unknown>;
        const { title, ...rest } = site;
        return { ...json, site: { ...rest, siteName: title } };
      },
    },
  ];

  it('migrates an older file through each step in order', () => {
    const old = envelope({ title: 'Old HQ', topology: 'teams-online', rooms: [] }, 1);
    const loaded = parseSiteFile(old, 'old.roomready.json', { migrations, schemaVersion: 3 });
    expect(loaded.site.name).toBe('Old HQ');
    expect(loaded.schemaVersion).toBe(1);
    expect(loaded.migratedFrom).toBe(1);
    const fromTwo = parseSiteFile(envelope({ siteName: 'Two', topology: 'teams-online' }, 2), 'two.roomready.json', { migrations, schemaVersion: 3 });
    expect(fromTwo).toMatchObject({ site: { name: 'Two' }, migratedFrom: 2 });
  });

  it('says so when no migration leads from the file version', () => {
    const error = parseError(envelope({ title: 'Old', topology: 'teams-online' }, 1), { migrations: migrations.slice(0, 1), schemaVersion: 3 });
    expect(error.problem).toBe('no-migration');
    expect(error.message).toContain('uses site schema 1, which this version of RoomReady cannot convert to schema 3');
  });

  it('reports a migration that throws as a site file error', () => {
    const failing: SiteMigration[] = [{ from: 1, to: 2, migrate: () => { throw new Error('rooms must be an array'); } }];
    const error = parseError(envelope({ name: 'x', topology: 'teams-online' }, 1), { migrations: failing, schemaVersion: 2 });
    expect(error.message).toBe('hq.roomready.json could not be converted from site schema 1 to 2: rooms must be an array');
  });
});

describe('damaged and invalid files', () => {
  it('names the JSON path of every validation problem', () => {
    const rooms = [0, 1, 2].map((i) => ({ upn: `room-${i}@contoso.com`, displayName: `Room ${i}` }));
    rooms.push({ upn: '', displayName: 'Room 3' });
    const error = parseError(envelope({ ...SITE, topology: 'cloud-ish', rooms: [...rooms, { upn: 'x@contoso.com', displayName: 'y', capacity: -1 }] }));
    expect(error.problem).toBe('invalid');
    expect(error.issues).toEqual([
      expect.stringMatching(/^site\.topology: /),
      expect.stringMatching(/^site\.rooms\[3\]\.upn: /),
      expect.stringMatching(/^site\.rooms\[4\]\.capacity: /),
    ]);
    expect(error.message).toContain('hq.roomready.json is not a valid site file: site.topology:');
  });

  it('says where JSON is broken, by line and column', () => {
    const error = parseError('{\n  "format": "roomready-site",\n  "schemaVersion": 1,\n}\n');
    expect(error.problem).toBe('not-json');
    expect(error.message).toMatch(/^hq\.roomready\.json is not valid JSON at line 4, column 1 /);
  });

  it('refuses JSON that is not a site file', () => {
    expect(parseError('[1, 2, 3]').problem).toBe('not-a-site-file');
    expect(parseError('{"format": "something-else"}').message).toBe('hq.roomready.json is not a RoomReady site file (it has no "format": "roomready-site").');
    expect(parseError('{"format": "roomready-site", "schemaVersion": "one"}').problem).toBe('not-a-site-file');
  });

  it('names the file it cannot read', async () => {
    const path = join(directory, 'missing.roomready.json');
    const error = await rejection(loadSiteFile(path));
    expect(error.problem).toBe('unreadable');
    expect(error.message).toBe(`Could not open ${path}: it does not exist.`);
  });
});

describe('atomic save', () => {
  /** Real file system, except that writing the temporary file stops half-way with a full disk. */
  function diskFullHalfway(): AtomicWriteFs {
    return {
      rename: fsPromises.rename,
      rm: fsPromises.rm,
      async open(path, flags, mode) {
        const handle = await fsPromises.open(path, flags, mode);
        return {
          sync: () => handle.sync(),
          close: () => handle.close(),
          async writeFile(data) {
            const bytes = typeof data === 'string' ? Buffer.from(data) : data;
            await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
        };
      },
    };
  }

  it('leaves the old file intact and removes the temporary file when the write fails midway', async () => {
    const path = join(directory, 'hq.roomready.json');
    await saveSiteFile(path, SITE);
    const before = await readFile(path, 'utf8');

    const error = await rejection(saveSiteFile(path, { ...SITE, name: 'Renamed' }, { fs: diskFullHalfway() }));
    expect(error.problem).toBe('write-failed');
    expect(error.message).toBe(`Could not save ${path}: the disk is full. The previous file, if any, is unchanged.`);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['hq.roomready.json']);
  });

  it('removes the temporary file when the rename fails (a folder has the target name)', async () => {
    const path = join(directory, 'hq.roomready.json');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'still here');
    const error = await rejection(saveSiteFile(path, SITE));
    expect(error.problem).toBe('write-failed');
    expect(await readdir(directory)).toEqual(['hq.roomready.json']);
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('still here');
  });

  it('writes through a temporary file and flushes file and folder before and after the rename', async () => {
    const calls: string[] = [];
    const recording: AtomicWriteFs = {
      async rename(from, to) {
        calls.push(`rename ${from.includes('.tmp') ? 'temp' : from} -> ${to === path ? 'target' : to}`);
        await fsPromises.rename(from, to);
      },
      rm: fsPromises.rm,
      async open(file, flags, mode) {
        const handle = await fsPromises.open(file, flags, mode);
        const name = file === directory ? 'folder' : file.includes('.tmp') ? 'temp' : file;
        calls.push(`open ${name} ${flags}`);
        return {
          writeFile: async (data) => { calls.push(`write ${name}`); await handle.writeFile(data); },
          sync: async () => { calls.push(`sync ${name}`); await handle.sync(); },
          close: () => handle.close(),
        };
      },
    };
    const path = join(directory, 'hq.roomready.json');
    await saveSiteFile(path, SITE, { fs: recording });
    expect(calls).toEqual(['open temp wx', 'write temp', 'sync temp', 'rename temp -> target', 'open folder r', 'sync folder']);
    expect((await loadSiteFile(path)).site.name).toBe('Contoso HQ');
  });
});
