import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFolderError, writeOutputFolder } from '../../../main/prepare/output-folder.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'roomready-out-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (...parts: string[]) => fs.readFileSync(path.join(root, ...parts), 'utf8');
const siblings = () => fs.readdirSync(root).sort();

describe('writeOutputFolder', () => {
  it('creates the folder with every file, manifest included', () => {
    writeOutputFolder(path.join(root, 'out'), [
      { path: 'manifest.json', content: '{}' },
      { path: 'rooms/a@contoso.com/room.json', content: '{"a":1}' },
      { path: 'rooms/a@contoso.com/SkypeSettings.xml', content: new TextEncoder().encode('<SkypeSettings/>') },
    ]);
    expect(read('out', 'manifest.json')).toBe('{}');
    expect(read('out', 'rooms', 'a@contoso.com', 'SkypeSettings.xml')).toBe('<SkypeSettings/>');
    expect(siblings()).toEqual(['out']);
  });

  it('replaces a previous RoomReady output completely (no stale files survive)', () => {
    const out = path.join(root, 'out');
    writeOutputFolder(out, [{ path: 'manifest.json', content: 'v1' }, { path: 'rooms/old/room.json', content: 'old' }]);
    writeOutputFolder(out, [{ path: 'manifest.json', content: 'v2' }, { path: 'rooms/new/room.json', content: 'new' }]);
    expect(read('out', 'manifest.json')).toBe('v2');
    expect(fs.existsSync(path.join(out, 'rooms', 'old'))).toBe(false);
    expect(siblings()).toEqual(['out']);
  });

  it('writes into an existing empty folder', () => {
    fs.mkdirSync(path.join(root, 'empty'));
    writeOutputFolder(path.join(root, 'empty'), [{ path: 'manifest.json', content: 'x' }]);
    expect(read('empty', 'manifest.json')).toBe('x');
  });

  it('refuses a non-empty folder that is not a RoomReady output, and a file', () => {
    fs.mkdirSync(path.join(root, 'documents'));
    fs.writeFileSync(path.join(root, 'documents', 'thesis.docx'), 'precious');
    expect(() => writeOutputFolder(path.join(root, 'documents'), [{ path: 'manifest.json', content: 'x' }])).toThrow(/not a RoomReady output folder/);
    expect(read('documents', 'thesis.docx')).toBe('precious');
    fs.writeFileSync(path.join(root, 'file'), 'x');
    expect(() => writeOutputFolder(path.join(root, 'file'), [])).toThrow(OutputFolderError);
  });

  it.each(['../escape.txt', '/etc/passwd', 'a/../../b', 'a\\b', 'a//b', ''])('refuses the unsafe path %j', (unsafe) => {
    expect(() => writeOutputFolder(path.join(root, 'out'), [{ path: unsafe, content: 'x' }])).toThrow(/not a plain relative path/);
    expect(siblings()).toEqual([]);
  });

  it('a failure halfway leaves the previous output intact and no staging folder behind', () => {
    const out = path.join(root, 'out');
    writeOutputFolder(out, [{ path: 'manifest.json', content: 'good' }]);
    // "clash" is written as a file, then needed as a folder: the write fails after some files exist.
    expect(() =>
      writeOutputFolder(out, [
        { path: 'first.txt', content: '1' },
        { path: 'clash', content: 'file' },
        { path: 'clash/inner.txt', content: 'boom' },
        { path: 'manifest.json', content: 'bad' },
      ]),
    ).toThrow(OutputFolderError);
    expect(read('out', 'manifest.json')).toBe('good');
    expect(fs.existsSync(path.join(out, 'first.txt'))).toBe(false);
    expect(siblings()).toEqual(['out']);
  });

  it('removes staging folders a killed run left behind', () => {
    fs.mkdirSync(path.join(root, '.roomready-staging-out-deadbeef'));
    writeOutputFolder(path.join(root, 'out'), [{ path: 'manifest.json', content: 'x' }]);
    expect(siblings()).toEqual(['out']);
  });
});
