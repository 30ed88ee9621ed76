// The loopback HTTP server. It reads a request, finds the service by path prefix (/login, /graph,
// /exchange, /_simulator), adds the configured latency, lets the fault injector throttle, fail or
// reset service requests, and writes the service's answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultInjector } from './faults.ts';
import { jsonResponse, type SimRequest, type SimResponse } from './http.ts';
import type { StatsCounter } from './stats.ts';

export interface Service {
  handle(request: SimRequest): Promise<SimResponse> | SimResponse;
  /** Whether the fault injector applies (Graph and Exchange; not sign-in, not the control surface). */
  faultable: boolean;
  throttled(retryAfterSeconds: number, request: SimRequest): SimResponse;
  unavailable(retryAfterSeconds: number, request: SimRequest): SimResponse;
  internalError(request: SimRequest): SimResponse;
}

export interface ServerSettings {
  services: Readonly<Record<string, Service>>;
  /** Not delayed: the control surface. */
  undelayed: ReadonlySet<string>;
  latencyMs: () => number;
  faults: FaultInjector;
  stats: StatsCounter;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerHeaders(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function write(res: http.ServerResponse, response: SimResponse): void {
  const body = response.body === undefined ? undefined : Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body?.length ?? 0) });
  res.end(body);
}

async function respond(settings: ServerSettings, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) return write(res, jsonResponse(413, { error: { code: 'RequestEntityTooLarge', message: 'The request body is too large.' } }));
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const [, prefix = '', ...rest] = url.pathname.split('/');
  const service = settings.services[prefix];
  if (!service) return write(res, jsonResponse(404, { error: { code: 'NotFound', message: `The simulated tenant has nothing at ${url.pathname}.` } }));
  const request: SimRequest = { method: (req.method ?? 'GET').toUpperCase(), path: `/${rest.join('/')}`, query: url.searchParams, headers: lowerHeaders(req), body };

  const latency = settings.undelayed.has(prefix) ? 0 : settings.latencyMs();
  if (latency > 0) await sleep(latency);

  if (service.faultable) {
    const decision = settings.faults.decide();
    const retryAfter = settings.faults.rates.retryAfterSeconds;
    if (decision === 'reset') {
      settings.stats.count('resets');
      // No answer at all: the client sees the connection drop (ECONNRESET / "other side closed").
      req.socket.destroy();
      return;
    }
    if (decision === 'throttle') {
      settings.stats.count('throttled');
      return write(res, service.throttled(retryAfter, request));
    }
    if (decision === 'fault') {
      settings.stats.count('faults');
      return write(res, service.unavailable(retryAfter, request));
    }
  }

  let response: SimResponse;
  try {
    response = await service.handle(request);
  } catch (error) {
    // A bug in the simulator, not a simulated fault: say so on stderr without request contents.
    process.stderr.write(`roomready simulator: internal error on ${request.method} /${prefix}: ${(error as Error).message}\n`);
    response = service.internalError(request);
  }
  write(res, response);
}

export interface ListeningServer {
  url: string;
  close(): Promise<void>;
}

export function listen(settings: ServerSettings, port: number): Promise<ListeningServer> {
  const server = http.createServer((req, res) => {
    respond(settings, req, res).catch(() => {
      if (!res.headersSent) write(res, jsonResponse(500, { error: { code: 'InternalServerError', message: 'The simulator failed to answer.' } }));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
