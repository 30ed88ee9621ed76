// Writes that must take effect once (a New-* or Add-*). The gateways do not repeat such a write after
// a lost connection, because it may or may not have been executed; here the caller looks (`done`)
// before sending it again, a bounded number of times. Once the run is cancelled, nothing is sent.
import { TransportError } from '../tenant/transport.ts';

/** How many times a write that must happen once is sent while the connection keeps failing. */
export const AMBIGUOUS_ATTEMPTS = 6;

export async function writeOnce(signal: AbortSignal | undefined, done: () => Promise<boolean>, write: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      await write();
      return;
    } catch (error) {
      if (!(error instanceof TransportError) || attempt >= AMBIGUOUS_ATTEMPTS) throw error;
    }
    if (await done()) return;
  }
}
