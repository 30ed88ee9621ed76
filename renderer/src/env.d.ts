/// <reference types="vite/client" />

// window.roomready as main/preload.ts exposes it: the typed API of shared/ipc.ts.
type SharedRoomReadyApi = import('../../shared/ipc.ts').RoomReadyApi;

interface Window {
  /** Undefined when the page is opened without the app's preload (e.g. in a plain browser). */
  readonly roomready?: SharedRoomReadyApi;
}
