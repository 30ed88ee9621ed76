// Clock skew: the Date header of an HTTPS answer from the sign-in endpoint against the console's own
// clock. Tokens and certificates are checked against the clock, so a clock far off fails sign-in
// and TLS before any of the other checks can say why.
import http from 'node:http';
import https from 'node:https';
import { abortReason } from './probe-limits.ts';

/** Warn from one minute off; fail from five (token and TLS validity tolerance). */
export const CLOCK_WARN_MS = 60_000;
export const CLOCK_FAIL_MS = 5 * 60_000;

export interface ClockReading {
  url: string;
  /** The server's Date header (whole seconds). */
  serverTime: string;
  /** The console's clock halfway through the exchange. */
  localTime: string;
  /** Positive: the console is ahead of the server. */
  skewMs: number;
  roundTripMs: number;
}

export function readServerClock(url: string, now: () => Date, signal: AbortSignal): Promise<ClockReading> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const target = new URL(url);
    const client = target.protocol === 'http:' ? http : https;
    const sentAt = now().getTime();
    const started = performance.now();
    // Only the Date header is read and nothing is sent, so any certificate will do here: inspection
    // is the TLS check's finding, and a proxy's Date is as good a clock as the server's.
    const request = client.request(target, { method: 'HEAD', agent: false, rejectUnauthorized: false, signal }, (response) => {
      response.resume();
      const roundTripMs = Math.round(performance.now() - started);
      const receivedAt = now().getTime();
      const header = response.headers.date;
      const serverMs = header ? Date.parse(header) : Number.NaN;
      if (Number.isNaN(serverMs)) {
        reject(new Error(`${target.host} sent no usable Date header`));
        return;
      }
      const localMs = Math.round((sentAt + receivedAt) / 2);
      resolve({ url, serverTime: new Date(serverMs).toISOString(), localTime: new Date(localMs).toISOString(), skewMs: localMs - serverMs, roundTripMs });
    });
    request.on('error', (error) => reject(signal.aborted ? abortReason(signal) : error));
    request.end();
  });
}
