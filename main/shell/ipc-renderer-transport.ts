// The preload's transport for shared/ipc-api.ts: requests go through ipcRenderer.invoke on the
// channel's wire name, events arrive through ipcRenderer.on. The page's listener receives the
// payload only, never Electron's IpcRendererEvent (which would hand it `sender`, an ipcRenderer
// that can reach every channel: Electron security checklist item 20).
// Electron-free and dependency-free (the preload bundles it): ipcRenderer is passed in.
import type { IpcTransport } from '../../shared/ipc-api.ts';
import { ipcWireName, type IpcChannel } from '../../shared/ipc-channels.ts';

type WireListener = (event: unknown, ...args: unknown[]) => void;

/** The members of Electron's ipcRenderer used here (structural, so this file needs no 'electron' import). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: WireListener): unknown;
  removeListener(channel: string, listener: WireListener): unknown;
}

/**
 * What the page gets when main did not answer at all (no handler registered yet, or main crashed):
 * the same `{ ok: false }` shape as every other failure, so the renderer needs no try/catch.
 */
function unanswered(channel: IpcChannel, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'internal', message: `${channel}: RoomReady's main process did not answer (${reason}).` } as const;
}

export function ipcRendererTransport(ipcRenderer: IpcRendererLike): IpcTransport {
  return {
    invoke: (channel, input) => ipcRenderer.invoke(ipcWireName(channel), input).catch((error: unknown) => unanswered(channel, error)),
    subscribe(event, listener) {
      const wire = ipcWireName(event);
      // Only the first argument after the event object travels: main sends exactly one payload.
      const handler: WireListener = (_event, payload) => listener(payload);
      ipcRenderer.on(wire, handler);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(wire, handler);
      };
    },
  };
}
