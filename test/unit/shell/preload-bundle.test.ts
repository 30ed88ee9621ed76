// The built preload (out/preload/preload.cjs as electron.vite.config.ts makes it): ONE CommonJS file
// that requires nothing but 'electron' — a sandboxed preload cannot load anything else — and carries
// none of zod (the contract's schemas stay in main). Then it is run the way a sandboxed renderer
// runs it: a require that knows only 'electron', and a process with argv and platform only.
import { readdir, readFile } from 'node:fs/promises';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeAppInfoArgument } from '../../../main/shell/app-info.ts';
import { IPC_CHANNELS } from '../../../shared/ipc-channels.ts';
import { buildShell, type ShellBuild } from './shell-build.ts';

let build: ShellBuild;
let source: string;

beforeAll(async () => {
  build = await buildShell();
  source = await readFile(build.preloadFile, 'utf8');
}, 60_000);

afterAll(async () => {
  await build?.remove();
});

/** Every `require(...)` in the file, and the literal names among them. */
export function requiresOf(code: string): { calls: number; names: string[] } {
  const calls = [...code.matchAll(/\brequire\s*\(/g)].length;
  const names = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((match) => match[2]!);
  return { calls, names };
}

describe('the preload bundle', () => {
  it('is one file', async () => {
    expect(await readdir(build.preloadDir)).toEqual(['preload.cjs']);
  });

  it("requires 'electron' and nothing else, with no dynamic require or import", () => {
    const { calls, names } = requiresOf(source);
    expect([...new Set(names)]).toEqual(['electron']);
    expect(calls).toBe(names.length); // no require(variable)
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/^\s*export\s/m);
  });

  it('contains no zod', () => {
    expect(source).not.toMatch(/zod/i);
    expect(source).not.toMatch(/safeParse|ZodError|\$ZodType/);
  });

  it('the requires check itself catches a second dependency and a dynamic require', () => {
    expect(requiresOf('const e = require("electron"); const z = require("zod");').names).toEqual(['electron', 'zod']);
    const dynamic = requiresOf('const e = require("electron"); require(name);');
    expect(dynamic.calls).not.toBe(dynamic.names.length);
  });

  it('runs with only what a sandboxed preload has, and exposes every channel', async () => {
    const exposeInMainWorld = vi.fn();
    const invoke = vi.fn(async () => ({ ok: true, data: 'pong' }));
    const electron = { contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() } };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const info = encodeAppInfoArgument({ appName: 'RoomReady', version: '3.0.0', platform: 'linux' });
    const context = vm.createContext({ require: sandboxRequire, process: { argv: ['electron', info], platform: 'linux' } });

    vm.runInContext(source, context, { filename: build.preloadFile });

    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0]! as [string, Record<string, Record<string, (input: unknown) => Promise<unknown>>>];
    expect(key).toBe('roomready');
    expect(api.version).toBe('3.0.0');
    for (const channel of IPC_CHANNELS) {
      const [namespace, name] = channel.split('.') as [string, string];
      expect(api[namespace]?.[name], channel).toBeTypeOf('function');
    }
    await expect(api.sites!.open!({ path: '/a.roomready.json' })).resolves.toEqual({ ok: true, data: 'pong' });
    expect(invoke).toHaveBeenCalledWith('roomready:sites.open', { path: '/a.roomready.json' });
  });
});
