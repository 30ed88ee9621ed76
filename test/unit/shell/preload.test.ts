// main/preload.ts with electron mocked: what it puts on window.roomready, how each function reaches
// main (ipcRenderer.invoke on the channel's wire name) and how events reach the page (the payload
// only, never Electron's event object, with an unsubscribe that removes exactly that listener).
import * as electron from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS, ipcWireName } from '../../../shared/ipc-channels.ts';
import { APP_INFO_ARGUMENT_PREFIX, encodeAppInfoArgument } from '../../../main/shell/app-info.ts';
import { contextBridge, ipcRenderer, resetElectronMock } from './electron-mock.ts';

vi.mock('electron', () => import('./electron-mock.ts'));

type Api = Record<string, unknown> & { on: (event: string, listener: unknown) => () => void };
type Method = (input?: unknown) => Promise<unknown>;

const STATIC_KEYS = ['appName', 'platform', 'version'];
const NAMESPACES = [...new Set(IPC_CHANNELS.map((channel) => channel.split('.')[0]!))].sort();
const originalArgv = process.argv;
const INFO = encodeAppInfoArgument({ appName: 'RoomReady', version: '2.4.6', platform: 'win32' });

/** Runs the preload as a renderer would, with these extra command-line arguments; returns what it exposed. */
async function runPreload(extraArguments: string[] = [INFO]): Promise<{ key: unknown; api: Api }> {
  resetElectronMock();
  process.argv = [...originalArgv, ...extraArguments];
  vi.resetModules();
  await import('../../../main/preload.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0]!;
  return { key, api: api as Api };
}

function method(api: Api, channel: string): Method {
  const [namespace, name] = channel.split('.') as [string, string];
  return (api[namespace] as Record<string, Method>)[name]!;
}

afterEach(() => {
  process.argv = originalArgv;
});

describe('window.roomready', () => {
  it('is built against the mock (imported before any module reset, so it stays one instance)', () => {
    expect(electron.contextBridge).toBe(contextBridge);
    expect(electron.ipcRenderer).toBe(ipcRenderer);
  });

  it('is exposed under "roomready" with the static facts, one namespace per channel group and on()', async () => {
    const { key, api } = await runPreload();
    expect(key).toBe('roomready');
    expect(Object.keys(api).sort()).toEqual([...STATIC_KEYS, ...NAMESPACES, 'on'].sort());
    expect({ appName: api.appName, version: api.version, platform: api.platform }).toEqual({
      appName: 'RoomReady',
      version: '2.4.6',
      platform: 'win32',
    });
  });

  it('has exactly one function per channel of the contract, and nothing else in its namespaces', async () => {
    const { api } = await runPreload();
    const exposed = NAMESPACES.flatMap((namespace) =>
      Object.entries(api[namespace] as Record<string, unknown>).map(([name, value]) => {
        expect(value, `${namespace}.${name}`).toBeTypeOf('function');
        return `${namespace}.${name}`;
      }),
    );
    expect(exposed.sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each(IPC_CHANNELS)('%s invokes its wire name with the input, and returns main\'s answer as is', async (channel) => {
    const { api } = await runPreload();
    const answer = { ok: true, data: { channel } };
    ipcRenderer.invoke.mockResolvedValueOnce(answer);
    const input = { probe: channel };

    await expect(method(api, channel)(input)).resolves.toBe(answer);
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcWireName(channel as never), input);
    expect(ipcWireName(channel as never)).toBe(`roomready:${channel}`);
  });

  it('sends {} for a call without input (channels whose input is an empty object)', async () => {
    const { api } = await runPreload();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: [] });
    await method(api, 'sites.recent')();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('roomready:sites.recent', {});
  });

  it('turns "main did not answer" into an { ok: false } result instead of a rejection', async () => {
    const { api } = await runPreload();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'roomready:sites.open'"));
    await expect(method(api, 'sites.open')({ path: '/x.roomready.json' })).resolves.toEqual({
      ok: false,
      code: 'internal',
      message: "sites.open: RoomReady's main process did not answer (No handler registered for 'roomready:sites.open').",
    });
  });

  it('is frozen, and so is every namespace: the page cannot change or add to it', async () => {
    const { api } = await runPreload();
    expect(Object.isFrozen(api)).toBe(true);
    for (const namespace of NAMESPACES) expect(Object.isFrozen(api[namespace]), namespace).toBe(true);
    expect(() => {
      api.version = '9.9.9';
    }).toThrow(TypeError);
    expect(() => {
      api.ipcRenderer = {};
    }).toThrow(TypeError);
    expect(() => {
      (api.sites as Record<string, unknown>).open = () => 'hijacked';
    }).toThrow(TypeError);
    expect(api.version).toBe('2.4.6');
  });

  it('hands out no ipcRenderer, Node or Electron object anywhere', async () => {
    const { api } = await runPreload();
    const seen: unknown[] = [];
    const visit = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.includes(value)) return;
      seen.push(value);
      for (const forbidden of [ipcRenderer, contextBridge, process, globalThis]) expect(value).not.toBe(forbidden);
      if (typeof value === 'object') for (const child of Object.values(value)) visit(child);
    };
    visit(api);
    for (const key of STATIC_KEYS) expect(api[key]).toBeTypeOf('string');
  });
});

describe('roomready.on', () => {
  it.each(IPC_EVENTS)('%s: the listener gets the payload only, never the IpcRendererEvent', async (event) => {
    const { api } = await runPreload();
    const listener = vi.fn();
    api.on(event, listener);
    const ipcEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
    const payload = { event, n: 1 };

    ipcRenderer.emit(ipcWireName(event), ipcEvent, payload, 'an extra argument main never sends');

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]); // exactly one argument
    expect(listener.mock.calls[0]).not.toContain(ipcEvent);
  });

  it('listens on the wire name only: a message on another channel does not reach it', async () => {
    const { api } = await runPreload();
    const listener = vi.fn();
    api.on('provision.progress', listener);
    ipcRenderer.emit('provision.progress', {}, 'unprefixed');
    ipcRenderer.emit('roomready:provision.finished', {}, 'another event');
    expect(listener).not.toHaveBeenCalled();
  });

  it('returns an unsubscribe that removes exactly that listener, once', async () => {
    const { api } = await runPreload();
    const wire = ipcWireName('tenant.changed');
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.on('tenant.changed', first);
    api.on('tenant.changed', second);
    expect(ipcRenderer.listenerCount(wire)).toBe(2);

    unsubscribeFirst();
    unsubscribeFirst(); // a second call must not remove someone else's listener
    expect(ipcRenderer.listenerCount(wire)).toBe(1);

    ipcRenderer.emit(wire, {}, { signedIn: true });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith({ signedIn: true });
  });

  it('the same listener subscribed twice is two subscriptions, each removed on its own', async () => {
    const { api } = await runPreload();
    const wire = ipcWireName('site.changed');
    const listener = vi.fn();
    const unsubscribe = api.on('site.changed', listener);
    api.on('site.changed', listener);
    unsubscribe();
    ipcRenderer.emit(wire, {}, 'payload');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it.each(['provision.progres', 'roomready:provision.progress', '__proto__', 'constructor', ''])(
    'throws for the unknown event name %j, and subscribes nothing',
    async (name) => {
      const { api } = await runPreload();
      expect(() => api.on(name, vi.fn())).toThrow(/there is no event named/);
      expect(ipcRenderer.eventNames()).toEqual([]);
    },
  );

  it('throws when the listener is not a function', async () => {
    const { api } = await runPreload();
    expect(() => api.on('provision.progress', 'alert(1)')).toThrow(/must be a function/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});

describe('the static facts', () => {
  it('drops anything extra smuggled into the argument', async () => {
    const smuggled = `${APP_INFO_ARGUMENT_PREFIX}${encodeURIComponent(
      JSON.stringify({ appName: 'RoomReady', version: '1.0.0', platform: 'linux', ipcRenderer: 'x', require: 'y' }),
    )}`;
    const { api } = await runPreload([smuggled]);
    expect(Object.keys(api).sort()).toEqual([...STATIC_KEYS, ...NAMESPACES, 'on'].sort());
    expect(api.version).toBe('1.0.0');
  });

  it.each([
    ['no argument', []],
    ['malformed JSON', [`${APP_INFO_ARGUMENT_PREFIX}%7Bnot-json`]],
    ['a missing field', [`${APP_INFO_ARGUMENT_PREFIX}${encodeURIComponent('{"appName":"RoomReady","version":"1.0.0"}')}`]],
  ])('fall back to readable placeholders with %s', async (_case, extraArguments) => {
    const { api } = await runPreload(extraArguments);
    expect({ appName: api.appName, version: api.version, platform: api.platform }).toEqual({
      appName: 'RoomReady',
      version: 'unknown',
      platform: process.platform,
    });
  });
});
