// The bridge, handed down once: components ask for it instead of reading window.roomready.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { EventPayload, IpcEvent } from '../../../shared/ipc.ts';
import type { Api } from './client.ts';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi outside ApiContext');
  return api;
}

/** Subscribes to a main-process event for the component's lifetime; the latest listener is always called. */
export function useApiEvent<E extends IpcEvent>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    try {
      return api.on(event, (payload) => latest.current(payload));
    } catch {
      return undefined;
    }
  }, [api, event]);
}
