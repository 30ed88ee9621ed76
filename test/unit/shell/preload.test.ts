// main/preload.ts: what it puts on window.roomready, and that it stays a dependency-free file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as electron from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_INFO_ARGUMENT_PREFIX, encodeAppInfoArgument } from '../../../main/shell/app-info.ts';
import { contextBridge, resetElectronMock } from './electron-mock.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

const DOCUMENTED_KEYS = ['appName', 'platform', 'version'];
const originalArgv = process.argv;

/** Runs the preload as a renderer would, with these extra command-line arguments; returns what it exposed. */
async function runPreload(extraArguments: string[]): Promise<{ key: unknown; api: Record<string, unknown> }> {
  resetElectronMock();
  process.argv = [...originalArgv, ...extraArguments];
  vi.resetModules();
  await import('../../../main/preload.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0]!;
  return { key, api: api as Record<string, unknown> };
}

afterEach(() => {
  process.argv = originalArgv;
});

describe('window.roomready', () => {
  it('is built against the mock (imported before any module reset, so it stays one instance)', () => {
    expect(electron.contextBridge).toBe(contextBridge);
  });

  it('exposes the facts main passed, under the key "roomready", and nothing else', async () => {
    const argument = encodeAppInfoArgument({ appName: 'RoomReady', version: '2.4.6', platform: 'win32' });
    const { key, api } = await runPreload(['--enable-sandbox', argument]);

    expect(key).toBe('roomready');
    expect(Object.keys(api).sort()).toEqual(DOCUMENTED_KEYS);
    expect(api).toEqual({ appName: 'RoomReady', version: '2.4.6', platform: 'win32' });
  });

  it('is frozen: the page cannot change or add to it', async () => {
    const { api } = await runPreload([encodeAppInfoArgument({ appName: 'RoomReady', version: '1.0.0', platform: 'linux' })]);
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      api.version = '9.9.9';
    }).toThrow(TypeError);
    expect(() => {
      api.ipcRenderer = {};
    }).toThrow(TypeError);
    expect(api.version).toBe('1.0.0');
  });

  it('carries only plain strings: no functions, no Node or IPC objects', async () => {
    const { api } = await runPreload([encodeAppInfoArgument({ appName: 'RoomReady', version: '1.0.0', platform: 'linux' })]);
    for (const value of Object.values(api)) expect(typeof value).toBe('string');
  });

  it('drops anything extra smuggled into the argument', async () => {
    const smuggled = `${APP_INFO_ARGUMENT_PREFIX}${encodeURIComponent(
      JSON.stringify({ appName: 'RoomReady', version: '1.0.0', platform: 'linux', ipcRenderer: 'x', require: 'y' }),
    )}`;
    const { api } = await runPreload([smuggled]);
    expect(Object.keys(api).sort()).toEqual(DOCUMENTED_KEYS);
  });

  it.each([
    ['no argument', []],
    ['malformed JSON', [`${APP_INFO_ARGUMENT_PREFIX}%7Bnot-json`]],
    ['a missing field', [`${APP_INFO_ARGUMENT_PREFIX}${encodeURIComponent('{"appName":"RoomReady","version":"1.0.0"}')}`]],
  ])('falls back to readable placeholders with %s', async (_case, extraArguments) => {
    const { api } = await runPreload(extraArguments);
    expect(Object.keys(api).sort()).toEqual(DOCUMENTED_KEYS);
    expect(api).toEqual({ appName: 'RoomReady', version: 'unknown', platform: process.platform });
  });
});

describe('the preload source', () => {
  // A sandboxed preload can require only 'electron' and a few built-ins: anything it imports must be
  // a local file that the bundler inlines, and those files may import nothing at all.
  const importsOf = async (file: string): Promise<string[]> => {
    const source = await readFile(path.resolve(import.meta.dirname, '../../../main', file), 'utf8');
    return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  };

  it("imports only 'electron' and local dependency-free modules", async () => {
    const preloadImports = await importsOf('preload.ts');
    const localImports = preloadImports.filter((specifier) => specifier.startsWith('./'));
    expect(preloadImports.filter((specifier) => !specifier.startsWith('./'))).toEqual(['electron']);
    for (const local of localImports) expect(await importsOf(local)).toEqual([]);
  });
});
