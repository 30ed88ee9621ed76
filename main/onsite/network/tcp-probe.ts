// TCP: does a connection to the address and port open, and how long does it take.
import net from 'node:net';
import { abortReason } from './probe-limits.ts';

export interface TcpConnection {
  address: string;
  ms: number;
}

export function connectTcp(address: string, port: number, signal: AbortSignal): Promise<TcpConnection> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    const started = performance.now();
    const socket = net.connect({ host: address, port });
    const onAbort = () => {
      socket.destroy();
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    socket.once('connect', () => {
      done();
      const ms = Math.round(performance.now() - started);
      socket.destroy();
      resolve({ address, ms });
    });
    socket.once('error', (error) => {
      done();
      socket.destroy();
      reject(error);
    });
  });
}
