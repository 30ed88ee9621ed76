// UDP to a Teams media relay: a few STUN binding requests, each with its own transaction id and time
// limit. Reachability, the median round trip and the share lost are what the room's audio and video
// will live with.
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { abortReason } from './probe-limits.ts';
import { decodeStunMessage, encodeBindingRequest, STUN_TRANSACTION_ID_BYTES, transactionKey, type MappedAddress } from './stun-message.ts';

export interface StunProbeInput {
  host: string;
  port: number;
  /** How many binding requests (default 5). */
  attempts?: number;
  /** How long to wait for each answer (default 1000 ms). */
  replyTimeoutMs?: number;
  /** Between sends (default 100 ms), so one lost burst does not take them all. */
  intervalMs?: number;
  signal: AbortSignal;
}

export interface StunProbeResult {
  address: string;
  sent: number;
  received: number;
  lossPercent: number;
  /** Round trips of the answered requests, in send order. */
  roundTripsMs: number[];
  medianMs?: number;
  mappedAddress?: MappedAddress;
  /** An error response's code, when the relay refused the request. */
  errorCode?: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function probeStun({ host, port, attempts = 5, replyTimeoutMs = 1000, intervalMs = 100, signal }: StunProbeInput): Promise<StunProbeResult> {
  const { address, family } = await lookup(host);
  if (signal.aborted) throw abortReason(signal);
  const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  const pending = new Map<string, { index: number; sentAt: number }>();
  const roundTrips = new Map<number, number>();
  const timers: NodeJS.Timeout[] = [];
  let sent = 0;
  let mappedAddress: MappedAddress | undefined;
  let errorCode: number | undefined;

  return new Promise<StunProbeResult>((resolve, reject) => {
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.close();
      if (error) return reject(error);
      const roundTripsMs = [...roundTrips.entries()].sort(([a], [b]) => a - b).map(([, ms]) => ms);
      const medianMs = median(roundTripsMs);
      resolve({
        address,
        sent: attempts,
        received: roundTripsMs.length,
        lossPercent: Math.round(((attempts - roundTripsMs.length) / attempts) * 100),
        roundTripsMs,
        ...(medianMs !== undefined ? { medianMs } : {}),
        ...(mappedAddress ? { mappedAddress } : {}),
        ...(errorCode !== undefined ? { errorCode } : {}),
      });
    };
    // Done when every request was sent and each was answered or ran out of time.
    const settle = (key: string) => {
      pending.delete(key);
      if (sent === attempts && pending.size === 0) finish();
    };
    const onAbort = () => finish(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish(error));
    socket.on('message', (datagram, remote) => {
      if (remote.port !== port) return;
      const response = decodeStunMessage(datagram);
      if (!response) return;
      const key = transactionKey(response.transactionId);
      const request = pending.get(key);
      if (!request) return; // not ours, a duplicate, or too late
      // An error response still proves the relay is reachable over UDP.
      roundTrips.set(request.index, Math.round((performance.now() - request.sentAt) * 10) / 10);
      if (response.kind === 'error') errorCode = response.errorCode;
      else if (response.mappedAddress) mappedAddress = response.mappedAddress;
      settle(key);
    });
    for (let index = 0; index < attempts; index += 1) {
      timers.push(
        setTimeout(() => {
          const transactionId = randomBytes(STUN_TRANSACTION_ID_BYTES);
          const key = transactionKey(transactionId);
          pending.set(key, { index, sentAt: performance.now() });
          sent += 1;
          timers.push(setTimeout(() => settle(key), replyTimeoutMs));
          socket.send(encodeBindingRequest(transactionId), port, address, (error) => {
            if (error) finish(error);
          });
        }, index * intervalMs),
      );
    }
  });
}
