// Graph as a Service for the server: counts reads and writes (GET, and $batch of GETs, are reads)
// and gives Graph's own 429 and 503 answers when the fault injector decides so.
import type { SimRequest, SimResponse } from '../http.ts';
import { isRecord, parseJson } from '../http.ts';
import type { Service } from '../server.ts';
import { runBatch, type BatchContext } from './batch.ts';
import { graphError } from './errors.ts';
import { dispatchGraph, idsFor } from './routes.ts';

function isRead(request: SimRequest): boolean {
  if (request.method === 'GET') return true;
  if (request.method !== 'POST' || !/\/\$batch\/?$/i.test(request.path)) return false;
  const body = parseJson(request.body);
  return isRecord(body) && Array.isArray(body.requests) && body.requests.every((r) => isRecord(r) && String(r.method).toUpperCase() === 'GET');
}

export function graphService(context: BatchContext): Service {
  return {
    faultable: true,
    handle(request: SimRequest): SimResponse {
      context.stats.count(isRead(request) ? 'reads' : 'writes');
      return dispatchGraph(context, request, (call) => runBatch(context, call));
    },
    throttled: (retryAfter, request) => graphError(429, 'TooManyRequests', 'The server is busy. Please try again later.', idsFor(context, request), { headers: { 'retry-after': String(retryAfter) } }),
    unavailable: (retryAfter, request) => graphError(503, 'serviceNotAvailable', 'Service unavailable. Please try again later.', idsFor(context, request), { headers: { 'retry-after': String(retryAfter) } }),
    internalError: (request) => graphError(500, 'generalException', 'General exception while processing.', idsFor(context, request)),
  };
}
