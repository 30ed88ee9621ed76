// The preload: the only bridge between the sandboxed page and the app. It is bundled into ONE
// dependency-free CommonJS file (out/preload/preload.cjs) because a sandboxed preload may only
// require 'electron' and a few built-ins (test/unit/shell/preload-bundle.test.ts holds it to that:
// no zod, no other require). It exposes data and named functions, never ipcRenderer, Node objects
// or IPC event objects (Electron security checklist item 20).
import { contextBridge, ipcRenderer } from 'electron';
import { buildRoomReadyApi } from '../shared/ipc-api.ts';
import { decodeAppInfoArgument, PRODUCT_NAME, type AppInfo } from './shell/app-info.ts';
import { ipcRendererTransport } from './shell/ipc-renderer-transport.ts';

// Main always passes the argument; the fallback only keeps the page readable if it ever does not.
const appInfo: AppInfo = decodeAppInfoArgument(process.argv) ?? {
  appName: PRODUCT_NAME,
  version: 'unknown',
  platform: process.platform,
};

// window.roomready: one function per channel of shared/ipc.ts (roomready.sites.open(...)),
// roomready.on(event, listener) returning its unsubscribe, and the static facts above.
contextBridge.exposeInMainWorld('roomready', buildRoomReadyApi(ipcRendererTransport(ipcRenderer), appInfo));
