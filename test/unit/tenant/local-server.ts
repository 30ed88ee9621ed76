// A small HTTP server on 127.0.0.1 for the gateway tests: records every request (method, URL,
// headers, body), counts requests in flight, and lets each test answer as the real service would,
// including by dropping the connection without an answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  /** Drop the connection without answering (a connection reset for the client). */
  reset?: boolean;
  /** Answer after this many milliseconds. */
  delayMs?: number;
  /** Never answer (until the server closes). */
  hang?: boolean;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface LocalServer {
  url: string;
  requests: RecordedRequest[];
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = requests.push(recorded) - 1;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        const reply = await handler(recorded, index);
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (reply.hang) return;
        if (reply.reset) {
          req.socket.destroy();
          return;
        }
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
        res.writeHead(reply.status ?? 200, { ...(reply.json !== undefined ? { 'content-type': 'application/json; odata.metadata=minimal' } : {}), ...reply.headers });
        res.end(body);
      } finally {
        inFlight--;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock and a sleep that only advance when a test's request waits: fast and deterministic. */
export function fakeTime(start = Date.parse('2026-03-02T09:00:00Z')) {
  const waits: number[] = [];
  let now = start;
  return {
    waits,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      waits.push(ms);
      now += ms;
    },
  };
}
