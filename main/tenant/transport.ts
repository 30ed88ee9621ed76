// How every request to Microsoft 365 leaves RoomReady: MSAL's network client, the Graph client's
// last middleware and the Exchange client all send through a Transport. Production uses
// fetchTransport; practice mode and the tests use simulatorTransport, which sends the very same
// requests (same URLs, same bodies) to the simulated tenant on loopback. Only the transport differs.
import { CLOUDS } from '../../shared/clouds.ts';
import { classifyRequest, type RequestKind } from './request-kind.ts';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export type Transport = (request: HttpRequest, signal?: AbortSignal) => Promise<HttpResponse>;

/** A connection-level failure (reset, refused, DNS): the request may or may not have reached the service. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly url: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return headers;
}

/** The real network, through Node's fetch. */
export function fetchTransport(): Transport {
  return async (request, signal) => {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        ...(signal ? { signal } : {}),
        redirect: 'manual',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new TransportError(`${request.method} ${new URL(request.url).host}: ${cause?.message ?? (error as Error).message}`, request.url, cause?.code);
    }
    return { status: response.status, headers: headersOf(response), body: await response.text() };
  };
}

/**
 * Where the simulated tenant answers for each Microsoft host: a path prefix on the simulator's URL.
 * Every national cloud's hosts map too, so any cloud profile can be practised.
 */
export const SIMULATED_HOSTS: Readonly<Record<string, string>> = (() => {
  const prefixes: Record<string, string> = {};
  for (const cloud of Object.values(CLOUDS)) {
    prefixes[new URL(cloud.authorityHost).host] = '/login';
    prefixes[new URL(cloud.graphRoot).host] = '/graph';
    prefixes[new URL(cloud.exchangeRoot).host] = '/exchange';
  }
  prefixes['login.partner.microsoftonline.cn'] = '/login'; // MSAL's alias of login.chinacloudapi.cn
  return prefixes;
})();

/** Rewrites https://<Microsoft host>/path to <simulator>/<prefix>/path; anything else is refused. */
export function simulatedUrl(url: string, simulatorUrl: string): string {
  const parsed = new URL(url);
  const prefix = SIMULATED_HOSTS[parsed.host];
  if (prefix === undefined || parsed.protocol !== 'https:') throw new TransportError(`the simulated tenant does not answer for ${parsed.origin}`, url);
  return `${simulatorUrl.replace(/\/$/, '')}${prefix}${parsed.pathname}${parsed.search}`;
}

/** The simulated tenant at `simulatorUrl` answers every request meant for Microsoft 365. */
export function simulatorTransport(simulatorUrl: string, inner: Transport = fetchTransport()): Transport {
  return (request, signal) => inner({ ...request, url: simulatedUrl(request.url, simulatorUrl) }, signal);
}

/** Counts what goes through, by kind: the idempotency proof ("a second run makes zero writes"). */
export interface RequestCounts {
  reads: number;
  writes: number;
}

/**
 * Graph reads are GET (and $batch of GETs); Exchange reads are Get-* cmdlets; token requests count as
 * neither (request-kind.ts). Every attempt counts: a retried write is still a write request.
 */
export function countingTransport(inner: Transport, counts: RequestCounts, classify: (request: HttpRequest) => RequestKind = classifyRequest): Transport {
  return (request, signal) => {
    const kind = classify(request);
    if (kind === 'read') counts.reads++;
    else if (kind === 'write') counts.writes++;
    return inner(request, signal);
  };
}

/** A counting transport and its counts, with the classifier that understands Graph and Exchange. */
export function countRequests(inner: Transport): { transport: Transport; counts: RequestCounts } {
  const counts: RequestCounts = { reads: 0, writes: 0 };
  return { transport: countingTransport(inner, counts), counts };
}
