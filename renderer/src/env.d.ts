/// <reference types="vite/client" />

/**
 * window.roomready as main/preload.ts exposes it: static facts about the app, frozen.
 * Issue 4 replaces this hand-written shape with the one derived from shared/ipc.ts.
 */
interface RoomReadyApi {
  readonly appName: string;
  readonly version: string;
  readonly platform: string;
}

interface Window {
  /** Undefined when the page is opened without the app's preload (e.g. in a plain browser). */
  readonly roomready?: RoomReadyApi;
}
