// Runs in the page, before the page's own scripts (page.addInitScript), and gives it the same
// window.roomready the preload gives: shared/ipc-api.ts's buildRoomReadyApi over a transport whose
// invoke goes to a Playwright binding (answered by main/ipc.ts's dispatch in the test process) and
// whose events arrive through a deliver function the test process calls with page.evaluate.
// Bundled by esbuild into one script (bridge.ts); no DOM types here, the Node typecheck covers it.
import { buildRoomReadyApi, type IpcTransport, type StaticAppInfo } from '../../../../shared/ipc-api.ts';
import type { IpcEvent } from '../../../../shared/ipc-channels.ts';

export interface BridgeNames {
  /** The binding that carries a request to the test process. */
  invoke: string;
  /** What the test process calls to deliver an event. */
  deliver: string;
}

type Listener = (payload: unknown) => void;
type PageGlobal = Record<string, unknown> & { addEventListener?: (type: string, listener: (event: Record<string, unknown>) => void) => void };

export function install(info: StaticAppInfo, names: BridgeNames): void {
  const page = globalThis as unknown as PageGlobal;
  const listeners = new Map<string, Set<Listener>>();

  const transport: IpcTransport = {
    invoke(channel, input) {
      const binding = page[names.invoke];
      if (typeof binding !== 'function') return Promise.reject(new Error('The test bridge is not connected.'));
      return (binding as (channel: string, input: unknown) => Promise<unknown>)(channel, input);
    },
    subscribe(event: IpcEvent, listener: Listener) {
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, (set = new Set()));
      const own: Listener = (payload) => listener(payload);
      set.add(own);
      return () => void set.delete(own);
    },
  };

  Object.defineProperty(page, names.deliver, {
    value: (event: string, payload: unknown) => {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
  });
  Object.defineProperty(page, 'roomready', { value: buildRoomReadyApi(transport, info), enumerable: true });

  // A CSP violation may not reach the console in every case: report it there, where the test listens.
  page.addEventListener?.('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${String(event.violatedDirective)} blocked ${String(event.blockedURI)} (${String(event.sourceFile)}:${String(event.lineNumber)})`);
  });
}
