// The preload: the only bridge between the sandboxed page and the app. It is bundled into ONE
// dependency-free CommonJS file (out/preload/preload.cjs) because a sandboxed preload may only
// require 'electron' and a few built-ins. It exposes data and named functions, never ipcRenderer,
// Node objects or IPC event objects (Electron security checklist item 20).
import { contextBridge } from 'electron';
import { decodeAppInfoArgument, PRODUCT_NAME, type AppInfo } from './shell/app-info.ts';

/**
 * window.roomready. Issue 4 adds one named function per channel of shared/ipc.ts here
 * (each a thin wrapper over ipcRenderer.invoke that returns only the result).
 */
function buildRoomReadyApi(info: AppInfo) {
  return Object.freeze({
    appName: info.appName,
    version: info.version,
    platform: info.platform,
  });
}

// Main always passes the argument; the fallback only keeps the page readable if it ever does not.
const appInfo: AppInfo = decodeAppInfoArgument(process.argv) ?? {
  appName: PRODUCT_NAME,
  version: 'unknown',
  platform: process.platform,
};

contextBridge.exposeInMainWorld('roomready', buildRoomReadyApi(appInfo));
