// Site files through the app's services: create, edit, save (atomically, where asked or where the
// dialog says), reopen, the recent list; damaged files and cancelled dialogs answer in words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_SITES } from '../../main/app/recent-sites.ts';
import { AppHarness } from './app-harness.ts';

let app: AppHarness;
let dir: string;
beforeEach(() => {
  app = new AppHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-app-sites-'));
});
afterEach(async () => {
  await app.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ROOM = { upn: 'mtr-alpha@contoso.com', displayName: 'Alpha', usageLocation: 'GB', license: 'Microsoft_Teams_Rooms_Pro', capacity: 6 };

describe('site files', () => {
  it('creates a site, adds a room, saves it and opens the file again with the same content', async () => {
    const created = await app.ok('sites.create', { name: 'London HQ', topology: 'teams-online', cloud: 'global', tenantDomain: 'contoso.com' });
    expect(created).toMatchObject({ path: null, practice: false, dirty: true, rooms: [] });
    const withRoom = await app.ok('rooms.save', { siteId: created.id, room: ROOM });
    expect(withRoom.rooms.map((room) => room.upn)).toEqual([ROOM.upn]);
    const updated = await app.ok('sites.update', { siteId: created.id, changes: { name: 'London HQ (floor 2)', defaults: { timeZone: 'GMT Standard Time' } } });
    expect(updated.site.defaults.timeZone).toBe('GMT Standard Time');

    const file = path.join(dir, 'london.roomready.json');
    app.dialogs.savePath.push(file);
    const saved = await app.ok('sites.save', { siteId: created.id });
    expect(saved).toMatchObject({ path: file, dirty: false });
    // Reading the site back changes nothing: still saved.
    expect(await app.ok('sites.get', { siteId: created.id })).toEqual(saved);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(onDisk).toMatchObject({ format: 'roomready-site', schemaVersion: 1, site: { name: 'London HQ (floor 2)' } });
    expect(fs.readdirSync(dir)).toEqual(['london.roomready.json']); // no temporary file left behind

    expect(await app.ok('sites.close', { siteId: created.id })).toEqual({ closed: true });
    expect((await app.fails('sites.update', { siteId: created.id, changes: {} })).code).toBe('not-found');
    expect((await app.fails('sites.get', { siteId: created.id })).code).toBe('not-found');

    const reopened = await app.ok('sites.open', { path: file });
    expect(reopened.site).toEqual(saved.site);
    expect(reopened).toMatchObject({ path: file, dirty: false, practice: false });
    // Opening the same file again gives the same open site, not a second copy.
    expect((await app.ok('sites.open', { path: file })).id).toBe(reopened.id);
  });

  it('a room renamed to a new UPN keeps its password; removing rooms forgets them', async () => {
    const site = await app.ok('sites.create', { name: 'Paris', topology: 'teams-online', cloud: 'global' });
    await app.ok('rooms.save', { siteId: site.id, room: ROOM });
    await app.ok('passwords.set', { siteId: site.id, upn: ROOM.upn, password: 'Kp4!vRt8#wQz2mXn' });
    const renamed = await app.ok('rooms.save', { siteId: site.id, room: { ...ROOM, upn: 'mtr-alpha2@contoso.com' }, replaceUpn: ROOM.upn });
    expect(renamed.rooms).toEqual([expect.objectContaining({ upn: 'mtr-alpha2@contoso.com', hasPassword: true })]);
    expect((await app.fails('rooms.save', { siteId: site.id, room: ROOM, replaceUpn: 'nobody@contoso.com' })).code).toBe('not-found');
    const removed = await app.ok('rooms.remove', { siteId: site.id, upns: ['MTR-ALPHA2@contoso.com'] });
    expect(removed.rooms).toEqual([]);
  });

  it('refuses site settings the model rejects, naming the field', async () => {
    const bad = await app.fails('sites.create', { name: 'X', topology: 'teams-online', cloud: 'global', tenantDomain: 'not a domain' });
    expect(bad.code).toBe('invalid-room');
    expect(bad.issues?.[0]?.field).toBe('tenantDomain');
    const site = await app.ok('sites.create', { name: 'X', topology: 'teams-online', cloud: 'global' });
    const version = await app.fails('sites.update', { siteId: site.id, changes: { defaults: { appVersion: 'banana' } } });
    expect(version.issues?.[0]?.field).toBe('defaults.appVersion');
  });

  it('sets and clears room defaults; an emptied default is no default', async () => {
    const site = await app.ok('sites.create', { name: 'Defaults', topology: 'teams-online', cloud: 'global' });
    const set = await app.ok('sites.update', { siteId: site.id, changes: { defaults: { conditionalAccessGroup: 'Teams Rooms', meetingMode: 'teams-only', usageLocation: 'GB' } } });
    expect(set.site.defaults).toMatchObject({ conditionalAccessGroup: 'Teams Rooms', meetingMode: 'teams-only', usageLocation: 'GB' });
    const cleared = await app.ok('sites.update', { siteId: set.id, changes: { defaults: { conditionalAccessGroup: '', meetingMode: '' } } });
    expect(cleared.site.defaults).not.toHaveProperty('conditionalAccessGroup');
    expect(cleared.site.defaults).not.toHaveProperty('meetingMode');
    expect(cleared.site.defaults.usageLocation).toBe('GB');
    const badGroup = await app.fails('sites.update', { siteId: set.id, changes: { defaults: { conditionalAccessGroup: 'two\nlines' } } });
    expect(badGroup.issues?.[0]?.field).toBe('defaults.conditionalAccessGroup');
  });

  it('a damaged site file is a bad-file error naming the file; a cancelled dialog is cancelled', async () => {
    const damaged = path.join(dir, 'damaged.roomready.json');
    fs.writeFileSync(damaged, '{ "format": "roomready-site", "schemaVersion": 1, "site": { "name": ');
    const failure = await app.fails('sites.open', { path: damaged });
    expect(failure.code).toBe('bad-file');
    expect(failure.message).toContain(damaged);
    expect(failure.message).toMatch(/not valid JSON/);

    const wrong = path.join(dir, 'wrong.roomready.json');
    fs.writeFileSync(wrong, JSON.stringify({ format: 'roomready-site', schemaVersion: 1, site: { name: 'W', topology: 'nowhere' } }));
    const invalid = await app.fails('sites.open', { path: wrong });
    expect(invalid.code).toBe('bad-file');
    expect(invalid.message).toContain('site.topology');

    app.dialogs.siteToOpen.push(null);
    expect((await app.fails('sites.open', {})).code).toBe('cancelled');
    const site = await app.ok('sites.create', { name: 'Unsaved', topology: 'onprem', cloud: 'global' });
    app.dialogs.savePath.push(null);
    expect((await app.fails('sites.save', { siteId: site.id })).code).toBe('cancelled');
    const unwritable = await app.fails('sites.save', { siteId: site.id, path: path.join(dir, 'no-such-folder', 'x.roomready.json') });
    expect(unwritable.code).toBe('bad-file');
    expect(unwritable.message).toContain('no-such-folder');
  });

  it('opens a file the dialog chose', async () => {
    const site = await app.ok('sites.create', { name: 'Berlin', topology: 'teams-online', cloud: 'global' });
    const file = path.join(dir, 'berlin.roomready.json');
    await app.ok('sites.save', { siteId: site.id, path: file });
    await app.ok('sites.close', { siteId: site.id });
    app.dialogs.siteToOpen.push(file);
    expect((await app.ok('sites.open', {})).site.name).toBe('Berlin');
  });
});

describe('recent sites', () => {
  async function saveSite(name: string): Promise<string> {
    const site = await app.ok('sites.create', { name, topology: 'teams-online', cloud: 'global' });
    const file = path.join(dir, `${name}.roomready.json`);
    await app.ok('sites.save', { siteId: site.id, path: file });
    await app.ok('sites.close', { siteId: site.id });
    return file;
  }

  it('lists the most recent first, at most ten, and drops sites whose file is gone', async () => {
    const files: string[] = [];
    for (let i = 0; i < MAX_RECENT_SITES + 2; i++) files.push(await saveSite(`site-${i}`));
    await app.ok('sites.open', { path: files[3]! });
    const { sites } = await app.ok('sites.recent', {});
    expect(sites).toHaveLength(MAX_RECENT_SITES);
    expect(sites[0]).toMatchObject({ path: files[3], name: 'site-3', topology: 'teams-online' });
    expect(sites.slice(1).map((site) => site.name)).toEqual(['site-11', 'site-10', 'site-9', 'site-8', 'site-7', 'site-6', 'site-5', 'site-4', 'site-2']);

    fs.rmSync(files[11]!);
    expect((await app.ok('sites.recent', {})).sites.map((site) => site.name)).not.toContain('site-11');
    // The list on disk was rewritten without it, atomically.
    const stored = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'recent-sites.json'), 'utf8'));
    expect(stored.sites).toHaveLength(MAX_RECENT_SITES - 1);
  });

  it('ignores a damaged recent-sites.json (and says so in the log), then writes a good one', async () => {
    fs.writeFileSync(path.join(app.dataDir, 'recent-sites.json'), '{ damaged');
    expect((await app.ok('sites.recent', {})).sites).toEqual([]);
    expect(app.logs.join('\n')).toMatch(/recent-sites\.json is not valid JSON/);
    const file = await saveSite('fresh');
    expect((await app.ok('sites.recent', {})).sites.map((site) => site.path)).toEqual([file]);
  });

  it('survives a restart (same data folder)', async () => {
    const file = await saveSite('kept');
    const again = new AppHarness({ dataDir: app.dataDir });
    try {
      expect((await again.ok('sites.recent', {})).sites.map((site) => site.path)).toEqual([file]);
    } finally {
      await again.dispose(false);
    }
  });
});
