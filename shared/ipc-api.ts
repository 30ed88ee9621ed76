// Builds window.roomready from a transport: one function per channel, grouped by namespace
// (`sites.open` -> `roomready.sites.open`), and `on(event, listener)` that returns its unsubscribe.
// The preload gives it Electron's ipcRenderer; browser tests give it a loopback HTTP transport, so
// the page sees the very same API either way. Dependency-free, because the preload bundles it.
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent } from './ipc-channels.ts';

export interface IpcTransport {
  invoke(channel: IpcChannel, input: unknown): Promise<unknown>;
  /** Delivers the event's payload only, never the transport's own event object. */
  subscribe(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

export interface StaticAppInfo {
  readonly appName: string;
  readonly version: string;
  readonly platform: string;
}

/** Returns a frozen object; typed as shared/ipc.ts's RoomReadyApi by whoever exposes it. */
export function buildRoomReadyApi(transport: IpcTransport, info: StaticAppInfo): Readonly<Record<string, unknown>> {
  const namespaces: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of IPC_CHANNELS) {
    const [namespace, method] = channel.split('.') as [string, string];
    // A fresh arrow per channel: the page can call it, but never reach the transport through it.
    (namespaces[namespace] ??= {})[method] = (input: unknown) => transport.invoke(channel, input ?? {});
  }
  const on = (event: IpcEvent, listener: (payload: unknown) => void): (() => void) => {
    if (!IPC_EVENTS.includes(event)) throw new TypeError(`roomready.on: there is no event named ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('roomready.on: the listener must be a function');
    return transport.subscribe(event, (payload) => listener(payload));
  };
  const frozen = Object.fromEntries(Object.entries(namespaces).map(([name, methods]) => [name, Object.freeze(methods)]));
  return Object.freeze({ appName: info.appName, version: info.version, platform: info.platform, ...frozen, on });
}
