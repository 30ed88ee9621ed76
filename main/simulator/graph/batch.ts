// POST /$batch (JSON batching): up to 20 requests, each run through the same handlers as a
// top-level request and answered as {"responses":[{"id","status","headers","body"}]}. The batch
// itself succeeds (200) even when items fail; an item can be throttled on its own (a 429
// sub-response with Retry-After), which is why clients must re-queue items, not batches.
// dependsOn: an item whose dependency failed answers 424 Failed Dependency.
import type { FaultInjector } from '../faults.ts';
import { isRecord, parseJson, type SimRequest } from '../http.ts';
import type { StatsCounter } from '../stats.ts';
import type { GraphCall } from './context.ts';
import { graphError, GraphProblem } from './errors.ts';
import { dispatchGraph, idsFor, type GraphContext } from './routes.ts';

export const BATCH_LIMIT = 20;

export interface BatchContext extends GraphContext {
  faults: FaultInjector;
  stats: StatsCounter;
}

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const invalidPayload = () => new GraphProblem(400, 'BadRequest', 'Invalid batch payload format.');

function readItems(body: string): BatchItem[] {
  const parsed = parseJson(body);
  if (!isRecord(parsed) || !Array.isArray(parsed.requests)) throw invalidPayload();
  if (parsed.requests.length > BATCH_LIMIT) throw new GraphProblem(400, 'BadRequest', `The number of requests in the batch exceeds the limit of ${BATCH_LIMIT}.`);
  const seen = new Set<string>();
  return parsed.requests.map((raw) => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.method !== 'string' || typeof raw.url !== 'string' || seen.has(raw.id)) throw invalidPayload();
    seen.add(raw.id);
    const headers: Record<string, string> = {};
    if (raw.headers !== undefined) {
      if (!isRecord(raw.headers)) throw invalidPayload();
      for (const [k, v] of Object.entries(raw.headers)) headers[k.toLowerCase()] = String(v);
    }
    const dependsOn = raw.dependsOn === undefined ? [] : Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [];
    return { id: raw.id, method: raw.method.toUpperCase(), url: raw.url, headers, body: raw.body, dependsOn };
  });
}

function subRequest(outer: GraphCall, item: BatchItem): SimRequest {
  const relative = item.url.replace(/^\//, '');
  const url = new URL(`http://batch.invalid/v1.0/${relative}`);
  return {
    method: item.method,
    path: url.pathname,
    query: url.searchParams,
    headers: { authorization: outer.request.headers.authorization ?? '', 'client-request-id': outer.clientRequestId, ...item.headers },
    body: item.body === undefined ? '' : typeof item.body === 'string' ? item.body : JSON.stringify(item.body),
  };
}

export function runBatch(context: BatchContext, outer: GraphCall): { status: number; body: Record<string, unknown> } {
  const items = readItems(outer.request.body);
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const item of items) {
    const request = subRequest(outer, item);
    const ids = idsFor(context, request);
    const retryAfter = String(context.faults.rates.retryAfterSeconds);
    let response;
    if (item.dependsOn.some((d) => !((statuses.get(d) ?? 0) >= 200 && (statuses.get(d) ?? 0) < 300))) {
      response = graphError(424, 'FailedDependency', 'The request was not processed because a request it depends on failed.', ids);
    } else if (/^\/v1\.0\/\$batch/i.test(request.path)) {
      response = graphError(400, 'BadRequest', 'Nested batch requests are not supported.', ids);
    } else {
      const decision = context.faults.decideItem();
      if (decision === 'throttle') {
        context.stats.count('throttled');
        response = graphError(429, 'TooManyRequests', 'The server is busy. Please try again later.', ids, { headers: { 'retry-after': retryAfter } });
      } else if (decision === 'fault') {
        context.stats.count('faults');
        response = graphError(503, 'serviceNotAvailable', 'Service unavailable. Please try again later.', ids, { headers: { 'retry-after': retryAfter } });
      } else {
        response = dispatchGraph(context, request);
      }
    }
    statuses.set(item.id, response.status);
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'retry-after', 'location']) if (response.headers[name] !== undefined) headers[name === 'content-type' ? 'Content-Type' : name === 'retry-after' ? 'Retry-After' : 'Location'] = response.headers[name]!;
    responses.push({ id: item.id, status: response.status, headers, ...(response.body !== undefined ? { body: JSON.parse(response.body) as unknown } : {}) });
  }
  return { status: 200, body: { responses } };
}
